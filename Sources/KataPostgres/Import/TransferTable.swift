import Foundation
import KataStore

/// A table copied from the import's staging file (`ImportStaging`) into PostgreSQL.
struct TransferTable: Sendable {
    /// Its name in both databases.
    var name: String
    /// Its columns as SQLite names them (PostgreSQL's are the same in snake case), unquoted.
    var columns: [String]
    /// For a table without a rowid of its own: the table whose rows its rows belong to, and the
    /// column that holds that row's id; the import's rows are those of the parents it added.
    var parent: (table: String, column: String)?

    /// The columns as PostgreSQL names them: `reportsTo` is `reports_to`.
    var postgresColumns: [String] {
        columns.map { column in
            var name = ""
            for character in column {
                if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
            }
            return name
        }
    }

    /// The tables that hold the records of `kind`, in an order PostgreSQL accepts.
    ///
    /// A new kind needs its tables here, and a table with a rowid in `ImportStaging.rowTables`.
    static func tables(_ kind: InterchangeKind) -> [TransferTable] {
        switch kind {
        case .setting, .holiday: return []
        case .person:
            return [.init(name: "person", columns: ["handle", "name", "unit", "reportsTo", "email", "active"])]
        case .challenge:
            return [.init(name: "challenge", columns: ["id", "title", "description", "owner", "byDate", "parent"])]
        case .pairing:
            return [.init(name: "pairing", columns: ["id", "coach", "learner", "secondCoach", "since", "until"])]
        case .target:
            return [
                .init(
                    name: "target",
                    columns: [
                        "id", "learner", "focusProcess", "condition", "achieveBy", "challenge", "status", "createdOn",
                        "closedOn", "reflection",
                    ]),
                .init(
                    name: "target_metric", columns: ["target", "kind", "position", "name", "goal", "unit"],
                    parent: ("target", "target")),
                .init(
                    name: "target_amendment", columns: ["target", "position", "date", "text"],
                    parent: ("target", "target")),
            ]
        case .condition: return [.init(name: "condition", columns: ["id", "target", "date", "text", "metrics"])]
        case .obstacle:
            return [.init(name: "obstacle", columns: ["id", "target", "text", "status", "createdOn", "closedOn"])]
        case .experiment:
            return [
                .init(
                    name: "experiment",
                    columns: [
                        "id", "target", "obstacle", "step", "expected", "plannedOn", "goSee", "happened", "learned",
                        "asExpected", "closedOn", "plannedAt", "closedAt",
                    ])
            ]
        case .cycle:
            return [
                .init(
                    name: "cycle",
                    columns: [
                        "id", "date", "coach", "learner", "secondCoach", "minutes", "target", "actualCondition",
                        "obstacle", "reviewed", "planned",
                    ])
            ]
        case .observation:
            return [
                .init(
                    name: "observation",
                    columns: ["id", "date", "secondCoach", "coach", "cycle", "notes", "focus", "trigger"])
            ]
        case .escalation:
            return [
                .init(
                    name: "escalation",
                    columns: [
                        "id", "obstacle", "decider", "causeUnit", "affectedUnit", "lossPerWeek", "lossUnit", "basis",
                        "fix", "fixCost", "toldOn", "toldHow", "status",
                    ]),
                .init(
                    name: "escalation_event",
                    columns: ["escalation", "position", "date", "action", "reason", "reviewBy", "verifiedOn"],
                    parent: ("escalation", "escalation")),
            ]
        case .walkPlan: return [.init(name: "walk_plan", columns: ["walker", "every", "since"])]
        case .walk:
            return [
                .init(name: "walk", columns: ["id", "walker", "date", "mode", "companion", "learned", "followUp"]),
                .init(name: "walk_learner", columns: ["walk", "learner", "position"], parent: ("walk", "walk")),
            ]
        }
    }
}
