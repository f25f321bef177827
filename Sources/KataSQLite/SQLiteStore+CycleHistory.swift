import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Cycles, newest first.
    public func cycles(_ filter: CycleFilter = CycleFilter()) throws -> [CoachingCycle] {
        let (sql, arguments) = scoped(
            """
            SELECT * FROM cycle WHERE (?1 IS NULL OR coach = ?1) AND (?2 IS NULL OR learner = ?2)
                AND (?3 IS NULL OR date >= ?3) AND (?4 IS NULL OR date <= ?4) /*scope*/
            ORDER BY date DESC, rowid DESC LIMIT ?5
            """, [filter.coach, filter.learner, filter.from, filter.to, filter.limit ?? -1]
        ) { AccessScope.cycle("cycle", $0) }
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(CoachingCycle.init(row:)) }
    }

    /// One cycle with the target condition, obstacle and experiments it refers to.
    public func cycleDetail(_ id: UUID) throws -> LoggedCycle {
        try read { db in
            try requireVisible(.cycle, id, db)
            return try SQLiteStore.cycleDetail(id, db)
        }
    }

    /// Refuses a cycle the caller may not see (as unknown) or did not log (forbidden); the owner
    /// and admins pass without a query.
    func requireOwnCycle(_ id: UUID, _ db: Database) throws {
        guard let account, !account.roles.contains(.admin) else { return }
        try requireVisible(.cycle, id, db)
        let coach = try String.fetchOne(db, sql: "SELECT coach FROM cycle WHERE id = ?", arguments: [id.text])
        guard coach == account.handle.rawValue else {
            throw KataError.forbidden(
                "you did not log cycle \(id.short); only its coach (\(coach ?? "?")) or an admin may change it.")
        }
    }

    static func cycleDetail(_ id: UUID, _ db: Database) throws -> LoggedCycle {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cycle WHERE id = ?", arguments: [id.text]) else {
            throw KataError.unknown(kind: "coaching cycle", reference: id.text, hint: "See 'kata cycle list'.")
        }
        let cycle = try CoachingCycle(row: row)
        return LoggedCycle(
            cycle: cycle, target: try cycle.target.map { try fetchTarget($0, db) },
            obstacle: try cycle.obstacle.map { try fetchObstacle($0, db) },
            reviewed: try cycle.reviewed.map { try fetchExperiment($0, db) },
            planned: try cycle.planned.map { try fetchExperiment($0, db) })
    }

    static func fetchExperiment(_ id: UUID, _ db: Database) throws -> Experiment {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM experiment WHERE id = ?", arguments: [id.text]) else {
            throw KataError.unknown(kind: "experiment", reference: id.text, hint: "See 'kata storyboard LEARNER'.")
        }
        return try Experiment(row: row)
    }

    /// Corrects a logged cycle and the steps it reviewed and planned; a new date after `today`
    /// (by default the day of `now`) is refused, and so is an obstacle of another target condition.
    @discardableResult
    public func editCycle(_ id: UUID, _ correction: CycleCorrection, at now: Date = Date(), today: Day? = nil) throws
        -> LoggedCycle
    {
        guard !correction.isEmpty else {
            throw KataError.missing(fields: ["a value to change"], hint: "See 'kata cycle edit --help'.")
        }
        try CoachingCycle.validate(minutes: correction.minutes)
        return try write { db in
            try requireOwnCycle(id, db)
            var detail = try SQLiteStore.cycleDetail(id, db)
            var cycle = detail.cycle
            if let date = correction.date {
                try date.requireHappened(by: SQLiteStore.today(today, at: now, db), record: "a cycle")
            }
            if let obstacleID = correction.obstacle {
                try SQLiteStore.relinkObstacle(obstacleID, of: &detail, db)
            }
            if let second = correction.secondCoach { try SQLiteStore.requirePerson(second, as: "2nd coach", db) }
            cycle = try CoachingCycle(
                id: cycle.id, date: correction.date ?? cycle.date, coach: cycle.coach, learner: cycle.learner,
                secondCoach: correction.secondCoach ?? cycle.secondCoach, minutes: correction.minutes ?? cycle.minutes,
                target: cycle.target, actualCondition: correction.actualCondition ?? cycle.actualCondition,
                obstacle: detail.obstacle?.id ?? cycle.obstacle, reviewed: cycle.reviewed, planned: cycle.planned)
            try db.execute(
                sql: """
                    UPDATE cycle SET date = ?, secondCoach = ?, minutes = ?, actualCondition = ?, obstacle = ?
                    WHERE id = ?
                    """,
                arguments: [
                    cycle.date, cycle.secondCoach, cycle.minutes, cycle.actualCondition, cycle.obstacle?.text, id.text,
                ])
            if correction.happened != nil || correction.learned != nil || correction.asExpected != nil {
                guard var reviewed = detail.reviewed else {
                    throw KataError.ruleBroken("this cycle reviewed no step; there is no result to correct.")
                }
                reviewed.happened = correction.happened ?? reviewed.happened
                reviewed.learned = correction.learned ?? reviewed.learned
                reviewed.asExpected = correction.asExpected ?? reviewed.asExpected
                try db.execute(
                    sql: "UPDATE experiment SET happened = ?, learned = ?, asExpected = ? WHERE id = ?",
                    arguments: [reviewed.happened, reviewed.learned, reviewed.asExpected?.rawValue, reviewed.id.text])
                detail.reviewed = reviewed
            }
            if correction.nextStep != nil || correction.expected != nil || correction.goSee != nil {
                guard let planned = detail.planned else {
                    throw KataError.ruleBroken("this cycle planned no step; log the next step with the next cycle.")
                }
                if correction.expected != nil && planned.isClosed {
                    throw KataError.ruleBroken(
                        "the result of this step is in; its prediction stays as it was written before the step.")
                }
                let corrected = try Experiment(
                    id: planned.id, target: planned.target, obstacle: planned.obstacle,
                    step: correction.nextStep ?? planned.step, expected: correction.expected ?? planned.expected,
                    plannedOn: planned.plannedOn, goSee: correction.goSee ?? planned.goSee, happened: planned.happened,
                    learned: planned.learned, asExpected: planned.asExpected, closedOn: planned.closedOn)
                try db.execute(
                    sql: "UPDATE experiment SET step = ?, expected = ?, goSee = ? WHERE id = ?",
                    arguments: [corrected.step, corrected.expected, corrected.goSee, corrected.id.text])
                detail.planned = corrected
            }
            detail.cycle = cycle
            return detail
        }
    }

    /// Links the cycle of `detail` (and the step it planned) to obstacle `id` of its target condition.
    static func relinkObstacle(_ id: UUID, of detail: inout LoggedCycle, _ db: Database) throws {
        let obstacle = try fetchObstacle(id, db)
        guard let target = detail.cycle.target else {
            throw KataError.ruleBroken(
                "this cycle has no target condition, so it addressed no obstacle; there is no link to correct.")
        }
        guard obstacle.target == target else {
            throw KataError.ruleBroken(
                "obstacle \(id.short) belongs to another target condition; "
                    + "see 'kata obstacle list --learner \(detail.cycle.learner)'.")
        }
        if var planned = detail.planned {
            planned.obstacle = id
            try db.execute(
                sql: "UPDATE experiment SET obstacle = ? WHERE id = ?", arguments: [id.text, planned.id.text])
            detail.planned = planned
        }
        detail.obstacle = obstacle
    }

    /// Deletes a cycle logged by mistake: the step it planned goes too (unless a later cycle
    /// reviewed it), the step it reviewed is open again, observations of it stay without it.
    public func deleteCycle(_ id: UUID) throws {
        try write { db in
            try requireOwnCycle(id, db)
            let detail = try SQLiteStore.cycleDetail(id, db)
            if let planned = detail.planned, planned.isClosed {
                throw KataError.ruleBroken(
                    "a later cycle reviewed the step this cycle planned ('\(planned.step)'); delete that cycle first.")
            }
            try db.execute(sql: "UPDATE observation SET cycle = NULL WHERE cycle = ?", arguments: [id.text])
            try db.execute(sql: "DELETE FROM cycle WHERE id = ?", arguments: [id.text])
            if let planned = detail.planned {
                try db.execute(sql: "DELETE FROM experiment WHERE id = ?", arguments: [planned.id.text])
            }
            if let reviewed = detail.reviewed {
                if try SQLiteStore.openExperiment(of: reviewed.target, db) != nil {
                    throw KataError.ruleBroken(
                        "another step of this target condition is open now; the step this cycle reviewed cannot be reopened."
                    )
                }
                try db.execute(
                    sql:
                        "UPDATE experiment SET happened = NULL, learned = NULL, asExpected = NULL, closedOn = NULL, closedAt = NULL WHERE id = ?",
                    arguments: [reviewed.id.text])
            }
        }
    }

    /// Records a 2nd coach's observation of a coach; one dated after `today` (by default the day
    /// of `now`) is refused.
    public func addObservation(_ observation: Observation, at now: Date = Date(), today: Day? = nil) throws {
        try write { db in
            try observation.date.requireHappened(by: SQLiteStore.today(today, at: now, db), record: "an observation")
            try SQLiteStore.requirePerson(observation.coach, as: "coach", db)
            try SQLiteStore.requirePerson(observation.secondCoach, as: "2nd coach", db)
            try requireObserver(of: observation, db)
            if let cycle = observation.cycle {
                let coach = try String.fetchOne(
                    db, sql: "SELECT coach FROM cycle WHERE id = ?", arguments: [cycle.text])
                guard let coach else {
                    throw KataError.unknown(
                        kind: "coaching cycle", reference: cycle.text, hint: "See 'kata cycle list'.")
                }
                guard coach == observation.coach.rawValue else {
                    throw KataError.ruleBroken("cycle \(cycle.short) was run by \(coach), not \(observation.coach).")
                }
            }
            let coached =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ?1)
                            OR EXISTS (SELECT 1 FROM cycle WHERE coach = ?1)
                        """, arguments: [observation.coach]) ?? false
            guard coached else {
                throw KataError.ruleBroken(
                    "\(observation.coach) has never coached (no pairing as coach, no cycle); a 2nd coach observes "
                        + "someone coaching. Pair them first: 'kata pair add --coach \(observation.coach) --learner …'."
                )
            }
            try observation.insert(db)
        }
    }

    /// Observations, newest first, optionally of one coach.
    public func observations(coach: Handle? = nil, secondCoach: Handle? = nil) throws -> [Observation] {
        let (sql, arguments) = scoped(
            """
            SELECT * FROM observation WHERE (?1 IS NULL OR coach = ?1) AND (?2 IS NULL OR secondCoach = ?2) /*scope*/
            ORDER BY date DESC, rowid DESC
            """, [coach, secondCoach]
        ) { AccessScope.observation("observation", $0) }
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Observation.init(row:)) }
    }

    /// Refuses an account that may not record `observation`: only lean staff, admins, and the
    /// coach's 2nd coaches (as themselves) may.
    func requireObserver(of observation: Observation, _ db: Database) throws {
        guard let account, account.roles.isDisjoint(with: [.lean, .admin]) else { return }
        let secondCoaches =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ? AND secondCoach = ?)",
                arguments: [observation.coach, account.handle]) ?? false
        guard secondCoaches else {
            throw KataError.forbidden(
                "only lean staff, 2nd coaches of \(observation.coach) or an admin may record an observation of "
                    + "\(observation.coach).")
        }
        guard observation.secondCoach == account.handle else {
            throw KataError.forbidden(
                "you may record observations only as their 2nd coach yourself, not as \(observation.secondCoach).")
        }
    }
}
