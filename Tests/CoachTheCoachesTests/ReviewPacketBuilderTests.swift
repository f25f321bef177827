import CoachTheCoaches
import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import Testing

/// A small organisation around Ann Lee: three learners, her own coach, a 2nd coach, and another
/// coach whose data must never reach Ann's packet.
private struct Organisation {
    let store: SQLiteStore
    let q3 = try! Period(parsing: "2026-Q3")
    let now = Date(timeIntervalSince1970: TimeInterval(Day("2026-11-20")!.ordinal * 86_400 + 9 * 3_600))

    init() throws {
        store = try SQLiteStore.inMemory()
        try store.configure(
            timeZone: "UTC", workweek: nil, addHolidays: [Day("2026-08-14")!, Day("2026-12-24")!])
        for (handle, name) in [
            ("dora", "Dora Chief"), ("lena", "Lena Park"), ("ann", "Ann Lee"), ("zq", "Zoe Quist"),
            ("ba", "Bert Alder"), ("cv", "Cora Voss"), ("max", "Max Other"), ("ida", "Ida Hidden"),
            ("carl", "Carl Idle"), ("nora", "Nora Never"),
        ] {
            try store.addPerson(
                Person(
                    handle: h(handle), name: name, unit: handle == "ann" ? "Assembly" : nil,
                    reportsTo: handle == "ann" ? h("dora") : nil))
        }
        for learner in ["ba", "cv", "zq"] {
            try store.addPairing(Pairing(coach: h("ann"), learner: h(learner), since: d("2026-06-01")))
        }
        try store.addPairing(
            Pairing(coach: h("dora"), learner: h("ann"), secondCoach: h("lena"), since: d("2026-06-01")))
        try store.addPairing(Pairing(coach: h("max"), learner: h("ida"), since: d("2026-06-01")))
        try store.addPairing(
            Pairing(coach: h("carl"), learner: h("nora"), since: d("2026-01-01"), until: d("2026-03-31")))

        let first = try target("ba", "Final assembly", "CONDITION-BA-1", "2026-06-15", "2026-07-31")
        try target("cv", "Kitting", "CONDITION-CV", "2026-06-20", "2026-10-15")
        let own = try target("ann", "Daily coaching rounds", "CONDITION-ANN", "2026-06-25", "2026-08-31")
        try target("ida", "Paint shop", "CONDITION-IDA", "2026-06-20", "2026-10-15")

        try cycle("ann", "ba", "2026-06-29")
        for day in ["2026-07-01", "2026-07-02", "2026-07-03"] { try cycle("ann", "ba", day, minutes: 15) }
        try store.closeTarget(first, as: .achieved, on: d("2026-07-10"), reflection: "REFLECTION-BA")
        try target("ba", "Final assembly", "CONDITION-BA-2", "2026-07-13", "2026-09-30")
        try cycle("ann", "ba", "2026-07-14")
        try cycle("ann", "cv", "2026-07-01", actual: "ACTUAL-TEXT")
        try cycle("ann", "cv", "2026-07-06")
        try cycle("ann", "zq", "2026-08-03")
        try cycle("ann", "zq", "2026-10-01")
        try cycle("max", "ida", "2026-07-02")
        try cycle("dora", "ann", "2026-07-07")
        try cycle("dora", "ann", "2026-07-08")
        try store.closeTarget(own, as: .missed, on: d("2026-09-01"), reflection: "REFLECTION-ANN")

        try store.addObservation(
            Observation(
                date: d("2026-07-06"), secondCoach: h("lena"), coach: h("ann"), notes: "SECRET-NOTE",
                focus: "Ask for the expectation", trigger: "When the next step is named"))
        try store.addObservation(
            Observation(date: d("2026-06-10"), secondCoach: h("lena"), coach: h("ann"), focus: "Before the period"))
        try store.addObservation(
            Observation(date: d("2026-07-06"), secondCoach: h("lena"), coach: h("max"), notes: "MAX-NOTE", focus: "X"))
    }

