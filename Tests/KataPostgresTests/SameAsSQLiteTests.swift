import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import Testing

/// The operations the PostgreSQL store has so far, called alike on it and on the SQLite store
/// (the reference for every rule and message): the same results, and the same errors word for word.
@Suite("PostgreSQL answers as SQLite does", .enabled(if: TestCluster.runs, TestCluster.skipped))
struct SameAsSQLiteTests {
    /// A fresh SQLite store in memory and a fresh PostgreSQL database, side by side.
    struct Twins {
        let sqlite: SQLiteStore
        let postgres: PostgresStore

        static func with(_ body: (Twins) async throws -> Void) async throws {
            try await TestCluster.withDatabase { url in
                let postgres = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                do {
                    try await body(Twins(sqlite: try SQLiteStore.inMemory(), postgres: postgres))
                    await postgres.close()
                } catch {
                    await postgres.close()
                    throw error
                }
            }
        }

        /// Both stores working for `caller`.
        func scoped(to caller: Caller) -> Twins {
            Twins(sqlite: sqlite.scoped(to: caller), postgres: postgres.scoped(to: caller))
        }

        /// Expects `sqlite` and `postgres` to return equal values or throw errors that read the same;
        /// returns what PostgreSQL answered (its error as text).
        @discardableResult
        func same<T: Equatable>(
            _ sqlite: (SQLiteStore) async throws -> T, _ postgres: (PostgresStore) async throws -> T,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async -> Answer<T> {
            let expected = await Answer { try await sqlite(self.sqlite) }
            let answered = await Answer { try await postgres(self.postgres) }
            #expect(answered == expected, sourceLocation: sourceLocation)
            return answered
        }

        /// `same` for a call that returns nothing: both succeed, or both throw the same words.
        @discardableResult
        func sameEffect(
            _ sqlite: (SQLiteStore) async throws -> Void, _ postgres: (PostgresStore) async throws -> Void,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async -> Answer<Bool> {
            await same(
                {
                    try await sqlite($0)
                    return true
                },
                {
                    try await postgres($0)
                    return true
                },
                sourceLocation: sourceLocation)
        }
    }

    /// A value, or the error's words.
    enum Answer<T: Equatable>: Equatable {
        case value(T)
        case error(String)

        init(_ call: () async throws -> T) async {
            do { self = .value(try await call()) } catch { self = .error(String(describing: error)) }
        }

        var isError: Bool {
            if case .error = self { return true }
            return false
        }
    }

    static func handle(_ text: String) throws -> Handle { try Handle(validating: text) }
    static func day(_ text: String) throws -> Day { try #require(Day(text)) }

    /// ann and bo in Assembly (bo reports to ann), carl in the Office.
    static func addTeam(_ twins: Twins) async throws {
        for person in [
            try Person(handle: handle("ann"), name: "Ann Lee", unit: "Assembly"),
            try Person(handle: handle("bo"), name: "Bo Chen", unit: "Assembly", reportsTo: handle("ann")),
            try Person(handle: handle("carl"), name: "Carl Jung", unit: "Office", email: "carl@example.com"),
        ] {
            let answer = await twins.sameEffect({ try $0.addPerson(person) }, { try await $0.addPerson(person) })
            #expect(!answer.isError)
        }
    }

    @Test("people: added, listed by unit, read, edited, and the same refusals")
    func people() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            await twins.same({ try $0.people(unit: nil) }, { try await $0.people(unit: nil) })
            await twins.same({ try $0.people(unit: "Assembly") }, { try await $0.people(unit: "Assembly") })
            await twins.same({ try $0.person(Self.handle("bo")) }, { try await $0.person(Self.handle("bo")) })
            await twins.same({ try $0.person(Self.handle("nobody")) }, { try await $0.person(Self.handle("nobody")) })
            // The same handle again; a manager nobody is (near ann: "did you mean").
            let again = try Person(handle: Self.handle("ann"), name: "Ann Other")
            #expect(await twins.sameEffect({ try $0.addPerson(again) }, { try await $0.addPerson(again) }).isError)
            let unmanaged = try Person(handle: Self.handle("dee"), name: "Dee Diaz", reportsTo: Self.handle("anne"))
            #expect(
                await twins.sameEffect({ try $0.addPerson(unmanaged) }, { try await $0.addPerson(unmanaged) }).isError)
            // Edits: a new unit and e-mail cleared; a loop in the reporting line; nobody.
            let moved = PersonChange(handle: try Self.handle("carl"), unit: "Assembly", email: "", active: false)
            await twins.same({ try $0.editPerson(moved) }, { try await $0.editPerson(moved) })
            let loop = PersonChange(handle: try Self.handle("ann"), reportsTo: .some(try Self.handle("bo")))
            #expect(await twins.same({ try $0.editPerson(loop) }, { try await $0.editPerson(loop) }).isError)
            let nobody = PersonChange(handle: try Self.handle("bob"), name: "Bob")
            #expect(await twins.same({ try $0.editPerson(nobody) }, { try await $0.editPerson(nobody) }).isError)
            await twins.same({ try $0.people(unit: nil) }, { try await $0.people(unit: nil) })
        }
    }

