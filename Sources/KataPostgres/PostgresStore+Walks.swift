import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// Leaders' walks and walk plans (DESIGN §11.2), with the rules and errors of the SQLite store,
/// and the facts the chain of coaching is worked out from (`ChainSource`).
extension PostgresStore {
    /// Records a walk under its id; the same walk again writes nothing and returns false.
    public func recordWalk(_ walk: Walk, at now: Date, today: Day?) async throws -> Bool {
        try await write { connection in
            let logger = pool.logger
            try walk.date.requireHappened(
                by: try await PostgresStore.today(today, at: now, connection, logger), record: "a walk")
            try await PostgresStore.requirePerson(walk.walker, as: "walker", connection, logger)
            for learner in walk.learners {
                try await PostgresStore.requirePerson(learner, as: "learner", connection, logger)
            }
            if let companion = walk.with {
                try await PostgresStore.requirePerson(companion, as: "companion", connection, logger)
            }
            try await requireWalker(walk.walker, record: "walks", connection)
            if let existing = try await PostgresStore.fetchWalks(
                "WHERE w.id = $1::uuid", [walk.id.uuidString], connection, logger
            ).first {
                guard existing == walk else {
                    throw KataError.conflict(
                        "walk \(walk.id.uuidString.lowercased().prefix(8)) is already recorded with other content.")
                }
                return false
            }
            try await connection.query(
                """
                INSERT INTO walk (id, walker, date, mode, companion, learned, follow_up)
                VALUES (\(walk.id), \(walk.walker.rawValue), \(walk.date.description)::date, \(walk.mode?.rawValue),
                    \(walk.with?.rawValue), \(walk.learned), \(walk.followUp))
                """, logger: logger)
            for (position, learner) in walk.learners.enumerated() {
                try await connection.query(
                    "INSERT INTO walk_learner (walk, learner, position) VALUES (\(walk.id), \(learner.rawValue), \(position))",
                    logger: logger)
            }
            return true
        }
    }

    /// Walks, newest first, of one walker or of everyone; an account sees its own, those at its
    /// storyboards and those of the people below it.
    public func walks(walker: Handle?) async throws -> [Walk] {
        var condition = "WHERE ($1::text IS NULL OR w.walker = $1)"
        var binds: [String?] = [walker?.rawValue]
        if let me = readScope {
            condition += """
                 AND (w.walker = $2 OR w.companion = $2 OR w.walker IN \(AccessScope.below("$2"))
                    OR EXISTS (SELECT 1 FROM walk_learner wl WHERE wl.walk = w.id AND wl.learner = $2))
                """
            binds.append(me.rawValue)
        }
        let (finished, values) = (condition, binds)
        return try await read { connection in
            try await PostgresStore.fetchWalks(finished, values, connection, pool.logger, newestFirst: true)
        }
    }

    /// Sets the walker's own cadence, replacing the one they had.
    public func setWalkPlan(_ plan: WalkPlan) async throws {
        try await write { connection in
            try await PostgresStore.requirePerson(plan.walker, as: "walker", connection, pool.logger)
            try await requireWalker(plan.walker, record: "walk plans", connection)
            try await connection.query(
                """
                INSERT INTO walk_plan (walker, every, since) VALUES (\(plan.walker.rawValue), \(plan.every),
                    \(plan.since?.description)::date)
                ON CONFLICT (walker) DO UPDATE SET every = excluded.every, since = excluded.since
                """, logger: pool.logger)
        }
    }

    /// Every walk plan, by walker.
    public func walkPlans() async throws -> [WalkPlan] {
        try await read { connection in try await PostgresStore.fetchPlans(connection, pool.logger) }
    }

    /// The store's today in the organisation's time zone.
    public func chainToday() async throws -> Day { try await settings().today(at: Date()) }