    @discardableResult
    func target(_ learner: String, _ focus: String, _ condition: String, _ created: String, _ by: String) throws
        -> UUID
    {
        let target = try TargetCondition(
            learner: h(learner), focusProcess: focus, condition: condition, achieveBy: d(by), createdOn: d(created))
        try store.addTarget(target)
        return target.id
    }

    func cycle(_ coach: String, _ learner: String, _ day: String, minutes: Int? = nil, actual: String? = nil) throws {
        try store.logCycle(
            CycleEntry(date: d(day), coach: h(coach), learner: h(learner), minutes: minutes, actualCondition: actual))
    }

    func builder(_ privacy: ReviewPrivacy = ReviewPrivacy()) -> ReviewPacketBuilder {
        ReviewPacketBuilder(store: store, period: q3, privacy: privacy, now: now, kataVersion: "9.9.9")
    }

    /// Ann's practice figures as the practice computation would hand them over.
    func practice(_ coach: String = "ann", days: [String: Int]? = nil) -> PracticeSummary {
        let daily =
            days ?? [
                "2026-07-01": 2, "2026-07-02": 1, "2026-07-03": 1, "2026-07-06": 1, "2026-07-14": 1, "2026-08-03": 1,
            ]
        let cycles = daily.values.reduce(0, +)
        return PracticeSummary(
            coach: coach, name: coach, unit: nil, cycles: cycles, learners: 3, workdays: 65, coachedDays: daily.count,
            cadence: Double(daily.count) / 65, longestStreak: 3, currentStreak: 0, longestGap: 40,
            lastCycle: d("2026-08-03"), daysSinceLastCycle: 58, averageMinutes: 15, cyclesOver20Minutes: 0,
            predictionRate: nil, observations: 1, weekly: [],
            dailyCycles: Dictionary(uniqueKeysWithValues: daily.map { (d($0.key), $0.value) }))
    }
}

private func h(_ text: String) -> Handle { try! Handle(validating: text) }
private func d(_ text: String) -> Day { Day(text)! }

private func json(_ packet: ReviewPacket) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(packet), as: UTF8.self)
}

@Suite("Review packet builder")
struct ReviewPacketBuilderTests {
    @Test("learners appear as Learner A, B, C in the order of their handles, without names or free text")
    func pseudonyms() async throws {
        let org = try Organisation()
        let packet = try await org.builder().packet(practice: org.practice())
        #expect(packet.learners.map(\.label) == ["Learner A", "Learner B", "Learner C"])
        #expect(packet.learners.map(\.cycles) == [4, 2, 1])
        #expect(packet.learners.map(\.lastCycle) == [d("2026-07-14"), d("2026-07-06"), d("2026-08-03")])
        #expect(packet.learners.allSatisfy { $0.handle == nil })
        #expect(packet.ownDevelopment.coaches.map(\.label) == ["Coach A"])
        let text = try json(packet)
        for secret in [
            "Bert", "Cora", "Zoe", "Dora", "\"ba\"", "\"cv\"", "\"zq\"", "\"dora\"", "CONDITION-", "REFLECTION-",
            "SECRET-NOTE", "ACTUAL-TEXT", "Final assembly", "Kitting", "Daily coaching rounds",
        ] {
            #expect(!text.contains(secret), "the packet shows \(secret)")
        }
        #expect(packet.privacy == ReviewPrivacy(learnerNames: false, notes: false))
    }

    @Test("the target conditions coached in the period, with pseudonym, outcome and cycles")
    func targets() async throws {
        let org = try Organisation()
        let targets = try await org.builder().packet(practice: org.practice()).targetConditions
        #expect(targets.map(\.learner) == ["Learner A", "Learner A", "Learner B"])
        // The focus process is free text: left out without notes.
        #expect(targets.map(\.focusProcess) == [nil, nil, nil])
        #expect(targets.map(\.status) == ["achieved", "active", "active"])
        #expect(targets.map(\.closedOn) == [d("2026-07-10"), nil, nil])
        #expect(targets.map(\.cycles) == [3, 1, 2])
        #expect(targets.map(\.achieveBy) == [d("2026-07-31"), d("2026-09-30"), d("2026-10-15")])
        #expect(targets.allSatisfy { $0.condition == nil && $0.reflection == nil })
    }

