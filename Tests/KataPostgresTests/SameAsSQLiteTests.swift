import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
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
                let expected = await Answer({ try await sqlite(self.sqlite) }, sourceLocation: sourceLocation)
                let answered = await Answer({ try await postgres(self.postgres) }, sourceLocation: sourceLocation)
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

            /// A store answers with a `KataError` or a value; anything else (a raw database error) is
            /// an issue of its own, with what it says for debugging.
            init(_ call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async {
                do {
                    self = .value(try await call())
                } catch {
                    if !(error is KataError) {
                        Issue.record("not a KataError: \(String(reflecting: error))", sourceLocation: sourceLocation)
                    }
                    self = .error(String(describing: error))
                }
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
                // bo reports to ann; nobody reports to bo or to a handle nobody has.
                for (handle, manages) in [("ann", true), ("bo", false), ("carl", false), ("nobody", false)] {
                    let answer = await twins.same(
                        { try $0.hasReports(Self.handle(handle)) }, { try await $0.hasReports(Self.handle(handle)) })
                    #expect(answer == .value(manages), "\(handle)")
                }
                await twins.same(
                    { try $0.person(Self.handle("nobody")) }, { try await $0.person(Self.handle("nobody")) })
                // The same handle again; a manager nobody is (near ann: "did you mean").
                let again = try Person(handle: Self.handle("ann"), name: "Ann Other")
                #expect(await twins.sameEffect({ try $0.addPerson(again) }, { try await $0.addPerson(again) }).isError)
                let unmanaged = try Person(handle: Self.handle("dee"), name: "Dee Diaz", reportsTo: Self.handle("anne"))
                #expect(
                    await twins.sameEffect({ try $0.addPerson(unmanaged) }, { try await $0.addPerson(unmanaged) })
                        .isError)
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
                    await twins.sameEffect({ try $0.addPairing(unknown) }, { try await $0.addPairing(unknown) }).isError
                )
                for query in [
                    (coach: "ann", learner: nil, secondCoach: nil, activeOn: nil), (nil, "bo", nil, "2026-12-01"),
                    (nil, nil, "carl", nil), (nil, nil, nil, "2026-11-15"), (nil, nil, nil, nil),
                ] as [(coach: String?, learner: String?, secondCoach: String?, activeOn: String?)] {
                    let coach = try query.coach.map(Self.handle)
                    let learner = try query.learner.map(Self.handle)
                    let secondCoach = try query.secondCoach.map(Self.handle)
                    let activeOn = try query.activeOn.map(Self.day)
                    await twins.same(
                        {
                            try $0.pairings(
                                coach: coach, learner: learner, secondCoach: secondCoach, activeOn: activeOn)
                        },
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
                    "abcd1234-0000-4000-8000-000000000001", "ABCD1234-0000-4000-8000-00000000000", "abcd", "0000",
                    "xyz!",
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
                    let refused = await scoped.sameEffect(
                        { try $0.addPerson(person) }, { try await $0.addPerson(person) })
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
                    SettingsChange(workweek: []),
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
                let refused = await coach.sameEffect(
                    { try $0.addChallenge(orphan) }, { try await $0.addChallenge(orphan) })
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
                    outcomeMetrics: [Metric(name: "cycle time", target: "52", unit: "s")],
                    createdOn: Self.day("2026-11-02")
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
                        { try $0.addTarget(candidate, today: today) },
                        { try await $0.addTarget(candidate, today: today) })
                }
                await twins.same({ try $0.target(Self.id(10)) }, { try await $0.target(Self.id(10)) })
                await twins.same({ try $0.target(Self.id(11)) }, { try await $0.target(Self.id(11)) })
                let amended = await twins.same(
                    {
                        try $0.amendTarget(
                            Self.id(10), on: Self.day("2026-11-05"), text: "also on the night shift",
                            outcomeMetrics: [Metric(name: "stops", target: "0")],
                            processMetrics: [Metric(name: "stock")],
                            today: today)
                    },
                    {
                        try await $0.amendTarget(
                            Self.id(10), on: Self.day("2026-11-05"), text: "also on the night shift",
                            outcomeMetrics: [Metric(name: "stops", target: "0")],
                            processMetrics: [Metric(name: "stock")],
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
                        { try $0.addObstacle(obstacle, today: today) },
                        { try await $0.addObstacle(obstacle, today: today) }
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
                        {
                            try await $0.obstacles(
                                target: nil, learner: Self.handle("bo"), includeClosed: includeClosed)
                        })
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
                            Self.id(10), on: Self.day("2026-11-20"), text: "more", outcomeMetrics: [],
                            processMetrics: [],
                            today: today)
                    },
                    {
                        try await $0.amendTarget(
                            Self.id(10), on: Self.day("2026-11-20"), text: "more", outcomeMetrics: [],
                            processMetrics: [],
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

        @Test("current conditions and observations: recorded, listed, the latest one, and the same refusals")
        func conditionsAndObservations() async throws {
            try await Twins.with { twins in
                try await Self.addTeam(twins)
                let today = try Self.day("2026-11-20")
                let now = Date(timeIntervalSince1970: 1_795_000_000)
                let pairing = try Pairing(
                    id: Self.id(30), coach: Self.handle("ann"), learner: Self.handle("bo"),
                    secondCoach: Self.handle("carl"),
                    since: Self.day("2026-11-02"))
                let target = try TargetCondition(
                    id: Self.id(31), learner: Self.handle("bo"), focusProcess: "Station 4", condition: "Within 52 s",
                    achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                await twins.sameEffect(
                    { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
                await twins.same(
                    { try $0.currentCondition(target: Self.id(31)) },
                    { try await $0.currentCondition(target: Self.id(31)) })
                let snapshots = [
                    try CurrentCondition(
                        id: Self.id(32), target: Self.id(31), date: Self.day("2026-11-05"), text: "58 s",
                        metrics: [MetricValue(name: "cycle time", value: 58, unit: "s")]),
                    try CurrentCondition(
                        id: Self.id(33), target: Self.id(31), date: Self.day("2026-11-05"), text: "57 s"),
                    try CurrentCondition(
                        id: Self.id(34), target: Self.id(31), date: Self.day("2026-11-03"), text: "60 s"),
                    try CurrentCondition(
                        id: Self.id(35), target: Self.id(31), date: Self.day("2026-11-21"), text: "future"),
                    try CurrentCondition(
                        id: Self.id(36), target: Self.id(99), date: Self.day("2026-11-05"), text: "nowhere"),
                ]
                for snapshot in snapshots {
                    await twins.sameEffect(
                        { try $0.addCondition(snapshot, at: now, today: today) },
                        { try await $0.addCondition(snapshot, at: now, today: today) })
                }
                await twins.same(
                    { try $0.conditions(target: Self.id(31)) }, { try await $0.conditions(target: Self.id(31)) })
                let latest = await twins.same(
                    { try $0.currentCondition(target: Self.id(31)) },
                    { try await $0.currentCondition(target: Self.id(31)) })
                #expect(latest == .value(ActualCondition(date: try Self.day("2026-11-05"), text: "57 s")))
                let stranger = twins.scoped(to: .account(handle: try Self.handle("carl"), roles: []))
                await stranger.same(
                    { try $0.conditions(target: Self.id(31)) }, { try await $0.conditions(target: Self.id(31)) })
                await stranger.same(
                    { try $0.currentCondition(target: Self.id(31)) },
                    { try await $0.currentCondition(target: Self.id(31)) })

                // Observations: carl watches ann; bo never coached; a cycle nobody logged; a future date.
                let observations = [
                    try Observation(
                        id: Self.id(40), date: Self.day("2026-11-06"), secondCoach: Self.handle("carl"),
                        coach: Self.handle("ann"),
                        notes: "Asked the five questions", focus: "Q4", trigger: "a step too big"),
                    try Observation(
                        id: Self.id(41), date: Self.day("2026-11-06"), secondCoach: Self.handle("carl"),
                        coach: Self.handle("ann")),
                    try Observation(
                        id: Self.id(42), date: Self.day("2026-11-07"), secondCoach: Self.handle("ann"),
                        coach: Self.handle("bo")),
                    try Observation(
                        id: Self.id(43), date: Self.day("2026-11-07"), secondCoach: Self.handle("carl"),
                        coach: Self.handle("ann"),
                        cycle: Self.id(98)),
                    try Observation(
                        id: Self.id(44), date: Self.day("2026-11-21"), secondCoach: Self.handle("carl"),
                        coach: Self.handle("ann")),
                    try Observation(
                        id: Self.id(45), date: Self.day("2026-11-07"), secondCoach: Self.handle("cal"),
                        coach: Self.handle("ann")),
                ]
                for observation in observations {
                    await twins.sameEffect(
                        { try $0.addObservation(observation, at: now, today: today) },
                        { try await $0.addObservation(observation, at: now, today: today) })
                }
                for (coach, second) in [(nil, nil), ("ann", nil), (nil, "carl"), ("bo", nil)] as [(String?, String?)] {
                    let coach = try coach.map(Self.handle)
                    let second = try second.map(Self.handle)
                    await twins.same(
                        { try $0.observations(coach: coach, secondCoach: second) },
                        { try await $0.observations(coach: coach, secondCoach: second) })
                }
                // Accounts: the 2nd coach records as themself only; the learner may not; each sees their own.
                let secondCoach = twins.scoped(to: .account(handle: try Self.handle("carl"), roles: []))
                let learner = twins.scoped(to: .account(handle: try Self.handle("bo"), roles: []))
                let asAnother = try Observation(
                    id: Self.id(46), date: Self.day("2026-11-08"), secondCoach: Self.handle("bo"),
                    coach: Self.handle("ann"))
                let own = try Observation(
                    id: Self.id(47), date: Self.day("2026-11-08"), secondCoach: Self.handle("carl"),
                    coach: Self.handle("ann"))
                for store in [secondCoach, learner] {
                    for observation in [asAnother, own] {
                        await store.sameEffect(
                            { try $0.addObservation(observation, at: now, today: today) },
                            { try await $0.addObservation(observation, at: now, today: today) })
                    }
                    await store.same(
                        { try $0.observations(coach: nil, secondCoach: nil) },
                        { try await $0.observations(coach: nil, secondCoach: nil) })
                }
            }
        }

        /// What a logged cycle says, without the ids each store makes for new obstacles and steps.
        struct Shape: Equatable {
            let cycle: String
            let target: UUID?
            let obstacle: String?
            let reviewed: String?
            let planned: String?

            init(_ logged: LoggedCycle) {
                let cycle = logged.cycle
                self.cycle = [
                    cycle.id.uuidString, cycle.date.description, cycle.coach.rawValue, cycle.learner.rawValue,
                    cycle.secondCoach?.rawValue ?? "-", cycle.minutes.map(String.init) ?? "-",
                    cycle.actualCondition ?? "-",
                    cycle.obstacle == nil ? "no obstacle" : "obstacle", cycle.reviewed == nil ? "-" : "reviewed",
                    cycle.planned == nil ? "-" : "planned",
                ].joined(separator: " | ")
                target = cycle.target
                obstacle = logged.obstacle.map { "\($0.text) \($0.status) \($0.createdOn)" }
                reviewed = logged.reviewed.map {
                    "\($0.step) \($0.happened ?? "-") \($0.learned ?? "-") \($0.closedOn?.description ?? "open")"
                }
                planned = logged.planned.map {
                    "\($0.step) \($0.expected ?? "-") \($0.goSee?.description ?? "-") \($0.plannedOn)"
                }
            }

            init(_ recorded: RecordedCycle) { self.init(recorded.cycle) }
        }

        @Test("coaching cycles: logged, sent again, refused, listed and shown as SQLite does")
        func cycles() async throws {
            try await Twins.with { twins in
                try await Self.addTeam(twins)
                let today = try Self.day("2026-11-20")
                let now = Date(timeIntervalSince1970: 1_795_000_000)
                let (ann, bo, carl) = (try Self.handle("ann"), try Self.handle("bo"), try Self.handle("carl"))
                let pairing = try Pairing(
                    id: Self.id(50), coach: ann, learner: bo, secondCoach: carl, since: Self.day("2026-11-02"))
                let target = try TargetCondition(
                    id: Self.id(51), learner: bo, focusProcess: "Station 4", condition: "Within 52 s",
                    achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-02"))
                let screws = try Obstacle(
                    id: Self.id(52), target: Self.id(51), text: "Screws run out", status: .working,
                    createdOn: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                await twins.sameEffect(
                    { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
                await twins.sameEffect(
                    { try $0.addObstacle(screws, today: nil) }, { try await $0.addObstacle(screws, today: nil) })

                @discardableResult
                func log(_ entry: CycleEntry, _ id: UUID, _ stores: Twins? = nil) async -> Answer<Shape> {
                    await (stores ?? twins).same(
                        { Shape(try $0.recordCycle(entry, id: id, at: now, today: today)) },
                        { Shape(try await $0.recordCycle(entry, id: id, at: now, today: today)) })
                }
                let first = CycleEntry(
                    date: try Self.day("2026-11-16"), coach: ann, learner: bo, minutes: 15,
                    actualCondition: "58 s on average",
                    nextStep: "Stage screws at station 4", expected: "No stop for screws",
                    goSee: try Self.day("2026-11-18")
                )
                #expect(!(await log(first, try Self.id(60))).isError)
                // Again under its id: the cycle logged the first time, nothing new.
                await twins.same(
                    { try $0.recordCycle(first, id: Self.id(60), at: now, today: today).isNew },
                    { try await $0.recordCycle(first, id: Self.id(60), at: now, today: today).isNew })
                var changed = first
                changed.minutes = 20
                // The conflict shows both versions: the same words, but for the id each store made for the step.
                let sqliteConflict = await Answer {
                    try twins.sqlite.recordCycle(changed, id: Self.id(60), at: now, today: today)
                }
                let postgresConflict = await Answer {
                    try await twins.postgres.recordCycle(changed, id: Self.id(60), at: now, today: today)
                }
                let sqliteStep = try #require(
                    try twins.sqlite.cycleDetail(Self.id(60)).planned?.id.uuidString.lowercased())
                let postgresStep = try #require(
                    try await twins.postgres.cycleDetail(Self.id(60)).planned?.id.uuidString.lowercased())
                guard case let .error(expected) = sqliteConflict, case let .error(answered) = postgresConflict else {
                    Issue.record(
                        "a different cycle under a used id was not refused: \(sqliteConflict), \(postgresConflict)")
                    return
                }
                #expect(expected.contains("a different cycle was logged under the id"))
                #expect(answered.replacingOccurrences(of: postgresStep, with: sqliteStep) == expected)
                // A next step before the last is reviewed; then reviewed, with a new obstacle and the next step.
                let unreviewed = CycleEntry(
                    date: try Self.day("2026-11-18"), coach: ann, learner: bo, nextStep: "Kanban")
                #expect(await log(unreviewed, try Self.id(61)).isError)
                let second = CycleEntry(
                    date: try Self.day("2026-11-18"), coach: ann, learner: bo, secondCoach: carl, minutes: 25,
                    actualCondition: "55 s", happened: "One stop", learned: "Stage two boxes",
                    newObstacle: "Wrench shared",
                    nextStep: "Second wrench", expected: "No waiting for the wrench", asExpected: .partly)
                #expect(!(await log(second, try Self.id(62))).isError)
                // Whether the step went as expected is kept with its result, in PostgreSQL's CHECKed column too.
                await twins.same(
                    { try $0.cycleDetail(Self.id(62)).reviewed?.asExpected },
                    { try await $0.cycleDetail(Self.id(62)).reviewed?.asExpected })
                #expect(try await twins.postgres.cycleDetail(Self.id(62)).reviewed?.asExpected == .partly)
                let chosen = CycleEntry(
                    date: try Self.day("2026-11-19"), coach: ann, learner: bo, minutes: 10, obstacle: try Self.id(52))
                #expect(!(await log(chosen, try Self.id(63))).isError)
                // Refusals: after today, a learner nobody is, steps without a target condition, an expectation alone.
                for (entry, id) in [
                    (CycleEntry(date: try Self.day("2026-11-27"), coach: ann, learner: bo), 64),
                    (CycleEntry(date: today, coach: ann, learner: try Self.handle("boo")), 65),
                    (CycleEntry(date: today, coach: ann, learner: carl, nextStep: "Try"), 66),
                    (CycleEntry(date: today, coach: ann, learner: bo, expected: "Better"), 67),
                    (CycleEntry(date: today, coach: ann, learner: carl, minutes: 5), 68),
                    (CycleEntry(date: today, coach: ann, learner: bo, obstacle: try Self.id(99)), 69),
                ] {
                    await log(entry, try Self.id(id))
                }
                for filter in [
                    CycleFilter(), CycleFilter(coach: ann), CycleFilter(learner: carl),
                    CycleFilter(from: try Self.day("2026-11-17"), to: try Self.day("2026-11-19")),
                    CycleFilter(limit: 2),
                ] {
                    await twins.same(
                        { try $0.cycles(filter).map { "\($0.id) \($0.date) \($0.minutes ?? -1)" } },
                        { try await $0.cycles(filter).map { "\($0.id) \($0.date) \($0.minutes ?? -1)" } })
                }
                for id in [60, 62, 63, 98] {
                    await twins.same(
                        { Shape(try $0.cycleDetail(Self.id(id))) }, { Shape(try await $0.cycleDetail(Self.id(id))) })
                }
                // The Q2 answer of the latest cycle is the current condition now.
                let current = await twins.same(
                    { try $0.currentCondition(target: Self.id(51)) },
                    { try await $0.currentCondition(target: Self.id(51)) })
                #expect(
                    current
                        == .value(
                            ActualCondition(date: try Self.day("2026-11-18"), text: "55 s", cycle: try Self.id(62))))
                // Accounts: a coach logs only their own cycles, of learners they coach; each sees what is theirs.
                let coach = twins.scoped(to: .account(handle: ann, roles: []))
                let stranger = twins.scoped(to: .account(handle: carl, roles: []))
                await log(CycleEntry(date: today, coach: carl, learner: bo), try Self.id(70), coach)
                await log(CycleEntry(date: today, coach: ann, learner: carl), try Self.id(71), coach)
                #expect(
                    !(await log(CycleEntry(date: today, coach: ann, learner: bo, minutes: 5), try Self.id(72), coach))
                        .isError)
                for stores in [coach, stranger] {
                    await stores.same(
                        { try $0.cycles(CycleFilter()).map(\.id) }, { try await $0.cycles(CycleFilter()).map(\.id) })
                    await stores.same(
                        { Shape(try $0.cycleDetail(Self.id(60))) }, { Shape(try await $0.cycleDetail(Self.id(60))) })
                }
                await log(first, try Self.id(72), stranger)
            }
        }

        @Test("coaching cycles corrected and deleted as SQLite does, and the same refusals")
        func cycleCorrections() async throws {
            try await Twins.with { twins in
                try await Self.addTeam(twins)
                let today = try Self.day("2026-11-20")
                let now = Date(timeIntervalSince1970: 1_795_000_000)
                let (ann, bo, carl) = (try Self.handle("ann"), try Self.handle("bo"), try Self.handle("carl"))
                let pairing = try Pairing(id: Self.id(80), coach: ann, learner: bo, since: Self.day("2026-11-02"))
                let target = try TargetCondition(
                    id: Self.id(81), learner: bo, focusProcess: "Station 4", condition: "Within 52 s",
                    achieveBy: Self.day("2026-12-18"), createdOn: Self.day("2026-11-02"))
                let other = try Obstacle(
                    id: Self.id(82), target: Self.id(81), text: "Wrench shared", createdOn: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                await twins.sameEffect(
                    { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
                await twins.sameEffect(
                    { try $0.addObstacle(other, today: nil) }, { try await $0.addObstacle(other, today: nil) })
                let cycles = [
                    CycleEntry(
                        date: try Self.day("2026-11-16"), coach: ann, learner: bo, minutes: 15,
                        newObstacle: "Screws run out",
                        nextStep: "Stage screws", expected: "No stop"),
                    CycleEntry(
                        date: try Self.day("2026-11-18"), coach: ann, learner: bo, minutes: 20, happened: "One stop",
                        learned: "Two boxes", nextStep: "Second box", expected: "No stop at all"),
                ]
                for (offset, entry) in cycles.enumerated() {
                    let id = try Self.id(83 + offset)
                    await twins.same(
                        { Shape(try $0.recordCycle(entry, id: id, at: now, today: today)) },
                        { Shape(try await $0.recordCycle(entry, id: id, at: now, today: today)) })
                }
                let corrections: [(Int, CycleCorrection)] = [
                    (83, CycleCorrection()),
                    (83, CycleCorrection(minutes: 2000)),
                    (83, CycleCorrection(date: try Self.day("2026-11-25"))),
                    (83, CycleCorrection(minutes: 25, actualCondition: "57 s", obstacle: try Self.id(82))),
                    (83, CycleCorrection(expected: "Fewer stops")),
                    (
                        84,
                        CycleCorrection(
                            secondCoach: carl, happened: "Two stops", nextStep: "A third box",
                            goSee: try Self.day("2026-11-23"))
                    ),
                    (84, CycleCorrection(expected: "Still no stop")),
                    (84, CycleCorrection(obstacle: try Self.id(99))),
                    (99, CycleCorrection(minutes: 5)),
                ]
                for (id, correction) in corrections {
                    let id = try Self.id(id)
                    await twins.same(
                        { Shape(try $0.editCycle(id, correction, at: now, today: today)) },
                        { Shape(try await $0.editCycle(id, correction, at: now, today: today)) })
                }
                // Not the coach of the cycle: refused; then deleting the first before the second, the second, the first.
                let stranger = twins.scoped(to: .account(handle: carl, roles: []))
                await stranger.same(
                    { Shape(try $0.editCycle(Self.id(84), CycleCorrection(minutes: 1), at: now, today: today)) },
                    { Shape(try await $0.editCycle(Self.id(84), CycleCorrection(minutes: 1), at: now, today: today)) })
                await stranger.sameEffect(
                    { try $0.deleteCycle(Self.id(84)) }, { try await $0.deleteCycle(Self.id(84)) })
                for id in [83, 84, 83, 99] {
                    let id = try Self.id(id)
                    await twins.sameEffect({ try $0.deleteCycle(id) }, { try await $0.deleteCycle(id) })
                }
                await twins.same(
                    { try $0.cycles(CycleFilter()).map(\.id) }, { try await $0.cycles(CycleFilter()).map(\.id) })
                await twins.same(
                    { try $0.obstacles(target: Self.id(81), learner: nil, includeClosed: true).map(\.text) },
                    { try await $0.obstacles(target: Self.id(81), learner: nil, includeClosed: true).map(\.text) })
                await twins.same({ try $0.check() }, { try await $0.check() })
            }
        }

        /// A storyboard, without the ids each store makes for new obstacles and steps.
        static func describe(_ board: Storyboard) -> [String] {
            [board.learner.handle.rawValue, board.challenge?.title ?? "-", board.target.id.uuidString]
                + board.conditions.map { "\($0.date) \($0.text)" }
                + [board.current.map { "current \($0.date) \($0.text) \($0.cycle?.uuidString ?? "-")" } ?? "no current"]
                + board.obstacles.map { "\($0.text) \($0.status)" }
                + board.experiments.map { "\($0.step) \($0.expected ?? "-") \($0.closedOn?.description ?? "open")" }
        }

        @Test("a storyboard and the due list read as SQLite's, for the owner and for accounts")
        func storyboardAndDue() async throws {
            try await Twins.with { twins in
                try await Self.addTeam(twins)
                let today = try Self.day("2026-11-20")
                let now = Date(timeIntervalSince1970: 1_795_000_000)
                let (ann, bo, carl) = (try Self.handle("ann"), try Self.handle("bo"), try Self.handle("carl"))
                await twins.sameEffect(
                    { try $0.configure(SettingsChange(timeZone: "UTC")) },
                    { try await $0.configure(SettingsChange(timeZone: "UTC")) })
                let challenge = try Challenge(id: Self.id(100), title: "Ship in 3 days")
                let pairings = [
                    try Pairing(id: Self.id(101), coach: ann, learner: bo, since: Self.day("2026-11-02")),
                    try Pairing(id: Self.id(102), coach: ann, learner: carl, since: Self.day("2026-11-02")),
                    try Pairing(
                        id: Self.id(103), coach: carl, learner: ann, since: Self.day("2026-11-02"),
                        until: Self.day("2026-11-10")),
                ]
                let target = try TargetCondition(
                    id: Self.id(104), learner: bo, focusProcess: "Station 4", condition: "Within 52 s",
                    achieveBy: Self.day("2026-12-18"), challenge: Self.id(100), createdOn: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.addChallenge(challenge) }, { try await $0.addChallenge(challenge) })
                for pairing in pairings {
                    await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                }
                await twins.same(
                    { try $0.storyboard(learner: bo, target: nil).target.id },
                    {
                        try await $0.storyboard(learner: bo, target: nil).target.id
                    })
                await twins.sameEffect(
                    { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
                let snapshot = try CurrentCondition(
                    id: Self.id(105), target: Self.id(104), date: Self.day("2026-11-03"), text: "60 s")
                await twins.sameEffect(
                    { try $0.addCondition(snapshot, at: now, today: today) },
                    { try await $0.addCondition(snapshot, at: now, today: today) })
                let entries = [
                    CycleEntry(
                        date: try Self.day("2026-11-16"), coach: ann, learner: bo, actualCondition: "58 s",
                        newObstacle: "Screws run out", nextStep: "Stage screws", expected: "No stop",
                        goSee: try Self.day("2026-11-19")),
                    CycleEntry(date: try Self.day("2026-11-19"), coach: ann, learner: carl, minutes: 10),
                ]
                for (offset, entry) in entries.enumerated() {
                    let id = try Self.id(106 + offset)
                    await twins.same(
                        { Shape(try $0.recordCycle(entry, id: id, at: now, today: today)) },
                        { Shape(try await $0.recordCycle(entry, id: id, at: now, today: today)) })
                }
                for (learner, target) in [
                    (bo, nil), (bo, try Self.id(104)), (carl, nil), (try Self.handle("bob"), nil),
                    (carl, try Self.id(104)),
                ] {
                    await twins.same(
                        { Self.describe(try $0.storyboard(learner: learner, target: target)) },
                        { Self.describe(try await $0.storyboard(learner: learner, target: target)) })
                }
                func dueList(_ list: [DueLearner]) -> [String] {
                    list.map {
                        "\($0.coach) \($0.learner.handle) \($0.goSee?.step ?? "-") \($0.lastCycle?.description ?? "-") "
                            + "\($0.workdaysSinceLastCycle.map(String.init) ?? "-")"
                    }
                }
                for (coach, day) in [
                    (nil, "2026-11-20"), (ann, "2026-11-19"), (ann, "2026-11-24"), (carl, "2026-11-05"),
                ] as [(Handle?, String)] {
                    let day = try Self.day(day)
                    await twins.same(
                        { dueList(try $0.due(coach: coach, on: day)) },
                        { dueList(try await $0.due(coach: coach, on: day)) })
                }
                for caller in [
                    Caller.account(handle: carl, roles: []), .account(handle: bo, roles: []),
                    .account(handle: carl, roles: [.lean]),
                ] {
                    let scoped = twins.scoped(to: caller)
                    await scoped.same(
                        { dueList(try $0.due(coach: nil, on: today)) },
                        { dueList(try await $0.due(coach: nil, on: today)) })
                    await scoped.same(
                        { Self.describe(try $0.storyboard(learner: bo, target: nil)) },
                        { Self.describe(try await $0.storyboard(learner: bo, target: nil)) })
                }
            }
        }

        /// An export's bytes.
        final class Collected: ExportSink, @unchecked Sendable {
            private let lock = NSLock()
            private var data = Data()

            func write(_ piece: Data) throws { lock.withLock { data.append(piece) } }
            var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        }

        @Test("an export as JSONL and as a cycles CSV is the SQLite store's byte for byte, and only for admins")
        func export() async throws {
            try await Twins.with { twins in
                try await Self.addTeam(twins)
                let today = try Self.day("2026-11-20")
                let now = Date(timeIntervalSince1970: 1_795_000_000)
                let (ann, bo, carl) = (try Self.handle("ann"), try Self.handle("bo"), try Self.handle("carl"))
                let settings = SettingsChange(
                    timeZone: "Europe/Berlin", workweek: [.monday, .tuesday, .wednesday, .thursday],
                    addHolidays: [try Self.day("2026-12-24"), try Self.day("2026-12-25")])
                await twins.sameEffect({ try $0.configure(settings) }, { try await $0.configure(settings) })
                let challenge = try Challenge(
                    id: Self.id(200), title: "Ship in 3 days", description: "Order to truck", owner: ann,
                    by: Self.day("2027-06-30"))
                await twins.sameEffect({ try $0.addChallenge(challenge) }, { try await $0.addChallenge(challenge) })
                let pairing = try Pairing(
                    id: Self.id(201), coach: ann, learner: bo, secondCoach: carl, since: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                let target = try TargetCondition(
                    id: Self.id(202), learner: bo, focusProcess: "Station 4",
                    condition: "Every unit \"within\" 52 s, no stops",
                    achieveBy: Self.day("2026-12-18"), challenge: Self.id(200),
                    outcomeMetrics: [Metric(name: "cycle time", target: "52", unit: "s")],
                    processMetrics: [Metric(name: "stops")], createdOn: Self.day("2026-11-02"))
                await twins.sameEffect(
                    { try $0.addTarget(target, today: today) }, { try await $0.addTarget(target, today: today) })
                await twins.same(
                    {
                        try $0.amendTarget(
                            Self.id(202), on: Self.day("2026-11-04"), text: "Also at night", outcomeMetrics: [],
                            processMetrics: [],
                            today: today
                        ).amendments.count
                    },
                    {
                        try await $0.amendTarget(
                            Self.id(202), on: Self.day("2026-11-04"), text: "Also at night", outcomeMetrics: [],
                            processMetrics: [],
                            today: today
                        ).amendments.count
                    })
                let snapshot = try CurrentCondition(
                    id: Self.id(203), target: Self.id(202), date: Self.day("2026-11-03"), text: "60 s, 3 stops a shift",
                    metrics: [
                        MetricValue(name: "cycle time", value: 60.5, unit: "s"), MetricValue(name: "stops", value: 3),
                    ])
                await twins.sameEffect(
                    { try $0.addCondition(snapshot, at: now, today: today) },
                    { try await $0.addCondition(snapshot, at: now, today: today) })
                let obstacle = try Obstacle(
                    id: Self.id(204), target: Self.id(202), text: "Screws, run out", status: .working,
                    createdOn: Self.day("2026-11-03"))
                await twins.sameEffect(
                    { try $0.addObstacle(obstacle, today: today) }, { try await $0.addObstacle(obstacle, today: today) }
                )
                let entry = CycleEntry(
                    date: try Self.day("2026-11-16"), coach: ann, learner: bo, secondCoach: carl, minutes: 15,
                    actualCondition: "=58 s\non average", obstacle: try Self.id(204))
                await twins.same(
                    { Shape(try $0.recordCycle(entry, id: Self.id(205), at: now, today: today)) },
                    { Shape(try await $0.recordCycle(entry, id: Self.id(205), at: now, today: today)) })
                let observation = try Observation(
                    id: Self.id(206), date: Self.day("2026-11-16"), secondCoach: carl, coach: ann, cycle: Self.id(205),
                    notes: "Asked \"what did you learn?\"", focus: "Q2")
                await twins.sameEffect(
                    { try $0.addObservation(observation, at: now, today: today) },
                    { try await $0.addObservation(observation, at: now, today: today) })
                let escalation = try Escalation(
                    id: Self.id(207), obstacle: Self.id(204), to: carl, causeUnit: "Logistics",
                    loss: WeeklyLoss(amount: 1800.5, unit: "EUR"), basis: "2 stops, \"15 min\"",
                    fixCost: .operating, toldOn: Self.day("2026-11-05"))
                await twins.same(
                    { try $0.escalate(escalation, today: today).id },
                    { try await $0.escalate(escalation, today: today).id })
                let deferral = try EscalationEvent(
                    date: Self.day("2026-11-06"), action: .deferred, reviewBy: Self.day("2026-11-30"))
                await twins.same(
                    { try $0.recordEscalationEvent(Self.id(207), deferral, today: today).status },
                    { try await $0.recordEscalationEvent(Self.id(207), deferral, today: today).status })
                let walk = try Walk(
                    id: Self.id(207), walker: carl, date: Self.day("2026-11-17"), learners: [bo, ann], mode: .goSee,
                    learned: "Reads \"the\" chart")
                await twins.same(
                    { try $0.recordWalk(walk, at: now, today: today) },
                    { try await $0.recordWalk(walk, at: now, today: today) })
                let plan = try WalkPlan(walker: carl, every: 2, since: Self.day("2026-11-02"))
                await twins.sameEffect({ try $0.setWalkPlan(plan) }, { try await $0.setWalkPlan(plan) })
                for format in InterchangeFormat.allCases {
                    let (fromSQLite, fromPostgres) = (Collected(), Collected())
                    let written = await twins.same(
                        { try $0.exportData(format, to: fromSQLite) },
                        { try await $0.exportData(format, to: fromPostgres) })
                    #expect(written == .value(format == .jsonl ? 17 : 1))
                    #expect(fromPostgres.text == fromSQLite.text)
                    if format == .jsonl {
                        #expect(fromPostgres.text.contains(#""lossPerWeek":1800.5,"lossUnit":"EUR""#))
                        #expect(
                            fromPostgres.text.contains(
                                #""events":[{"date":"2026-11-06","action":"deferred","reviewBy":"2026-11-30"}]"#))
                    }
                    // Quoting and a spreadsheet formula defused, as SQLite writes them.
                    #expect(
                        fromPostgres.text.contains(
                            format == .jsonl ? #""text":"Screws, run out""# : "\"'=58 s\non average\""))
                }
                let coach = twins.scoped(to: .account(handle: ann, roles: []))
                await coach.same(
                    { try $0.exportData(.jsonl, to: Collected()) }, { try await $0.exportData(.jsonl, to: Collected()) }
                )
            }
        }
    }
}
