import CoachTheCoaches
import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import Testing

extension PostgresTests.SameAsSQLiteTests {
    /// Property: on a random organisation, built by random operations of the seam (some of which
    /// break a rule), PostgreSQL and SQLite answer every operation alike, export the same bytes and
    /// work out the same practice figures and review packets for random periods (DESIGN §3, §6–§8).
    ///
    /// Each seed makes a different organisation: how many people, who reports to whom, pairings
    /// that overlap or end, cycles on random days (some after today), observations, obstacles,
    /// escalations and walks.
    struct RandomOrganisation {
        static let today = Day("2026-11-20")!
        static let now = Date(timeIntervalSince1970: 1_795_000_000)
        static let units = ["Assembly", "Paint", "Logistics", nil] as [String?]

        var random: SplitMix
        let twins: Twins
        var people: [Handle] = []
        var pairings: [(coach: Handle, learner: Handle, second: Handle?, since: Day, until: Day?)] = []
        var targets: [UUID] = []
        var targetsOf: [Handle: [UUID]] = [:]
        /// Learners with a step planned and not yet reviewed.
        var planned: Set<Handle> = []
        var obstacles: [UUID] = []
        var cycles: [(id: UUID, coach: Handle, date: Day)] = []
        var next = 10_000
        /// How many operations each store accepted and refused (both alike, or the test fails).
        var accepted = 0
        var refused = 0

        init(seed: UInt64, twins: Twins) {
            random = SplitMix(seed: seed)
            self.twins = twins
        }

        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
        mutating func id() throws -> UUID {
            next += 1
            return try PostgresTests.SameAsSQLiteTests.id(next)
        }

        /// A day from 2026-07-01 to a few days after today (those are refused alike).
        mutating func day() -> Day {
            let first = Day("2026-07-01")!
            return first.adding(days: below(first.days(to: Self.today) + 4))
        }

        /// Calls `write` on both stores and counts what they agreed on.
        mutating func both(
            _ sqlite: (SQLiteStore) async throws -> Void, _ postgres: (PostgresStore) async throws -> Void,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async -> Bool {
            let answer = await twins.sameEffect(sqlite, postgres, sourceLocation: sourceLocation)
            if answer.isError { refused += 1 } else { accepted += 1 }
            return !answer.isError
        }

        mutating func build() async throws {
            _ = await both(
                { try $0.configure(SettingsChange(timeZone: "UTC", addHolidays: [Day("2026-10-03")!])) },
                { try await $0.configure(SettingsChange(timeZone: "UTC", addHolidays: [Day("2026-10-03")!])) })
            for index in 0..<(6 + below(10)) {
                let handle = try Handle(validating: "p\(index)")
                let person = try Person(
                    handle: handle, name: "Person \(index)", unit: pick(Self.units),
                    reportsTo: people.isEmpty || chance(15) ? nil : pick(people))
                if await both({ try $0.addPerson(person) }, { try await $0.addPerson(person) }) {
                    people.append(handle)
                }
            }
            for _ in 0..<(people.count + below(people.count)) { try await addPairing() }
            for _ in 0..<(people.count / 2 + below(people.count)) { try await addTarget() }
            for _ in 0..<(150 + below(250)) {
                switch below(20) {
                case 0: try await addTarget()
                case 1, 2: try await addObstacle()
                case 3: try await addObservation()
                case 4: try await escalate()
                case 5: try await walk()
                case 6: try await addPairing()
                default: try await logCycle()
                }
            }
        }

        mutating func addPairing() async throws {
            let (coach, learner) = (pick(people), pick(people))
            let second = chance(40) ? pick(people) : nil
            let since = day()
            let until = chance(25) ? since.adding(days: below(60)) : nil
            guard
                let pairing = try? Pairing(
                    id: id(), coach: coach, learner: learner, secondCoach: second, since: since, until: until)
            else { return }
            if await both({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) }) {
                pairings.append((coach, learner, second, since, until))
            }
        }

