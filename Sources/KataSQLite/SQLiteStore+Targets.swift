import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Sets a new target condition; refuses a second active one for the same learner and focus
    /// process, an unknown learner or challenge, and one set after `today` when it is given.
    public func addTarget(_ target: TargetCondition, today: Day? = nil) throws {
        try write { db in
            if let today { try target.createdOn.requireHappened(by: today, record: "a target condition") }
            try SQLiteStore.requirePerson(target.learner, as: "learner", db)
            try requireCoach(of: target.learner, db)
            if let challenge = target.challenge {
                let exists =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM challenge WHERE id = ?)", arguments: [challenge.text])
                    ?? false
                guard exists else {
                    throw KataError.unknown(
                        kind: "challenge", reference: challenge.text, hint: "See 'kata challenge list'.")
                }
            }
            if target.isActive,
                let other = try String.fetchOne(
                    db, sql: "SELECT id FROM target WHERE learner = ? AND focusProcess = ? AND status = 'active'",
                    arguments: [target.learner, target.focusProcess])
            {
                throw KataError.ruleBroken(
                    "\(target.learner) already has an active target condition for '\(target.focusProcess)' "
                        + "(\(other.prefix(8))); close it with 'kata target close \(other.prefix(8)) --achieved|--missed|--dropped' first."
                )
            }
            try target.insert(db)
        }
    }

    /// The target condition with `id`, with its metrics and amendments.
    public func target(_ id: UUID) throws -> TargetCondition {
        try read { db in try visibleTarget(id, db) }
    }

    /// The target condition with `id` if the caller may see it; else `KataError.unknown`, as for
    /// one that does not exist.
    func visibleTarget(_ id: UUID, _ db: Database) throws -> TargetCondition {
        try requireVisible(.target, id, db)
        return try SQLiteStore.fetchTarget(id, db)
    }

    /// The target condition with `id`, which the caller may see and, as `learner`'s coach (or the
    /// learner, when `learnerToo`), change.
    func writableTarget(_ id: UUID, learnerToo: Bool = false, _ db: Database) throws -> TargetCondition {
        let target = try visibleTarget(id, db)
        try requireCoach(of: target.learner, learnerToo: learnerToo, db)
        return target
    }

    static func fetchTarget(_ id: UUID, _ db: Database) throws -> TargetCondition {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM target WHERE id = ?", arguments: [id.text]) else {
            throw KataError.unknown(kind: "target condition", reference: id.text, hint: "See 'kata target list'.")
        }
        var target = try TargetCondition(row: row)
        try target.loadDetails(db)
        return target
    }

    /// Target conditions, newest first, optionally of one learner and/or one status.
    public func targets(learner: Handle? = nil, status: TargetCondition.Status? = nil) throws -> [TargetCondition] {
        let (sql, arguments) = scoped(
            """
            SELECT * FROM target WHERE (?1 IS NULL OR learner = ?1) AND (?2 IS NULL OR status = ?2) /*scope*/
            ORDER BY learner, status <> 'active', createdOn DESC, focusProcess
            """, [learner, status?.rawValue]
        ) { AccessScope.target("target", $0) }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                var target = try TargetCondition(row: row)
                try target.loadDetails(db)
                return target
            }
        }
    }

    /// Appends to a target condition: a dated amendment and/or more metrics; `day` is not before
    /// the target condition was set, nor after `today` when it is given.
    @discardableResult
    public func amendTarget(
        _ id: UUID, on day: Day, text: String?, outcomeMetrics: [Metric] = [], processMetrics: [Metric] = [],
        today: Day? = nil
    ) throws -> TargetCondition {
        try write { db in
            if let today { try day.requireHappened(by: today, record: "an amendment") }
            var target = try writableTarget(id, db)
            let before = target
            try target.amend(on: day, text: text, outcomeMetrics: outcomeMetrics, processMetrics: processMetrics)
            try target.insertAmendments(
                db, Array(target.amendments.dropFirst(before.amendments.count)), start: before.amendments.count)
            try target.insertMetrics(
                db, outcome: outcomeMetrics, process: processMetrics, outcomeStart: before.outcomeMetrics.count,
                processStart: before.processMetrics.count)
            return target
        }
    }

    /// Ends a target condition as achieved, missed or dropped on `day` (not before it was set, nor
    /// after `today` when it is given), with an optional reflection.
    @discardableResult
    public func closeTarget(
        _ id: UUID, as status: TargetCondition.Status, on day: Day, reflection: String?, today: Day? = nil
    ) throws -> TargetCondition {
        try write { db in
            if let today { try day.requireHappened(by: today, record: "the end of a target condition") }
            var target = try writableTarget(id, db)
            try target.close(as: status, on: day, reflection: reflection)
            try db.execute(
                sql: "UPDATE target SET status = ?, closedOn = ?, reflection = ? WHERE id = ?",
                arguments: [target.status.rawValue, target.closedOn, target.reflection, id.text])
            return target
        }
    }

    /// Records a current-condition snapshot for an existing target condition; one dated after
    /// `today` (by default the day of `now`) is refused.
    public func addCondition(_ condition: CurrentCondition, at now: Date = Date(), today: Day? = nil) throws {
        try write { db in
            try condition.date.requireHappened(by: SQLiteStore.today(today, at: now, db), record: "a current condition")
            _ = try writableTarget(condition.target, learnerToo: true, db)
            try condition.insert(db)
        }
    }

    /// The current-condition snapshots of a target condition, oldest first.
    public func conditions(target: UUID) throws -> [CurrentCondition] {
        let (sql, arguments) = scoped(
            "SELECT * FROM condition WHERE target = ?1 /*scope*/ ORDER BY date, rowid", [target.text]
        ) { AccessScope.ofTarget("condition", $0) }
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(CurrentCondition.init(row:))
        }
    }

    /// The active target conditions of `learner`.
    static func activeTargets(of learner: Handle, _ db: Database) throws -> [TargetCondition] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM target WHERE learner = ? AND status = 'active' ORDER BY createdOn DESC, id"),
            arguments: [learner]
        ).map(TargetCondition.init(row:))
    }
}
