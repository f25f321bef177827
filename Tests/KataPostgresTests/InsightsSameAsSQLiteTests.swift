import CoachTheCoaches
import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import Testing

extension PostgresTests.SameAsSQLiteTests {
    /// Three months of coaching written alike into both stores (DESIGN §6, §7): ann coaches bo (2nd
    /// coach carl) and dee until 2026-11-10, carl coaches dee from then on and eve (2nd coach ann),
    /// eve coaches finn, and gus, with no pairing, holds a few cycles with carl. Steps are planned
    /// with and without predictions (blank, white space alone); a holiday on 2026-11-11.
    enum Organisation {
        static let today = Day("2026-11-20")!
        static let now = Date(timeIntervalSince1970: 1_795_000_000)

        static func write(_ twins: Twins) async throws {
            func both(_ call: (any KataServiceWrites) async throws -> Void) async throws {
                try await call(twins.sqlite)
                try await call(twins.postgres)
            }
            try await both {
                try await $0.configure(SettingsChange(timeZone: "UTC", addHolidays: [try day("2026-11-11")]))
            }
            for (handle, name, unit, manager) in [
                ("ann", "Ann Lee", "Assembly", nil), ("bo", "Bo Chen", "Assembly", "ann"),
                ("carl", "Carl Jung", "Office", nil), ("dee", "Dee Diaz", "Assembly", "carl"),
                ("eve", "Eve Ito", "Office", nil), ("finn", "Finn Berg", nil, "eve"),
                ("gus", "Gus Ruiz", "Office", nil),
            ] as [(String, String, String?, String?)] {
                let person = try Person(
                    handle: Self.handle(handle), name: name, unit: unit, reportsTo: try manager.map(Self.handle))
                try await both { try await $0.addPerson(person) }
            }
            let pairings =
                [
                    ("ann", "bo", "carl", "2026-09-01", nil), ("ann", "dee", nil, "2026-09-15", "2026-11-10"),
                    ("carl", "dee", nil, "2026-11-11", nil), ("carl", "eve", "ann", "2026-10-15", nil),
                    ("eve", "finn", nil, "2026-11-02", nil),
                ] as [(String, String, String?, String, String?)]
            for (offset, (coach, learner, second, since, until)) in pairings.enumerated() {
                let pairing = try Pairing(
                    id: PostgresTests.SameAsSQLiteTests.id(500 + offset), coach: Self.handle(coach),
                    learner: Self.handle(learner), secondCoach: try second.map(Self.handle), since: day(since),
                    until: try until.map(day))
                try await both { try await $0.addPairing(pairing) }
            }
            for (offset, learner) in ["bo", "dee", "eve", "finn", "carl"].enumerated() {
                let target = try TargetCondition(
                    id: PostgresTests.SameAsSQLiteTests.id(600 + offset), learner: Self.handle(learner),
                    focusProcess: offset == 4 ? "Office mail" : "Station \(offset + 1)",
                    condition: "Within \(50 + offset) s", achieveBy: day("2026-12-18"), createdOn: day("2026-08-25"))
                try await both { try await $0.addTarget(target, today: today) }
            }
            try await writeCycles(both)
        }

        /// Cycles on every day from 2026-09-01 to today for about three pairings in five, each
        /// reviewing the step before and planning the next; bo's first target condition is
        /// achieved on 2026-10-15 and a second one set the day after.
        private static func writeCycles(
            _ both: ((any KataServiceWrites) async throws -> Void) async throws -> Void
        ) async throws {
            var random = SplitMix(seed: 13)
            var planned: Set<String> = []
            var cycle = 1_000
            let expectations: [String?] = [nil, "", " \t", "\u{00A0}", "Fewer stops", "No wait", "Under 52 s"]
            let minutes: [Int?] = [nil, 10, 15, 20, 25, 30]
            let (secondTarget, deeMoves) = (try day("2026-10-16"), try day("2026-11-10"))
            let (eveCoaches, eveCoached) = (try day("2026-11-02"), try day("2026-10-15"))
            for day in try day("2026-09-01")...today {
                if day == secondTarget {
                    let bo = try handle("bo")
                    let first = try PostgresTests.SameAsSQLiteTests.id(600)
                    try await both {
                        _ = try await $0.closeTarget(
                            first, as: .achieved, on: try Self.day("2026-10-15"), reflection: "Held", today: today)
                    }
                    let second = try TargetCondition(
                        id: PostgresTests.SameAsSQLiteTests.id(610), learner: bo, focusProcess: "Station 6",
                        condition: "No stops", achieveBy: Self.day("2026-12-31"), createdOn: day)
                    try await both { try await $0.addTarget(second, today: today) }
                    planned.remove("bo")
                }
                let inForce: [(String, String, String?)] = [
                    ("ann", "bo", "carl"), day <= deeMoves ? ("ann", "dee", nil) : ("carl", "dee", nil),
                    ("carl", "eve", "ann"), ("eve", "finn", nil), ("gus", "carl", nil),
                ]
                for (coach, learner, second) in inForce where random.next() % 10 < (coach == "gus" ? 1 : 6) {
                    if coach == "eve" && day < eveCoaches { continue }
                    if coach == "carl" && learner == "eve" && day < eveCoached { continue }
                    let bare = coach == "gus"
                    let reviews = !bare && planned.contains(learner)
                    let withSecond = second != nil && random.next() % 4 == 0
                    let entry = CycleEntry(
                        date: day, coach: try handle(coach), learner: try handle(learner),
                        secondCoach: withSecond ? try second.map(handle) : nil,
                        minutes: minutes[Int(random.next() % UInt64(minutes.count))],
                        happened: reviews ? "Ran as planned" : nil, learned: reviews ? "One more try" : nil,
                        newObstacle: !bare && !reviews ? "Parts run out" : nil,
                        nextStep: bare ? nil : "Try step \(cycle)",
                        expected: bare ? nil : expectations[Int(random.next() % UInt64(expectations.count))])
                    let id = try PostgresTests.SameAsSQLiteTests.id(cycle)
                    try await both { _ = try await $0.recordCycle(entry, id: id, at: now, today: today) }
                    if !bare { planned.insert(learner) }
                    if withSecond, let second {
                        let observation = try Observation(
                            id: PostgresTests.SameAsSQLiteTests.id(cycle + 5_000), date: day,
                            secondCoach: handle(second), coach: handle(coach), cycle: id,
                            notes: "Asked the five questions", focus: "Question 3", trigger: "Hesitated at Q4")
                        try await both { try await $0.addObservation(observation, at: now, today: today) }
                    }
                    cycle += 1
                }
            }
        }

