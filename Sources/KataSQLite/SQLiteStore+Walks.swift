import Foundation
import GRDB
import ImprovementKata
import KataStore

/// Leaders' walks and walk plans (DESIGN §11.2), and the facts the chain of coaching is worked out
/// from (`ChainSource`).
extension SQLiteStore {
    /// Records a walk under its id; the same walk again writes nothing and returns false.
    public func recordWalk(_ walk: Walk, at now: Date = Date(), today: Day? = nil) throws -> Bool {
        try write { db in
            try walk.date.requireHappened(by: SQLiteStore.today(today, at: now, db), record: "a walk")
            try SQLiteStore.requirePerson(walk.walker, as: "walker", db)
            for learner in walk.learners { try SQLiteStore.requirePerson(learner, as: "learner", db) }
            if let companion = walk.with { try SQLiteStore.requirePerson(companion, as: "companion", db) }
            try requireWalker(walk.walker, record: "walks", db)
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM walk WHERE id = ?", arguments: [walk.id.text]) {
                guard try SQLiteStore.walk(row, db) == walk else {
                    throw KataError.conflict("walk \(walk.id.short) is already recorded with other content.")
                }
                return false
            }
            try walk.insert(db)
            return true
        }
    }

    /// Walks, newest first, of one walker or of everyone; an account sees its own, those at its
    /// storyboards and those of the people below it.
    public func walks(walker: Handle? = nil) throws -> [Walk] {
        let (sql, arguments) = scoped(
            "SELECT * FROM walk WHERE (?1 IS NULL OR walker = ?1) /*scope*/ ORDER BY date DESC, rowid DESC", [walker]
        ) { me in
            """
            (walk.walker = \(me) OR walk.companion = \(me) OR walk.walker IN \(AccessScope.below(me))
                OR EXISTS (SELECT 1 FROM walk_learner wl WHERE wl.walk = walk.id AND wl.learner = \(me)))
            """
        }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { try SQLiteStore.walk($0, db) }
        }
    }

    /// Sets the walker's own cadence, replacing the one they had.
    public func setWalkPlan(_ plan: WalkPlan) throws {
        try write { db in
            try SQLiteStore.requirePerson(plan.walker, as: "walker", db)
            try requireWalker(plan.walker, record: "walk plans", db)
            try db.execute(
                sql: """
                    INSERT INTO walk_plan (walker, every, since) VALUES (?, ?, ?)
                    ON CONFLICT (walker) DO UPDATE SET every = excluded.every, since = excluded.since
                    """, arguments: [plan.walker, plan.every, plan.since])
        }
    }

    /// Every walk plan, by walker.
    public func walkPlans() throws -> [WalkPlan] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM walk_plan ORDER BY walker").map(WalkPlan.init(row:))
        }
    }

    /// The store's today in the organisation's time zone.
    public func chainToday() throws -> Day { try settings().today(at: Date()) }

    /// Everyone, and the cycles, observations, walks and pairings of [from, to], with every plan.
    ///
    /// Read from one snapshot; the chain's own access rule decides what of it a caller sees.
    public func chainFacts(from: Day, to: Day) throws -> ChainFacts {
        try read { db in
            let people = try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY handle").map(Person.init(row:))
            let cycles = try Row.fetchAll(
                db, sql: "SELECT coach, learner, secondCoach FROM cycle WHERE date BETWEEN ? AND ?",
                arguments: [from, to]
            ).map {
                ChainFacts.Cycle(
                    coach: try $0.requiredHandle("coach"), learner: try $0.requiredHandle("learner"),
                    secondCoach: $0["secondCoach"])
            }
            let observations = try Row.fetchAll(
                db, sql: "SELECT secondCoach, coach FROM observation WHERE date BETWEEN ? AND ?", arguments: [from, to]
            ).map { ChainFacts.Link(from: try $0.requiredHandle("secondCoach"), to: try $0.requiredHandle("coach")) }
            let pairings = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT coach, learner FROM pairing WHERE since <= ?2 AND (until IS NULL OR until >= ?1)
                    """, arguments: [from, to]
            ).map { ChainFacts.Link(from: try $0.requiredHandle("coach"), to: try $0.requiredHandle("learner")) }
            let walks = try Row.fetchAll(
                db, sql: "SELECT * FROM walk WHERE date BETWEEN ? AND ? ORDER BY date, rowid", arguments: [from, to]
            ).map { try SQLiteStore.walk($0, db) }
            let plans = try Row.fetchAll(db, sql: "SELECT * FROM walk_plan ORDER BY walker").map(WalkPlan.init(row:))
            return ChainFacts(
                people: people, cycles: cycles, observations: observations, pairings: pairings, walks: walks,
                plans: plans)
        }
    }

    /// Refuses an account that may not record `what` for `walker`: lean staff and admins may for
    /// anyone, a leader (someone others report to) only for themself.
    func requireWalker(_ walker: Handle, record what: String, _ db: Database) throws {
        guard let account, account.roles.isDisjoint(with: [.lean, .admin]) else { return }
        guard walker == account.handle else {
            throw KataError.forbidden("you may record only your own \(what), not \(walker)'s.")
        }
        let leads =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE reportsTo = ?)", arguments: [account.handle])
            ?? false
        guard leads else {
            throw KataError.forbidden(
                "only leaders (someone reports to them), lean staff and admins may record \(what); no one reports to you."
            )
        }
    }

    /// The walk of `row`, with its learners in their order.
    static func walk(_ row: Row, _ db: Database) throws -> Walk {
        let id = try row.requiredUUID("id")
        let learners = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT learner FROM walk_learner WHERE walk = ? ORDER BY position"),
            arguments: [id.text]
        ).map { try $0.requiredHandle("learner") }
        let mode: String? = row["mode"]
        return try Walk(
            id: id, walker: row.requiredHandle("walker"), date: row.requiredDay("date"), learners: learners,
            mode: mode.flatMap(Walk.Mode.init(rawValue:)), with: row["companion"], learned: row["learned"],
            followUp: row["followUp"])
    }
}

extension Walk {
    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO walk (id, walker, date, mode, companion, learned, followUp) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.text, walker, date, mode?.rawValue, with, learned, followUp])
        for (position, learner) in learners.enumerated() {
            try db.execute(
                sql: "INSERT INTO walk_learner (walk, learner, position) VALUES (?, ?, ?)",
                arguments: [id.text, learner, position])
        }
    }
}

extension WalkPlan {
    init(row: Row) throws {
        try self.init(walker: row.requiredHandle("walker"), every: row["every"], since: row["since"])
    }
}

extension SQLiteStore: ChainSource {}
