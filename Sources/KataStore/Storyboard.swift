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
    public var obstacles: [Obstacle]
    /// The experimenting record, oldest first.
    public var experiments: [Experiment]

    /// The latest current-condition snapshot.
    public var latestCondition: CurrentCondition? { conditions.last }
}

extension KataStore {
    /// The storyboard of `learner`'s target condition `target`, or of their most recent active one
    /// (the most recent one at all when none is active).
    public func storyboard(learner handle: Handle, target id: UUID? = nil) throws -> Storyboard {
        try read { db in
            guard let learner = try KataStore.fetchPerson(handle, db) else {
                throw KataError.unknown(kind: "learner", reference: handle.rawValue, hint: "See 'kata person list'.")
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
            let target = try KataStore.fetchTarget(targetID, db)
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
                learner: learner, challenge: challenge, target: target, conditions: conditions, obstacles: obstacles,
                experiments: experiments)
        }
    }
}