        static func handle(_ text: String) throws -> Handle { try Handle(validating: text) }
        static func day(_ text: String) throws -> Day { try #require(Day(text)) }
    }

    /// A small deterministic generator, so that both stores get the same organisation every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Months, a quarter reaching past today, a week with the holiday, the whole span, and a month before it.
    static func insightPeriods() throws -> [Period] {
        try ["2026-11", "2026-10", "2026-Q4", "2026-W46", "2026-08"].map { try Period(parsing: $0) }
            + [try Period(from: Self.day("2026-09-01"), to: Self.day("2026-11-20"))]
    }

    @Test("practice: the same facts and figures as SQLite for several periods, filters and roll-ups")
    func practice() async throws {
        try await Twins.with { twins in
            try await Organisation.write(twins)
            let today = Organisation.today
            let filters = [
                PracticeFilter(), PracticeFilter(unit: "Assembly"), PracticeFilter(coach: try Self.handle("ann")),
                PracticeFilter(secondCoach: try Self.handle("carl")), PracticeFilter(coach: try Self.handle("anne")),
                PracticeFilter(unit: "Nowhere"),
            ]
            for period in try Self.insightPeriods() {
                let counted = try period.counted(upTo: today)
                for filter in filters {
                    await twins.same(
                        { try $0.coachPractice(in: counted, filter: filter) },
                        { try await $0.coachPractice(in: counted, filter: filter) })
                    await twins.same(
                        { try $0.pairedLearners(endOf: counted, filter: filter).sorted { $0.learner < $1.learner } },
                        {
                            try await $0.pairedLearners(endOf: counted, filter: filter).sorted {
                                $0.learner < $1.learner
                            }
                        })
                    for grouping in [PracticeGrouping.unit, .secondCoach] {
                        let request = PracticeRequest(
                            period: period, filter: filter, today: today, grouping: grouping, below: 0.6,
                            learnersLeftLongest: true)
                        await twins.same(
                            { try await CoachingFigures($0).practice(request) },
                            { try await CoachingFigures($0).practice(request) })
                    }
                }
                await twins.same(
                    { try $0.secondCoaches(from: period.from, to: period.to) },
                    { try await $0.secondCoaches(from: period.from, to: period.to) })
            }
            // Real figures, not two empty answers: November up to today.
            let november = try await CoachingFigures(twins.postgres).practice(
                PracticeRequest(period: try Period(parsing: "2026-11"), today: today))
            #expect(november.report.coaches.map(\.coach) == ["ann", "carl", "eve", "gus"])
            let ann = try #require(november.report.coaches.first)
            #expect(ann.cycles > 5 && ann.learners == 2 && ann.observations > 0)
            #expect(ann.predictionRate.map { $0 > 0 && $0 < 1 } == true)
        }
    }