        mutating func addTarget() async throws {
            let created = day()
            guard
                let target = try? TargetCondition(
                    id: id(), learner: pick(people.filter { (targetsOf[$0]?.count ?? 0) < 2 } + [pick(people)]),
                    focusProcess: "Station \(below(4))",
                    condition: "Within \(40 + below(20)) s", achieveBy: created.adding(days: below(90) - 10),
                    createdOn: created)
            else { return }
            if await both(
                { _ = try $0.addTarget(target, today: Self.today) },
                { _ = try await $0.addTarget(target, today: Self.today) })
            {
                targets.append(target.id)
                targetsOf[target.learner, default: []].append(target.id)
            }
        }

        mutating func addObstacle() async throws {
            guard !targets.isEmpty else { return }
            let status: Obstacle.Status = chance(30) ? .working : .parked
            guard
                let obstacle = try? Obstacle(
                    id: id(), target: pick(targets), text: "Obstacle \(next)", status: status, createdOn: day())
            else { return }
            if await both(
                { _ = try $0.addObstacle(obstacle, today: Self.today) },
                { _ = try await $0.addObstacle(obstacle, today: Self.today) })
            {
                obstacles.append(obstacle.id)
            }
        }

        mutating func logCycle() async throws {
            var (coach, learner, second, date): (Handle, Handle, Handle?, Day) = (
                pick(people), pick(people), nil, day()
            )
            if !pairings.isEmpty && !chance(10) {
                // Mostly on a day of a pairing, sometimes just outside it.
                let pairing = pick(pairings)
                let last = min(pairing.until ?? Self.today, Self.today)
                (coach, learner, second) = (pairing.coach, pairing.learner, pairing.second)
                date = pairing.since.adding(days: below(max(pairing.since.days(to: last), 0) + 2))
            }
            let planning = chance(50)
            let reviewing = planned.contains(learner) ? chance(85) : chance(5)
            let target = targetsOf[learner].flatMap { chance(90) ? pick($0) : nil }
            let entry = CycleEntry(
                date: date, coach: coach, learner: learner, secondCoach: chance(20) ? second : nil,
                minutes: chance(80) ? 5 + below(30) : nil, target: target,
                actualCondition: chance(30) ? "\(50 + below(10)) s" : nil,
                happened: reviewing ? "Ran as planned" : nil, learned: reviewing && chance(90) ? "One more try" : nil,
                obstacle: chance(15) && !obstacles.isEmpty ? pick(obstacles) : nil,
                newObstacle: chance(10) ? "Parts run out \(below(3))" : nil,
                nextStep: planning ? "Step \(next)" : nil, expected: planning && chance(70) ? "Fewer stops" : nil)
            let cycle = try id()
            if await both(
                { _ = try $0.recordCycle(entry, id: cycle, at: Self.now, today: Self.today) },
                { _ = try await $0.recordCycle(entry, id: cycle, at: Self.now, today: Self.today) })
            {
                cycles.append((cycle, coach, entry.date))
                if reviewing { planned.remove(learner) }
                if planning { planned.insert(learner) }
            }
        }

        mutating func addObservation() async throws {
            guard !cycles.isEmpty else { return }
            let cycle = pick(cycles)
            guard
                let observation = try? Observation(
                    id: id(), date: chance(80) ? cycle.date : day(), secondCoach: pick(people), coach: cycle.coach,
                    cycle: chance(70) ? cycle.id : nil, notes: "Asked the five questions", focus: "Q\(1 + below(5))")
            else { return }
            _ = await both(
                { try $0.addObservation(observation, at: Self.now, today: Self.today) },
                { try await $0.addObservation(observation, at: Self.now, today: Self.today) })
        }

        mutating func escalate() async throws {
            guard !obstacles.isEmpty else { return }
            let escalation = try Escalation(
                id: id(), obstacle: pick(obstacles), to: pick(people), causeUnit: pick(Self.units),
                loss: chance(70) ? try WeeklyLoss(amount: Double(100 * (1 + below(30))), unit: "EUR") : nil,
                fixCost: chance(60) ? pick(Escalation.FixCost.allCases) : nil, toldOn: day())
            guard
                await both(
                    { _ = try $0.escalate(escalation, today: Self.today) },
                    { _ = try await $0.escalate(escalation, today: Self.today) })
            else { return }
            guard chance(60) else { return }
            let action = pick([EscalationEvent.Action.accepted, .declined, .deferred])
            guard
                let event = try? EscalationEvent(
                    date: escalation.toldOn.adding(days: below(20)), action: action,
                    reason: action == .declined ? "Budget" : nil,
                    reviewBy: action == .deferred && chance(50) ? escalation.toldOn.adding(days: 30) : nil)
            else { return }
            _ = await both(
                { _ = try $0.recordEscalationEvent(escalation.id, event, today: Self.today) },
                { _ = try await $0.recordEscalationEvent(escalation.id, event, today: Self.today) })
        }

