import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// The actual condition last recorded for `target`: the later of its latest snapshot and the
    /// latest Q2 answer of a cycle toward it (the snapshot on the same day, as it holds the metrics).
    public func currentCondition(target: UUID) throws -> ActualCondition? {
        try read { db in
            if readScope != nil {
                let (sql, arguments) = scoped(
                    "SELECT EXISTS (SELECT 1 FROM target WHERE id = ?1 /*scope*/)", [target.text]
                ) { AccessScope.target("target", $0) }
                // A target condition the caller may not see has no condition, like one that does not exist.
                guard try Bool.fetchOne(db, sql: sql, arguments: arguments) == true else { return nil }
            }
            let snapshot = try Row.fetchOne(
                db, sql: "SELECT * FROM condition WHERE target = ? ORDER BY date DESC, rowid DESC LIMIT 1",
                arguments: [target.text]
            ).map(CurrentCondition.init(row:))
            return try SQLiteStore.currentCondition(target: target, snapshot: snapshot, db)
        }
    }

    /// The same, given the target's latest snapshot (nil when it has none).
    static func currentCondition(target: UUID, snapshot: CurrentCondition?, _ db: Database) throws
        -> ActualCondition?
    {
        let answer = try Row.fetchOne(
            db,
            sql: """
                SELECT id, date, actualCondition FROM cycle
                WHERE learner = (SELECT learner FROM target WHERE id = ?1) AND target = ?1
                    AND trim(actualCondition) <> ''
                ORDER BY date DESC, rowid DESC LIMIT 1
                """,
            arguments: [target.text])
        if let answer, let date: Day = answer["date"], snapshot.map({ date > $0.date }) ?? true {
            return ActualCondition(date: date, text: answer["actualCondition"], cycle: try answer.requiredUUID("id"))
        }
        return snapshot.map { ActualCondition(date: $0.date, text: $0.text, metrics: $0.metrics) }
    }
}

extension SQLiteStore {
    /// The storyboard of `learner`'s target condition `target`, or of their most recent active one
    /// (the most recent one at all when none is active).
    public func storyboard(learner handle: Handle, target id: UUID? = nil) throws -> Storyboard {
        try read { db in
            guard let learner = try SQLiteStore.fetchPerson(handle, db) else {
                throw try SQLiteStore.unknownPerson(handle, as: "learner", db)
            }
            let targetID: UUID
            let newestSQL = scoped(
                "SELECT id FROM target WHERE learner = ?1 /*scope*/ ORDER BY status <> 'active', createdOn DESC, rowid DESC",
                [handle]
            ) { AccessScope.target("target", $0) }
            if let id {
                try requireVisible(.target, id, db)
                targetID = id
            } else if let newest = try String.fetchOne(db, sql: newestSQL.sql, arguments: newestSQL.arguments) {
                targetID = UUID(uuidString: newest) ?? UUID()
            } else {
                throw KataError.unknown(
                    kind: "target condition for", reference: handle.rawValue,
                    hint:
                        "Set one with 'kata target add --learner \(handle) --focus-process … --condition … --achieve-by …'."
                )
            }
            let target = try SQLiteStore.fetchTarget(targetID, db)
            guard target.learner == handle else {
                throw KataError.ruleBroken(
                    "target condition \(targetID.short) belongs to \(target.learner), not \(handle).")
            }
            let challenge = try target.challenge.flatMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM challenge WHERE id = ?", arguments: [id.text]).map(
                    Challenge.init(row:))
            }
            let conditions = try Row.fetchAll(
                db, sql: "SELECT * FROM condition WHERE target = ? ORDER BY date, rowid", arguments: [targetID.text]
            ).map(CurrentCondition.init(row:))
            let obstacles = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM obstacle WHERE target = ?
                    ORDER BY status <> 'working', status IN ('overcome', 'dropped'), createdOn, rowid
                    """,
                arguments: [targetID.text]
            ).map(Obstacle.init(row:))
            let experiments = try Row.fetchAll(
                db, sql: "SELECT * FROM experiment WHERE target = ? ORDER BY plannedOn, plannedAt, rowid",
                arguments: [targetID.text]
            ).map(Experiment.init(row:))
            return Storyboard(
                learner: learner, challenge: challenge, target: target, conditions: conditions,
                current: try SQLiteStore.currentCondition(target: targetID, snapshot: conditions.last, db),
                obstacles: obstacles,
                experiments: experiments)
        }
    }
}
