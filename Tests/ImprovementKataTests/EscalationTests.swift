import Foundation
import ImprovementKata
import Testing

@Suite("Escalation: the loss as told, and dated events that follow from the status")
struct EscalationTests {
    static let toldOn = Day("2026-11-10")!

    static func escalation() throws -> Escalation {
        try Escalation(obstacle: UUID(), to: Handle(validating: "carl"), toldOn: toldOn)
    }

    @Test("a loss reads AMOUNT UNIT/week", arguments: ["1800 EUR/week", "1800 EUR / week", "12.5 hours/Week"])
    func parsesLoss(text: String) throws {
        let loss = try WeeklyLoss(parsing: text, field: "--loss")
        #expect(loss.amount == 1800 || loss.amount == 12.5)
    }

    @Test(
        "anything else is refused naming the option",
        arguments: ["5", "EUR/week", "0 EUR/week", "-3 EUR/week", "300 EUR/day", "1800 EUR per week", "inf EUR/week"])
    func refusesLoss(text: String) {
        #expect(throws: KataError.self) { try WeeklyLoss(parsing: text, field: "--loss") }
        do {
            _ = try WeeklyLoss(parsing: text, field: "--loss")
        } catch let error as KataError {
            #expect(error.field == "loss")
        } catch {
            Issue.record("not a KataError: \(error)")
        }
    }

    @Test("open until answered; accepted, then resolved; reopened after a decline")
    func statuses() throws {
        var escalation = try Self.escalation()
        #expect(escalation.status == .open)
        try escalation.append(EscalationEvent(date: Day("2026-11-12")!, action: .accepted))
        #expect(escalation.status == .accepted)
        #expect(throws: KataError.self) {
            try escalation.append(EscalationEvent(date: Day("2026-11-13")!, action: .declined, reason: "No"))
        }
        try escalation.append(
            EscalationEvent(date: Day("2026-11-14")!, action: .resolved, verifiedOn: Day("2026-11-16")))
        #expect(escalation.status == .resolved)
        #expect(escalation.status(on: Day("2026-11-13")) == .accepted)
        try escalation.append(EscalationEvent(date: Day("2026-11-18")!, action: .reopened))
        #expect(escalation.status == .open)
        #expect(escalation.waitEnded(by: nil) == nil)
    }

    @Test("events are dated from the day the decider was told, in order")
    func dates() throws {
        var escalation = try Self.escalation()
        #expect(
            throws: KataError.ruleBroken(
                "the decider was told on 2026-11-10; an escalation cannot be accepted on 2026-11-09.")
        ) {
            try escalation.append(EscalationEvent(date: Day("2026-11-09")!, action: .accepted))
        }
        try escalation.append(EscalationEvent(date: Day("2026-11-12")!, action: .deferred, reviewBy: Day("2026-12-01")))
        #expect(throws: KataError.self) {
            try escalation.append(EscalationEvent(date: Day("2026-11-11")!, action: .accepted))
        }
    }

    @Test("a decline needs its reason; a review date goes only with a deferral")
    func eventNeeds() {
        #expect(throws: KataError.self) { try EscalationEvent(date: Self.toldOn, action: .declined) }
        #expect(throws: KataError.self) { try EscalationEvent(date: Self.toldOn, action: .declined, reason: "  ") }
        #expect(throws: KataError.self) {
            try EscalationEvent(date: Self.toldOn, action: .accepted, reviewBy: Self.toldOn)
        }
        #expect(throws: KataError.self) {
            try EscalationEvent(date: Self.toldOn, action: .deferred, reviewBy: Day("2026-11-09"))
        }
    }

    @Test("an obstacle overcome or dropped is not escalated")
    func closedObstacle() throws {
        var obstacle = try Obstacle(target: UUID(), text: "Screws run out", createdOn: Day("2026-11-02")!)
        let escalation = try Self.escalation()
        try escalation.requireEscalable(obstacle)
        var early = escalation
        early.toldOn = Day("2026-11-01")!
        #expect(throws: KataError.self) { try early.requireEscalable(obstacle) }
        try obstacle.close(as: .dropped, on: Day("2026-11-05")!)
        #expect(
            throws: KataError.ruleBroken(
                "the obstacle is dropped; only an obstacle still on the parking lot is escalated.")
        ) {
            try escalation.requireEscalable(obstacle)
        }
    }
}
