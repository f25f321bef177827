import Foundation
import GRDB
import ImprovementKata

/// A learner's storyboard for one target condition: the challenge it serves, the target
/// condition, the latest current condition, the obstacle parking lot and the experimenting record.
public struct Storyboard: Sendable, Equatable {
    public var learner: Person
    public var challenge: Challenge?
    public var target: TargetCondition
    public var conditions: [CurrentCondition]
    /// The actual condition last recorded: a snapshot or a coaching cycle's Q2 answer.
    public var current: ActualCondition?
    public var obstacles: [Obstacle]
    /// The experimenting record, oldest first.
    public var experiments: [Experiment]

    /// The latest current-condition snapshot.
    public var latestCondition: CurrentCondition? { conditions.last }
}

/// The actual condition as last recorded for a target condition, from a `condition add` snapshot
/// or from the answer to Q2 ("What is the actual condition now?") in a coaching cycle.
public struct ActualCondition: Sendable, Equatable {
    public var date: Day
    public var text: String
    public var metrics: [MetricValue]
    /// The cycle whose Q2 answer it is; nil for a snapshot.
    public var cycle: UUID?

    public init(date: Day, text: String, metrics: [MetricValue] = [], cycle: UUID? = nil) {
        self.date = date
        self.text = text
        self.metrics = metrics
        self.cycle = cycle
    }
}

extension SQLiteStore {
    /// The actual condition last recorded for `target`: the later of its latest snapshot and the
    /// latest Q2 answer of a cycle toward it (the snapshot on the same day, as it holds the metrics).
    public func currentCondition(target: UUID) throws -> ActualCondition? {
        try read { db in
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
            if let id {
                targetID = id
            } else if let newest = try String.fetchOne(
                db,
                sql: "SELECT id FROM target WHERE learner = ? ORDER BY status <> 'active', createdOn DESC, rowid DESC",
                arguments: [handle])
            {
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