    @Test("practice for an account: a coach sees only themselves, a 2nd coach and a manager more, as in SQLite")
    func practiceScope() async throws {
        try await Twins.with { twins in
            try await Organisation.write(twins)
            let request = PracticeRequest(period: try Period(parsing: "2026-Q4"), today: Organisation.today)
            var seen: [String: [String]] = [:]
            for (handle, roles) in [("eve", Set<Role>()), ("carl", []), ("ann", []), ("bo", []), ("finn", [.lean])] {
                let scoped = twins.scoped(to: .account(handle: try Self.handle(handle), roles: roles))
                let answer = await scoped.same(
                    { try await CoachingFigures($0).practice(request).report.coaches.map(\.coach) },
                    { try await CoachingFigures($0).practice(request).report.coaches.map(\.coach) })
                if case .value(let coaches) = answer { seen[handle] = coaches }
                // Another coach by name: as unknown as a handle nobody has.
                let other = PracticeRequest(
                    period: request.period, filter: PracticeFilter(coach: try Self.handle("gus")), today: request.today)
                await scoped.same(
                    { try await CoachingFigures($0).practice(other) }, { try await CoachingFigures($0).practice(other) }
                )
            }
            #expect(seen["eve"] == ["eve"])
            #expect(seen["carl"] == ["ann", "carl"])
            #expect(seen["bo"] == [])
            #expect(seen["finn"] == ["ann", "carl", "eve", "gus"])
        }
    }

    @Test("review packets: the same facts and packets as SQLite, one coach or all, private or with opt-ins")
    func reviews() async throws {
        try await Twins.with { twins in
            try await Organisation.write(twins)
            let coaches = try ["ann", "carl", "eve", "gus", "bo"].map(Self.handle)
            for asked in try Self.insightPeriods() {
                let period = try asked.counted(upTo: Organisation.today)
                await twins.same(
                    { try $0.reviewFacts(coaches: coaches, in: period, dailyCyclesOf: [try Self.handle("ann")]) },
                    { try await $0.reviewFacts(coaches: coaches, in: period, dailyCyclesOf: [try Self.handle("ann")]) }
                )
                for coach in coaches {
                    await twins.same(
                        { try $0.coachActivity(coach, in: period) }, { try await $0.coachActivity(coach, in: period) })
                }
                for coach in [nil, "ann", "bo", "dee"] as [String?] {
                    for privacy in [ReviewPrivacy(), ReviewPrivacy(learnerNames: true, notes: true)] {
                        let request = ReviewRequest(
                            coach: try coach.map(Self.handle), period: asked,
                            today: Organisation.today, privacy: privacy, now: Organisation.now, kataVersion: "test")
                        await twins.same(
                            { try await CoachingFigures($0).reviews(request) },
                            { try await CoachingFigures($0).reviews(request) })
                    }
                }
            }
            for handle in ["dee", "nobody"] {
                await twins.same(
                    { try $0.reviewSubject(Self.handle(handle)) }, { try await $0.reviewSubject(Self.handle(handle)) })
            }
            await twins.same(
                {
                    try $0.reviewFacts(coaches: [Self.handle("zed")], in: Period(parsing: "2026-11"), dailyCyclesOf: [])
                },
                {
                    try await $0.reviewFacts(
                        coaches: [Self.handle("zed")], in: Period(parsing: "2026-11"), dailyCyclesOf: [])
                })
            let november = try await CoachingFigures(twins.postgres).reviews(
                ReviewRequest(
                    coach: try Self.handle("ann"), period: try Period(parsing: "2026-11"), today: Organisation.today,
                    now: Organisation.now, kataVersion: "test"))
            #expect(november.packets.map(\.coach.handle) == ["ann"])
            #expect(november.packets.first?.observations.isEmpty == false)
        }
    }

    @Test("review packets for an account: the coach's own, HR's of anyone, and the same refusal of another's")
    func reviewScope() async throws {
        try await Twins.with { twins in
            try await Organisation.write(twins)
            for (caller, coach) in [("eve", "eve"), ("eve", "ann"), ("carl", nil), ("bo", "ann")] as [(String, String?)]
            {
                for roles in [Set<Role>(), [.hr]] {
                    let scoped = twins.scoped(to: .account(handle: try Self.handle(caller), roles: roles))
                    let request = ReviewRequest(
                        coach: try coach.map(Self.handle), period: try Period(parsing: "2026-Q4"),
                        today: Organisation.today, now: Organisation.now, kataVersion: "test")
                    let answer = await scoped.same(
                        { try await CoachingFigures($0).reviews(request) },
                        { try await CoachingFigures($0).reviews(request) })
                    #expect(answer.isError == (roles.isEmpty && coach != caller))
                }
            }
        }
    }
}

/// The writes both stores share, for writing one organisation into each.
protocol KataServiceWrites: Sendable {
    func configure(_ change: SettingsChange) async throws
    func addPerson(_ person: Person) async throws
    func addPairing(_ pairing: Pairing) async throws
    func addTarget(_ target: TargetCondition, today: Day?) async throws
    func closeTarget(_ id: UUID, as status: TargetCondition.Status, on day: Day, reflection: String?, today: Day?)
        async throws -> TargetCondition
    func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> RecordedCycle
    func addObservation(_ observation: Observation, at now: Date, today: Day?) async throws
}

extension SQLiteStore: KataServiceWrites {}
extension PostgresStore: KataServiceWrites {}