    @Test("with learners and notes opted in, names, handles and free text appear")
    func optIn() async throws {
        let org = try Organisation()
        let packet = try await org.builder(ReviewPrivacy(learnerNames: true, notes: true)).packet(
            practice: org.practice())
        #expect(packet.learners.map(\.label) == ["Bert Alder", "Cora Voss", "Zoe Quist"])
        #expect(packet.learners.map(\.handle) == ["ba", "cv", "zq"])
        #expect(packet.targetConditions.map(\.learner) == ["Bert Alder", "Bert Alder", "Cora Voss"])
        #expect(packet.targetConditions.map(\.condition) == ["CONDITION-BA-1", "CONDITION-BA-2", "CONDITION-CV"])
        #expect(packet.targetConditions.map(\.focusProcess) == ["Final assembly", "Final assembly", "Kitting"])
        #expect(packet.ownDevelopment.targetConditions.map(\.focusProcess) == ["Daily coaching rounds"])
        #expect(packet.targetConditions.first?.reflection == "REFLECTION-BA")
        #expect(packet.observations.map(\.notes) == ["SECRET-NOTE"])
        #expect(packet.ownDevelopment.coaches.map(\.label) == ["Dora Chief"])
        #expect(packet.ownDevelopment.coaches.map(\.handle) == ["dora"])
        #expect(packet.ownDevelopment.targetConditions.map(\.reflection) == ["REFLECTION-ANN"])
    }

    @Test("other coaches' learners, target conditions and observations never appear")
    func otherCoaches() async throws {
        let org = try Organisation()
        let packet = try await org.builder(ReviewPrivacy(learnerNames: true, notes: true)).packet(
            practice: org.practice())
        let text = try json(packet)
        for other in ["Ida", "\"ida\"", "Max", "\"max\"", "CONDITION-IDA", "MAX-NOTE", "Paint shop"] {
            #expect(!text.contains(other), "the packet shows \(other)")
        }
    }