    @Test("pairings: added, refused when they overlap, ended, listed, and their ids resolved")
    func pairings() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            let first = try Pairing(
                id: #require(UUID(uuidString: "abcd1234-0000-4000-8000-000000000001")), coach: Self.handle("ann"),
                learner: Self.handle("bo"), secondCoach: Self.handle("carl"), since: Self.day("2026-11-02"))
            let second = try Pairing(
                id: #require(UUID(uuidString: "abcd1234-0000-4000-8000-000000000002")), coach: Self.handle("carl"),
                learner: Self.handle("bo"), since: Self.day("2026-11-02"), until: Self.day("2026-11-30"))
            for pairing in [first, second] {
                #expect(
                    !(await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                        .isError))
            }
            let overlapping = try Pairing(
                coach: Self.handle("ann"), learner: Self.handle("bo"), since: Self.day("2026-11-10"))
            #expect(
                await twins.sameEffect({ try $0.addPairing(overlapping) }, { try await $0.addPairing(overlapping) })
                    .isError)
            let unknown = try Pairing(
                coach: Self.handle("anna"), learner: Self.handle("bo"), since: Self.day("2026-11-10"))
            #expect(
                await twins.sameEffect({ try $0.addPairing(unknown) }, { try await $0.addPairing(unknown) }).isError)
            for query in [
                (coach: "ann", learner: nil, secondCoach: nil, activeOn: nil), (nil, "bo", nil, "2026-12-01"),
                (nil, nil, "carl", nil), (nil, nil, nil, "2026-11-15"), (nil, nil, nil, nil),
            ] as [(coach: String?, learner: String?, secondCoach: String?, activeOn: String?)] {
                let coach = try query.coach.map(Self.handle)
                let learner = try query.learner.map(Self.handle)
                let secondCoach = try query.secondCoach.map(Self.handle)
                let activeOn = try query.activeOn.map(Self.day)
                await twins.same(
                    { try $0.pairings(coach: coach, learner: learner, secondCoach: secondCoach, activeOn: activeOn) },
                    {
                        try await $0.pairings(
                            coach: coach, learner: learner, secondCoach: secondCoach, activeOn: activeOn)
                    })
            }
            // Ending: before it began; on a day; with none open.
            let (ann, bo) = (try Self.handle("ann"), try Self.handle("bo"))
            for day in ["2026-11-01", "2026-11-20", "2026-11-21"] {
                let end = try Self.day(day)
                await twins.same(
                    { try $0.endPairing(coach: ann, learner: bo, on: end) },
                    { try await $0.endPairing(coach: ann, learner: bo, on: end) })
            }
            // Ids by their first characters: one, two that share them, none, and not an id.
            for prefix in [
                "abcd1234-0000-4000-8000-000000000001", "ABCD1234-0000-4000-8000-00000000000", "abcd", "0000", "xyz!",
            ] {
                await twins.same({ try $0.resolve(.pairing, prefix) }, { try await $0.resolve(.pairing, prefix) })
            }
            #expect(
                try await twins.postgres.resolve(.pairing, "abcd1234-0000-4000-8000-000000000002") == second.id)
        }
    }

    @Test("an account sees the pairings DESIGN §10.3 shows it and may not change people")
    func scopedCaller() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            let pairing = try Pairing(
                coach: Self.handle("ann"), learner: Self.handle("bo"), since: Self.day("2026-11-02"))
            try twins.sqlite.addPairing(pairing)
            try await twins.postgres.addPairing(pairing)
            for (handle, roles) in [("carl", Set<Role>()), ("bo", []), ("carl", [.lean]), ("ann", [.hr])] {
                let scoped = twins.scoped(to: .account(handle: try Self.handle(handle), roles: roles))
                let answer = await scoped.same(
                    { try $0.pairings(coach: nil, learner: nil, secondCoach: nil, activeOn: nil) },
                    { try await $0.pairings(coach: nil, learner: nil, secondCoach: nil, activeOn: nil) })
                #expect(answer == .value(handle == "carl" && roles.isEmpty ? [] : [pairing]))
                await scoped.same(
                    { try $0.resolve(.pairing, pairing.id.uuidString) },
                    {
                        try await $0.resolve(.pairing, pairing.id.uuidString)
                    })
                let person = try Person(handle: Self.handle("dee"), name: "Dee Diaz")
                let refused = await scoped.sameEffect({ try $0.addPerson(person) }, { try await $0.addPerson(person) })
                #expect(refused == .error("only an admin may add people."))
            }
        }
    }

    @Test("settings: defaults, a time zone, a workweek and holidays, and a zone nobody has")
    func settings() async throws {
        try await Twins.with { twins in
            let changes = [
                SettingsChange(timeZone: "Europe/Berlin"),
                SettingsChange(
                    workweek: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday],
                    addHolidays: [try Self.day("2026-12-25"), try Self.day("2026-12-26")]),
                SettingsChange(removeHolidays: [try Self.day("2026-12-26")]),
                SettingsChange(timeZone: "Mars/Olympus_Mons"),
            ]
            for change in changes {
                await twins.sameEffect({ try $0.configure(change) }, { try await $0.configure(change) })
                await twins.same({ try $0.settings() }, { try await $0.settings() })
            }
            #expect(try await twins.postgres.settings().calendar.holidays == [try Self.day("2026-12-25")])
        }
    }

    static func id(_ last: Int) throws -> UUID {
        try #require(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", last)))
    }

    @Test("challenges: added under a parent, listed, read, and the same refusals")
    func challenges() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            let top = try Challenge(
                id: Self.id(1), title: "Ship in 3 days", owner: Self.handle("ann"), by: Self.day("2027-06-30"))
            let below = try Challenge(id: Self.id(2), title: "Assembly in 1 day", parent: Self.id(1))
            let orphan = try Challenge(id: Self.id(3), title: "Paint in 2 hours", parent: Self.id(99))
            let unowned = try Challenge(id: Self.id(4), title: "Paint in 2 hours", owner: Self.handle("anne"))
            for challenge in [below, top, below, orphan, unowned] {
                await twins.sameEffect({ try $0.addChallenge(challenge) }, { try await $0.addChallenge(challenge) })
            }
            await twins.same({ try $0.challenges() }, { try await $0.challenges() })
            await twins.same({ try $0.challenge(Self.id(2)) }, { try await $0.challenge(Self.id(2)) })
            await twins.same({ try $0.challenge(Self.id(3)) }, { try await $0.challenge(Self.id(3)) })
            let coach = twins.scoped(to: .account(handle: try Self.handle("ann"), roles: []))
            let refused = await coach.sameEffect({ try $0.addChallenge(orphan) }, { try await $0.addChallenge(orphan) })
            #expect(refused == .error("only lean staff or an admin may add challenges."))
        }
    }

    @Test("target conditions and obstacles: set, amended, closed, worked, listed, and the same refusals")
    func targetsAndObstacles() async throws {
        try await Twins.with { twins in
            try await Self.addTeam(twins)
            let today = try Self.day("2026-11-20")
            let target = try TargetCondition(
                id: Self.id(10), learner: Self.handle("bo"), focusProcess: "Station 4",
                condition: "Every unit leaves station 4 within 52 s", achieveBy: Self.day("2026-12-18"),
                outcomeMetrics: [Metric(name: "cycle time", target: "52", unit: "s")], createdOn: Self.day("2026-11-02")
            )
            let second = try TargetCondition(
                id: Self.id(11), learner: Self.handle("bo"), focusProcess: "Station 4", condition: "Within 50 s",
                achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-03"))
            let future = try TargetCondition(
                id: Self.id(12), learner: Self.handle("bo"), focusProcess: "Station 5", condition: "Within 40 s",
                achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-21"))
            let nobody = try TargetCondition(
                id: Self.id(13), learner: Self.handle("boo"), focusProcess: "Station 5", condition: "Within 40 s",
                achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-02"))
            for candidate in [target, second, future, nobody] {
                await twins.sameEffect(
                    { try $0.addTarget(candidate, today: today) }, { try await $0.addTarget(candidate, today: today) })
            }
            await twins.same({ try $0.target(Self.id(10)) }, { try await $0.target(Self.id(10)) })
            await twins.same({ try $0.target(Self.id(11)) }, { try await $0.target(Self.id(11)) })
            let amended = await twins.same(
                {
                    try $0.amendTarget(
                        Self.id(10), on: Self.day("2026-11-05"), text: "also on the night shift",
                        outcomeMetrics: [Metric(name: "stops", target: "0")], processMetrics: [Metric(name: "stock")],
                        today: today)
                },
                {
                    try await $0.amendTarget(
                        Self.id(10), on: Self.day("2026-11-05"), text: "also on the night shift",
                        outcomeMetrics: [Metric(name: "stops", target: "0")], processMetrics: [Metric(name: "stock")],
                        today: today)
                })
            #expect(!amended.isError)

            // Obstacles: one worked, one parked and then worked instead, one closed, one on a date before the target.
            let screws = try Obstacle(
                id: Self.id(20), target: Self.id(10), text: "Screws run out", status: .working,
                createdOn: Self.day("2026-11-03"))
            let wrench = try Obstacle(
                id: Self.id(21), target: Self.id(10), text: "Wrench shared", createdOn: Self.day("2026-11-04"))
            let early = try Obstacle(
                id: Self.id(22), target: Self.id(10), text: "Too early", createdOn: Self.day("2026-11-01"))
            for obstacle in [screws, wrench, early] {
                await twins.sameEffect(
                    { try $0.addObstacle(obstacle, today: today) }, { try await $0.addObstacle(obstacle, today: today) }
                )
            }
            await twins.same(
                { try $0.workObstacle(Self.id(21), on: Self.day("2026-11-06"), today: today) },
                { try await $0.workObstacle(Self.id(21), on: Self.day("2026-11-06"), today: today) })
            await twins.same(
                { try $0.obstacles(target: Self.id(10), learner: nil, includeClosed: true) },
                { try await $0.obstacles(target: Self.id(10), learner: nil, includeClosed: true) })
            for day in ["2026-11-02", "2026-11-10", "2026-11-10"] {
                await twins.same(
                    { try $0.closeObstacle(Self.id(20), as: .overcome, on: Self.day(day), today: today) },
                    { try await $0.closeObstacle(Self.id(20), as: .overcome, on: Self.day(day), today: today) })
            }
            for includeClosed in [true, false] {
                await twins.same(
                    { try $0.obstacles(target: nil, learner: Self.handle("bo"), includeClosed: includeClosed) },
                    { try await $0.obstacles(target: nil, learner: Self.handle("bo"), includeClosed: includeClosed) })
            }

            // Closing, then what a closed target condition refuses.
            for status in [TargetCondition.Status.achieved, .missed] {
                await twins.same(
                    {
                        try $0.closeTarget(
                            Self.id(10), as: status, on: Self.day("2026-11-19"), reflection: "Done", today: today)
                    },
                    {
                        try await $0.closeTarget(
                            Self.id(10), as: status, on: Self.day("2026-11-19"), reflection: "Done", today: today)
                    })
            }
            let late = try Obstacle(
                id: Self.id(23), target: Self.id(10), text: "Late", createdOn: Self.day("2026-11-19"))
            await twins.sameEffect(
                { try $0.addObstacle(late, today: today) }, { try await $0.addObstacle(late, today: today) })
            await twins.same(
                {
                    try $0.amendTarget(
                        Self.id(10), on: Self.day("2026-11-20"), text: "more", outcomeMetrics: [], processMetrics: [],
                        today: today)
                },
                {
                    try await $0.amendTarget(
                        Self.id(10), on: Self.day("2026-11-20"), text: "more", outcomeMetrics: [], processMetrics: [],
                        today: today)
                })
            // A second target condition for the focus process, once the first is closed.
            await twins.sameEffect(
                { try $0.addTarget(second, today: today) }, { try await $0.addTarget(second, today: today) })
            for status in [nil, TargetCondition.Status.active, .achieved] {
                await twins.same(
                    { try $0.targets(learner: Self.handle("bo"), status: status) },
                    { try await $0.targets(learner: Self.handle("bo"), status: status) })
            }
            // Accounts: a coach who does not coach bo sees none of it and changes nothing.
            let stranger = twins.scoped(to: .account(handle: try Self.handle("carl"), roles: []))
            await stranger.same(
                { try $0.targets(learner: nil, status: nil) }, { try await $0.targets(learner: nil, status: nil) })
            await stranger.same({ try $0.target(Self.id(11)) }, { try await $0.target(Self.id(11)) })
            await stranger.same(
                { try $0.obstacles(target: nil, learner: nil, includeClosed: true) },
                { try await $0.obstacles(target: nil, learner: nil, includeClosed: true) })
            await stranger.same(
                { try $0.workObstacle(Self.id(21), on: nil, today: today) },
                { try await $0.workObstacle(Self.id(21), on: nil, today: today) })
            let learner = twins.scoped(to: .account(handle: try Self.handle("bo"), roles: []))
            await learner.same(
                { try $0.targets(learner: nil, status: nil) }, { try await $0.targets(learner: nil, status: nil) })
            let own = try Obstacle(id: Self.id(24), target: Self.id(11), text: "No kanban cards", createdOn: today)
            await learner.sameEffect(
                { try $0.addObstacle(own, today: today) }, { try await $0.addObstacle(own, today: today) })
            await twins.same(
                { try $0.resolve(.obstacle, "00000000-0000-4000-8000-00000000002") },
                {
                    try await $0.resolve(.obstacle, "00000000-0000-4000-8000-00000000002")
                })
            await learner.same(
                { try $0.resolve(.target, "00000000-0000-4000") },
                {
                    try await $0.resolve(.target, "00000000-0000-4000")
                })
        }
    }
}