    /// Everyone, and the cycles, observations, walks and pairings of [from, to], with every plan,
    /// from one snapshot.
    public func chainFacts(from: Day, to: Day) async throws -> ChainFacts {
        try await read { connection in
            let logger = pool.logger
            let (first, last) = (from.description, to.description)
            let people = try await connection.rows(
                "SELECT \(unescaped: Person.columns) FROM person ORDER BY handle", logger
            ).map(Person.init(row:))
            let cycles = try await connection.rows(
                "SELECT coach, learner, second_coach FROM cycle WHERE date BETWEEN \(first)::date AND \(last)::date",
                logger
            ).map { row in
                let (coach, learner, second) = try row.decode((String, String, String?).self)
                return ChainFacts.Cycle(
                    coach: try Column.handle(coach, "coach"), learner: try Column.handle(learner, "learner"),
                    secondCoach: try Column.handle(second, "second_coach"))
            }
            let observations = try await connection.rows(
                """
                SELECT second_coach, coach FROM observation WHERE date BETWEEN \(first)::date AND \(last)::date
                """, logger
            ).map { row in
                let (second, coach) = try row.decode((String, String).self)
                return ChainFacts.Link(
                    from: try Column.handle(second, "second_coach"), to: try Column.handle(coach, "coach"))
            }
            let pairings = try await connection.rows(
                """
                SELECT DISTINCT coach, learner FROM pairing
                WHERE since <= \(last)::date AND (until IS NULL OR until >= \(first)::date)
                """, logger
            ).map { row in
                let (coach, learner) = try row.decode((String, String).self)
                return ChainFacts.Link(
                    from: try Column.handle(coach, "coach"), to: try Column.handle(learner, "learner"))
            }
            let walks = try await PostgresStore.fetchWalks(
                "WHERE w.date BETWEEN $1::date AND $2::date", [first, last], connection, logger)
            return ChainFacts(
                people: people, cycles: cycles, observations: observations, pairings: pairings, walks: walks,
                plans: try await PostgresStore.fetchPlans(connection, logger))
        }
    }

    /// Refuses an account that may not record `what` for `walker`: lean staff and admins may for
    /// anyone, a leader (someone others report to) only for themself.
    func requireWalker(_ walker: Handle, record what: String, _ connection: PostgresConnection) async throws {
        guard let account, account.roles.isDisjoint(with: [.lean, .admin]) else { return }
        guard walker == account.handle else {
            throw KataError.forbidden("you may record only your own \(what), not \(walker)'s.")
        }
        let leads =
            try await connection.rows(
                "SELECT EXISTS (SELECT 1 FROM person WHERE reports_to = \(account.handle.rawValue))", pool.logger
            ).first?.decode(Bool.self) ?? false
        guard leads else {
            throw KataError.forbidden(
                "only leaders (someone reports to them), lean staff and admins may record \(what); no one reports to you."
            )
        }
    }

    /// The walks `condition` (on `walk w`, with `binds` as $1, $2, …) selects, with their learners
    /// in their order; oldest first unless `newestFirst`.
    static func fetchWalks(
        _ condition: String, _ binds: [String?], _ connection: PostgresConnection,
        _ logger: Logger, newestFirst: Bool = false
    ) async throws -> [Walk] {
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT w.id, w.walker, w.date::text, w.mode, w.companion, w.learned, w.follow_up,
                    ARRAY(SELECT l.learner::text FROM walk_learner l WHERE l.walk = w.id ORDER BY l.position)
                FROM walk w \(condition)
                ORDER BY \(newestFirst ? "w.date DESC, w.seq DESC" : "w.date, w.seq")
                """)
        for bind in binds { query.binds.append(bind) }
        return try await connection.rows(query, logger).map { row in
            let (id, walker, date, mode, companion, learned, followUp, learners) = try row.decode(
                (UUID, String, String, String?, String?, String?, String?, [String]).self)
            return try Walk(
                id: id, walker: Column.handle(walker, "walker"), date: Column.day(date, "date"),
                learners: learners.map { try Column.handle($0, "learner") },
                mode: mode.flatMap(Walk.Mode.init(rawValue:)), with: Column.handle(companion, "companion"),
                learned: learned, followUp: followUp)
        }
    }

    static func fetchPlans(_ connection: PostgresConnection, _ logger: Logger) async throws -> [WalkPlan] {
        try await connection.rows("SELECT walker, every, since::text FROM walk_plan ORDER BY walker", logger).map {
            row in
            let (walker, every, since) = try row.decode((String, Int, String?).self)
            return try WalkPlan(
                walker: Column.handle(walker, "walker"), every: every, since: Column.day(since, "since"))
        }
    }
}

extension PostgresStore: ChainSource {}
