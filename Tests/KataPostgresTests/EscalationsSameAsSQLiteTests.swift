import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import Testing

extension PostgresTests.SameAsSQLiteTests {
    @Test("escalations: made, refused, decided, resolved and listed as on SQLite, with the same words")
    func escalations() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            let today = try Self.day("2026-11-20")
            let pairing = try Pairing(
                id: Self.id(50), coach: Self.handle("ann"), learner: Self.handle("bo"), since: Self.day("2026-11-02"))
            let target = try TargetCondition(
                id: Self.id(51), learner: Self.handle("bo"), focusProcess: "Station 4", condition: "Within 52 s",
                achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-02"))
            let obstacle = try Obstacle(
                id: Self.id(52), target: Self.id(51), text: "Screws run out", createdOn: Self.day("2026-11-03"))
            await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
            await twins.sameEffect(
                { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
            await twins.sameEffect(
                { try $0.addObstacle(obstacle, today: today) }, { try await $0.addObstacle(obstacle, today: today) })
            let made = try Escalation(
                id: Self.id(53), obstacle: Self.id(52), to: Self.handle("carl"), causeUnit: "Logistics",
                loss: WeeklyLoss(amount: 1800, unit: "EUR"), basis: "2 stops a shift", fix: "Kanban loop",
                fixCost: Escalation.FixCost.none, toldOn: Self.day("2026-11-10"), toldHow: "by kata")
            let stored = await twins.same(
                { try $0.escalate(made, today: today) }, { try await $0.escalate(made, today: today) })
            var expected = made
            expected.affectedUnit = "Assembly"
            #expect(stored == .value(expected))
            // The same obstacle again; an obstacle and a decider nobody knows; told before it was parked.
            let refused = [
                try Escalation(id: Self.id(54), obstacle: Self.id(52), to: Self.handle("ann"), toldOn: today),
                try Escalation(id: Self.id(55), obstacle: Self.id(99), to: Self.handle("ann"), toldOn: today),
                try Escalation(id: Self.id(56), obstacle: Self.id(52), to: Self.handle("anna"), toldOn: today),
                try Escalation(
                    id: Self.id(57), obstacle: Self.id(52), to: Self.handle("ann"), toldOn: Self.day("2026-11-02")),
            ]
            for escalation in refused {
                #expect(
                    await twins.same(
                        { try $0.escalate(escalation, today: today) },
                        { try await $0.escalate(escalation, today: today) }
                    ).isError)
            }
            // Events: before told, in the future, out of order, one that does not follow; then good ones.
            let events: [(String, EscalationEvent.Action, String?, String?)] = [
                ("2026-11-09", .accepted, nil, nil), ("2026-11-21", .accepted, nil, nil),
                ("2026-11-12", .deferred, nil, "2026-12-01"), ("2026-11-11", .accepted, nil, nil),
                ("2026-11-13", .reopened, nil, nil), ("2026-11-14", .declined, "No budget", nil),
                ("2026-11-16", .reopened, "The loss doubled", nil), ("2026-11-17", .accepted, nil, nil),
                ("2026-11-18", .resolved, nil, nil),
            ]
            for (date, action, reason, reviewBy) in events {
                let event = try EscalationEvent(
                    date: Self.day(date), action: action, reason: reason, reviewBy: reviewBy.map(Self.day))
                await twins.same(
                    { try $0.recordEscalationEvent(Self.id(53), event, today: today) },
                    { try await $0.recordEscalationEvent(Self.id(53), event, today: today) })
            }
            for filter in [
                EscalationFilter(), EscalationFilter(to: try Self.handle("carl")), EscalationFilter(unit: "Assembly"),
                EscalationFilter(unit: "Logistics", liveOnly: true), EscalationFilter(obstacle: try Self.id(52)),
            ] {
                await twins.same({ try $0.escalations(filter) }, { try await $0.escalations(filter) })
            }
            await twins.same({ try $0.resolve(.escalation, "0000") }, { try await $0.resolve(.escalation, "0000") })
            // Access: carl decides his own; bo (the learner) may not decide; a stranger sees none.
            let learner = twins.scoped(to: .account(handle: try Self.handle("bo"), roles: []))
            let reopen = try EscalationEvent(date: today, action: .reopened)
            await learner.same(
                { try $0.recordEscalationEvent(Self.id(53), reopen, today: today) },
                { try await $0.recordEscalationEvent(Self.id(53), reopen, today: today) })
            let coach = twins.scoped(to: .account(handle: try Self.handle("ann"), roles: []))
            let second = try Escalation(id: Self.id(58), obstacle: Self.id(52), to: Self.handle("carl"), toldOn: today)
            await coach.same({ try $0.escalate(second, today: today) }, { try await $0.escalate(second, today: today) })
            let accept = try EscalationEvent(date: today, action: .accepted)
            await coach.same(
                { try $0.recordEscalationEvent(Self.id(58), accept, today: today) },
                { try await $0.recordEscalationEvent(Self.id(58), accept, today: today) })
            let decider = twins.scoped(to: .account(handle: try Self.handle("carl"), roles: []))
            await decider.same(
                { try $0.recordEscalationEvent(Self.id(58), accept, today: today) },
                { try await $0.recordEscalationEvent(Self.id(58), accept, today: today) })
            await decider.same(
                { try $0.escalations(EscalationFilter()) }, { try await $0.escalations(EscalationFilter()) })
        }
    }
}