    @Test("observations of the coach in the period: date, observer, focus point and trigger")
    func observations() async throws {
        let org = try Organisation()
        let observations = try await org.builder().packet(practice: org.practice()).observations
        #expect(
            observations == [
                ReviewObservation(
                    date: d("2026-07-06"), observer: ReviewPerson(handle: "lena", name: "Lena Park"),
                    focus: "Ask for the expectation", trigger: "When the next step is named", notes: nil)
            ])
    }

    @Test("own development: cycles received from Coach A and own target conditions with their outcome")
    func ownDevelopment() async throws {
        let org = try Organisation()
        let own = try await org.builder().packet(practice: org.practice()).ownDevelopment
        #expect(own.cyclesReceived == 2)
        #expect(own.daysCoached == 2)
        #expect(own.coaches == [CoachingPartner(label: "Coach A", handle: nil, cycles: 2, lastCycle: d("2026-07-08"))])
        #expect(
            own.targetConditions == [
                OwnTargetCondition(
                    focusProcess: nil, setOn: d("2026-06-25"), achieveBy: d("2026-08-31"),
                    status: "missed", closedOn: d("2026-09-01"), cycles: 2, condition: nil, reflection: nil)
            ])
    }

    @Test("the packet states who, the period, when and by which version it was made, and what it is for")
    func header() async throws {
        let org = try Organisation()
        let practice = org.practice()
        let packet = try await org.builder().packet(practice: practice)
        #expect(packet.format == "kata-review/1")
        #expect(packet.coach == ReviewPerson(handle: "ann", name: "Ann Lee", unit: "Assembly"))
        #expect(packet.period == ReviewPeriod(from: d("2026-07-01"), to: d("2026-09-30")))
        #expect(packet.generatedAt == "2026-11-20T09:00:00Z")
        #expect(packet.kataVersion == "9.9.9")
        #expect(packet.purpose.contains("development conversation") && packet.purpose.contains("not a ranking"))
        #expect(packet.practice == practice)
        #expect(packet.calendar == ReviewCalendar(workweek: [1, 2, 3, 4, 5], holidays: [d("2026-08-14")]))
        #expect(packet.definitions.map(\.figure).starts(with: ["workdays", "cycles", "learners", "coachedDays"]))
        #expect(!packet.emptyPeriod)
    }

    @Test("daily cycles come from the practice summary, or from the store when it has none")
    func dailyCycles() async throws {
        let org = try Organisation()
        let given = try await org.builder().packet(practice: org.practice(days: ["2026-07-01": 5, "2026-12-01": 1]))
        #expect(given.dailyCycles == [DailyCycles(date: d("2026-07-01"), cycles: 5)])
        var bare = org.practice()
        bare.dailyCycles = [:]
        let read = try await org.builder().packet(practice: bare)
        #expect(
            read.dailyCycles.map(\.date.description) == [
                "2026-07-01", "2026-07-02", "2026-07-03", "2026-07-06", "2026-07-14", "2026-08-03",
            ])
        #expect(read.dailyCycles.map(\.cycles) == [2, 1, 1, 1, 1, 1])
    }

    @Test("a coach without activity in the period still gets a packet, marked empty")
    func emptyPeriod() async throws {
        let org = try Organisation()
        let packet = try await org.builder().packet(practice: org.practice("carl", days: [:]))
        #expect(packet.emptyPeriod)
        #expect(packet.learners.isEmpty && packet.observations.isEmpty && packet.targetConditions.isEmpty)
        #expect(packet.ownDevelopment.cyclesReceived == 0 && packet.ownDevelopment.targetConditions.isEmpty)
        #expect(packet.coach.name == "Carl Idle")
    }

    @Test("a coach the practice figures do not list gets zero figures, the weeks of the period and their last cycle")
    func withoutActivity() async throws {
        let org = try Organisation()
        let carl = try await org.builder().requireCoach(h("carl"))
        let summary = try await org.builder().summaryWithoutActivity(for: carl)
        #expect(summary.coach == "carl" && summary.name == "Carl Idle")
        #expect(summary.cycles == 0 && summary.workdays == 0 && summary.cadence == 0 && summary.lastCycle == nil)
        #expect(summary.weekly.count == 14)
        #expect(summary.weekly.first == WeeklyPractice(week: "2026-W27", cycles: 0, coachedDays: 0))
        #expect(summary.weekly.last?.week == "2026-W40")
        let packet = try await org.builder().packet(practice: summary)
        #expect(packet.emptyPeriod)
        let later = ReviewPacketBuilder(
            store: org.store, period: try Period(parsing: "2026-11"), now: org.now, kataVersion: "9.9.9")
        let ann = try await later.summaryWithoutActivity(for: later.requireCoach(h("ann")))
        #expect(ann.lastCycle == d("2026-10-01"))
        #expect(ann.daysSinceLastCycle == 60)
    }

    @Test("several packets from one snapshot keep each coach's data apart")
    func several() async throws {
        let org = try Organisation()
        let packets = try await org.builder(ReviewPrivacy(notes: true)).packets(practices: [
            org.practice("ann"), org.practice("max", days: ["2026-07-02": 1]),
        ])
        #expect(packets.map(\.coach.handle) == ["ann", "max"])
        #expect(packets[0].learners.count == 3)
        #expect(
            packets[1].learners == [
                CoachingPartner(label: "Learner A", handle: nil, cycles: 1, lastCycle: d("2026-07-02"))
            ])
        #expect(packets[1].targetConditions.map(\.focusProcess) == ["Paint shop"])
        #expect(packets[1].observations.count == 1)
        let collection = try await org.builder().collection(practices: [org.practice("ann")])
        #expect(collection.packets.count == 1 && collection.format == "kata-review/1")
        #expect(collection.generatedAt == "2026-11-20T09:00:00Z")
    }

    @Test("an unknown person or one who never coached is refused; a coach with an old pairing is not")
    func requireCoach() async throws {
        let org = try Organisation()
        await #expect(throws: KataError.unknown(kind: "coach", reference: "ghost", hint: "See 'kata person list'.")) {
            try await org.builder().requireCoach(h("ghost"))
        }
        do {
            _ = try await org.builder().requireCoach(h("nora"))
            Issue.record("nora never coached")
        } catch let error as KataError {
            #expect(error.description.hasPrefix("Nora Never (nora) has never coached"))
            if case .ruleBroken = error {} else { Issue.record("wrong kind of error: \(error)") }
        }
        #expect(try await org.builder().requireCoach(h("carl")).name == "Carl Idle")
        #expect(try await org.builder().requireCoach(h("ann")).name == "Ann Lee")
    }

    @Test("pseudonym letters go on like spreadsheet columns")
    func letters() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52, 701, 702].map(ReviewPacketBuilder.letters) == [
                "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
            ])
    }

    @Test("a target condition closed after the period is active at its end, with the later outcome marked as later")
    func statusAtEndOfPeriod() async throws {
        let org = try Organisation()
        let before = try await org.builder().packet(practice: org.practice())
        let kitting = try #require(
            try org.store.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM target WHERE condition = 'CONDITION-CV'")
            }.flatMap(UUID.init(uuidString:)))
        try org.store.closeTarget(kitting, as: .achieved, on: d("2026-10-09"), reflection: nil)
        let after = try await org.builder().packet(practice: org.practice())
        // The same status and end whether the packet is made before or after the target was closed.
        #expect(after.targetConditions.map(\.status) == before.targetConditions.map(\.status))
        #expect(after.targetConditions.map(\.closedOn) == before.targetConditions.map(\.closedOn))
        #expect(after.targetConditions.map(\.status) == ["achieved", "active", "active"])
        #expect(
            after.targetConditions.map(\.later) == [
                nil, nil, LaterOutcome(status: "achieved", closedOn: d("2026-10-09")),
            ])
        #expect(before.targetConditions.allSatisfy { $0.later == nil })

        // The coach's own target condition, missed on 1 September, was still active at the end of August.
        let august = ReviewPacketBuilder(
            store: org.store, period: try Period(parsing: "2026-08"), now: org.now, kataVersion: "9.9.9")
        let own = try await august.packet(practice: org.practice()).ownDevelopment.targetConditions
        #expect(own.map(\.status) == ["active"])
        #expect(own.map(\.closedOn) == [nil])
        #expect(own.map(\.later) == [LaterOutcome(status: "missed", closedOn: d("2026-09-01"))])
    }

    @Test("a packet for a period that reaches past today counts up to today and says so")
    func periodCutAtToday() async throws {
        let org = try Organisation()
        let q4 = try Period(parsing: "2026-Q4")
        let builder = ReviewPacketBuilder(
            store: org.store, period: q4, today: d("2026-11-20"), now: org.now, kataVersion: "9.9.9")
        let packet = try await builder.packet(
            practice: try await builder.summaryWithoutActivity(for: builder.requireCoach(h("ann"))))
        #expect(packet.period == ReviewPeriod(from: d("2026-10-01"), to: d("2026-12-31"), until: d("2026-11-20")))
        // Holidays after today are not part of the counted period.
        #expect(packet.calendar.holidays.isEmpty)
        #expect(packet.practice.weekly.last?.week == "2026-W47")
        #expect(packet.practice.daysSinceLastCycle == 50)
        let text = try json(packet)
        #expect(text.contains(#""period":{"from":"2026-10-01","to":"2026-12-31","until":"2026-11-20"}"#))
        let q3 = try await org.builder().packet(practice: org.practice())
        #expect(try json(q3).contains(#""period":{"from":"2026-07-01","to":"2026-09-30"}"#))
    }
}