        mutating func walk() async throws {
            let walker = pick(people)
            let learners = Array(Set((0..<(1 + below(3))).map { _ in pick(people) }).subtracting([walker]))
                .sorted { $0.rawValue < $1.rawValue }
            guard let walk = try? Walk(id: id(), walker: walker, date: day(), learners: learners, mode: .goSee)
            else { return }
            _ = await both(
                { _ = try $0.recordWalk(walk, at: Self.now, today: Self.today) },
                { _ = try await $0.recordWalk(walk, at: Self.now, today: Self.today) })
        }

        /// Random periods: a few presets and spans with random ends, one reaching past today.
        mutating func periods() throws -> [Period] {
            var periods = try ["2026-Q3", "2026-11", "2026-W45"].map { try Period(parsing: $0) }
            for _ in 0..<4 {
                let (one, other) = (day(), day())
                periods.append(try Period(from: min(one, other), to: max(one, other)))
            }
            return periods
        }
    }

    /// The lines of an export, sorted, with every id the test did not choose written "generated".
    static func generalised(_ text: String) -> [String] {
        text.split(separator: "\n").map { (line: Substring) -> String in
            String(line)
                .replacing(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.ignoresCase()) { match in
                    match.output.hasPrefix("00000000-0000-4000-8000-") ? String(match.output) : "generated"
                }
        }.sorted()
    }

    @Test(
        "random organisations: every operation answered alike, the same export, practice and packets",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomOrganisation(seed: UInt64) async throws {
        try await Twins.with { twins in
            var organisation = RandomOrganisation(seed: seed, twins: twins)
            try await organisation.build()
            // Both kinds of answer happened: the organisation is not empty, and rules were tested.
            #expect(organisation.accepted > 30, "seed \(seed): \(organisation.accepted) accepted")
            #expect(organisation.refused > 0, "seed \(seed): nothing refused")
            #expect(organisation.cycles.count > 25, "seed \(seed): \(organisation.cycles.count) cycles")
            for format in InterchangeFormat.allCases {
                let (fromSQLite, fromPostgres) = (Collected(), Collected())
                await twins.same(
                    { try $0.exportData(format, to: fromSQLite) }, { try await $0.exportData(format, to: fromPostgres) }
                )
                // A cycle's new obstacle and planned step get ids each store makes up, which also
                // decide their order: those are compared as "generated", the lines in any order.
                #expect(
                    Self.generalised(fromPostgres.text) == Self.generalised(fromSQLite.text),
                    "seed \(seed): the \(format) exports differ")
                #expect(fromPostgres.text.count == fromSQLite.text.count)
            }
            let today = RandomOrganisation.today
            let coaches = Array(Set(organisation.cycles.map(\.coach))).sorted { $0.rawValue < $1.rawValue }
            for period in try organisation.periods() {
                let filters = [
                    PracticeFilter(), PracticeFilter(unit: "Paint"),
                    PracticeFilter(coach: organisation.pick(coaches)),
                ]
                for filter in filters {
                    let request = PracticeRequest(
                        period: period, filter: filter, today: today,
                        grouping: organisation.pick([.unit, .secondCoach]),
                        below: 0.6, learnersLeftLongest: true)
                    await twins.same(
                        { try await CoachingFigures($0).practice(request) },
                        { try await CoachingFigures($0).practice(request) })
                }
                let review = ReviewRequest(
                    coach: organisation.chance(50) ? organisation.pick(coaches) : nil, period: period, today: today,
                    privacy: ReviewPrivacy(learnerNames: organisation.chance(50), notes: organisation.chance(50)),
                    now: RandomOrganisation.now, kataVersion: "test")
                await twins.same(
                    { try await CoachingFigures($0).reviews(review) }, { try await CoachingFigures($0).reviews(review) }
                )
            }
        }
    }
}
