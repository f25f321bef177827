import Foundation
import GRDB
import GRDBSQLite
import ImprovementKata
import KataInterchange
import KataStore

/// Writes the records of a database as interchange lines (JSONL, version 1).
///
/// Kinds come in dependency order (the calendar's settings and holidays, people, challenges,
/// pairings, target conditions, current conditions, obstacles, experiments, coaching cycles,
/// observations), each ordered by its key, so
/// that the same database always gives the same bytes. Rows are read through cursors and written
/// through a fixed-size buffer: memory stays flat however large the database.
struct InterchangeExporter {
    let db: Database
    let writer: InterchangeWriter
    private let metricsDecoder = JSONDecoder()

    init(db: Database, writer: InterchangeWriter) {
        self.db = db
        self.writer = writer
    }

    /// Writes every record; returns how many of each kind.
    ///
    /// Each kind is read whole and sorted by SQLite (`ORDER BY +id`: the `+` keeps it from walking
    /// the id index instead). Walking the index reads the table a page at a time in random order
    /// wherever rows were not added in id order, as in any database kata writes day by day; the
    /// sort reads it from start to end, in runs of a 4 MB cache merged on two threads, and takes a
    /// third less time at a flat 20 MB.
    func writeAll() throws -> [InterchangeKind: Int] {
        try db.withPragmas(["cache_size": -4096, "threads": 2]) {
            var counts: [InterchangeKind: Int] = [:]
            for kind in InterchangeKind.allCases {
                counts[kind] = try write(
                    kind, sql: Self.select(kind) + " ORDER BY +" + Self.keyColumn(kind), arguments: [])
            }
            try writer.flush()
            return counts
        }
    }

    /// Writes the one record of `kind` named by `key`, if it exists.
    func write(_ kind: InterchangeKind, key: String) throws {
        _ = try write(kind, sql: Self.select(kind) + " WHERE " + Self.keyColumn(kind) + " = ?", arguments: [key])
        try writer.flush()
    }

    static func keyColumn(_ kind: InterchangeKind) -> String {
        switch kind {
        case .setting: return "key"
        case .holiday: return "date"
        case .person: return "handle"
        case .walkPlan: return "walker"
        default: return "id"
        }
    }

    /// The columns of each kind, in the order of its JSON properties (DESIGN §8).
    static func select(_ kind: InterchangeKind) -> String {
        switch kind {
        case .setting: return "SELECT key, value FROM setting"
        case .holiday: return "SELECT date, name FROM holiday"
        case .person: return "SELECT handle, name, unit, reportsTo, email, active FROM person"
        case .challenge: return "SELECT id, title, description, owner, byDate, parent FROM challenge"
        case .pairing: return "SELECT id, coach, learner, secondCoach, since, until FROM pairing"
        case .target:
            return """
                SELECT id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn, closedOn,
                    reflection FROM target
                """
        case .condition: return "SELECT id, target, date, text, metrics FROM condition"
        case .obstacle: return "SELECT id, target, text, status, createdOn, closedOn FROM obstacle"
        case .experiment:
            return """
                SELECT id, target, obstacle, step, expected, plannedOn, goSee, happened, asExpected, learned,
                    closedOn FROM experiment
                """
        case .cycle:
            return """
                SELECT id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle, reviewed,
                    planned FROM cycle
                """
        case .observation:
            return #"SELECT id, date, secondCoach, coach, cycle, notes, focus, "trigger" FROM observation"#
        case .escalation: return "SELECT * FROM escalation"
        case .walkPlan: return "SELECT walker, every || 'w', since FROM walk_plan"
        case .walk:
            // The learners as a JSON list of handles (which need no escaping), in their order.
            return """
                SELECT id, walker, date,
                    (SELECT '[' || group_concat('"' || learner || '"', ',') || ']'
                        FROM (SELECT learner FROM walk_learner WHERE walk = walk.id ORDER BY position)),
                    mode, companion, learned, followUp FROM walk
                """
        }
    }

    private func write(_ kind: InterchangeKind, sql: String, arguments: StatementArguments) throws -> Int {
        let statement = try db.makeStatement(sql: sql)
        switch kind {
        case .target, .condition, .person, .walk: break
        case .escalation: return try writeEscalations(statement, arguments: arguments)
        default: return try writeColumns(statement, arguments: arguments, kind: kind)
        }
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var count = 0
        while let row = try rows.next() {
            writer.beginLine(kind: kind.rawValue)
            switch kind {
            case .target: try writeTarget(row)
            case .condition: try writeCondition(row)
            case .walk: writeWalk(row)
            default: writePerson(row)
            }
            try writer.endLine()
            count += 1
        }
        return count
    }

    /// Writes the rows of a kind whose columns are its properties: text as strings, `minutes` as
    /// a number, NULL left out.
    ///
    /// The kinds that come by the million are read through the SQLite C API, the text of each
    /// column escaped straight from SQLite's buffer: no `Row`, and no Swift string per column.
    private func writeColumns(_ statement: Statement, arguments: StatementArguments, kind: InterchangeKind) throws
        -> Int
    {
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let names = Self.names(kind)
        var count = 0
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return count }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            writer.beginLine(kind: kind.rawValue)
            for (index, name) in names.enumerated() {
                let column = Int32(index)
                switch sqlite3_column_type(handle, column) {
                case SQLITE_NULL:
                    continue
                case SQLITE_INTEGER where name == "minutes":
                    writer.field(name, integer: Int(sqlite3_column_int64(handle, column)))
                default:
                    let text = sqlite3_column_text(handle, column)
                    let length = Int(sqlite3_column_bytes(handle, column))
                    writer.field(name, utf8: UnsafeRawBufferPointer(start: text, count: length))
                }
            }
            try writer.endLine()
            count += 1
        }
    }

    /// JSON names of the columns of the kinds written column by column.
    private static func names(_ kind: InterchangeKind) -> [String] {
        switch kind {
        case .setting: return SettingRecord.fields
        case .holiday: return HolidayRecord.fields
        case .challenge: return ChallengeRecord.fields
        case .pairing: return PairingRecord.fields
        case .obstacle: return ObstacleRecord.fields
        case .experiment: return ExperimentRecord.fields
        case .cycle: return CycleRecord.fields
        case .observation: return ObservationRecord.fields
        case .person: return PersonRecord.fields
        case .target: return TargetRecord.fields
        case .condition: return ConditionRecord.fields
        case .escalation: return EscalationRecord.fields
        case .walkPlan: return WalkPlanRecord.fields
        case .walk: return WalkRecord.fields
        }
    }

    private func writeWalk(_ row: Row) {
        for (index, name) in WalkRecord.fields.enumerated() {
            if name == "learners" {
                if let list = row[index] as String? { writer.field(name, json: list) }
            } else {
                writer.field(name, row[index] as String?)
            }
        }
    }

    /// Writes escalations with their events inline.
    private func writeEscalations(_ statement: Statement, arguments: StatementArguments) throws -> Int {
        let rows = try Row.fetchAll(statement, arguments: arguments)
        let events = try SQLiteStore.escalationEvents(db)
        for row in rows { try writer.write(Escalation(row: row, events: events[row["id"] as String] ?? [])) }
        return rows.count
    }

    private func writePerson(_ row: Row) {
        for (index, name) in PersonRecord.fields.enumerated().dropLast() {
            writer.field(name, row[index] as String?)
        }
        writer.field("active", bool: row[5] as Bool)
    }

    private func writeTarget(_ row: Row) throws {
        let id: String = row[0]
        for (index, name) in ["id", "learner", "focusProcess", "condition", "achieveBy", "challenge"].enumerated() {
            writer.field(name, row[index] as String?)
        }
        let metrics = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT kind, name, goal, unit FROM target_metric WHERE target = ? ORDER BY kind, position"),
            arguments: [id])
        for kind in ["outcome", "process"] {
            writer.list(kind + "Metrics", metrics.filter { $0[0] == kind }) { writer, metric in
                writer.field("name", metric[1] as String?)
                writer.field("target", metric[2] as String?)
                writer.field("unit", metric[3] as String?)
            }
        }
        for (index, name) in ["status", "createdOn", "closedOn", "reflection"].enumerated() {
            writer.field(name, row[6 + index] as String?)
        }
        let amendments = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT date, text FROM target_amendment WHERE target = ? ORDER BY position"),
            arguments: [id])
        writer.list("amendments", amendments) { writer, amendment in
            writer.field("date", amendment[0] as String?)
            writer.field("text", amendment[1] as String?)
        }
    }

    private func writeCondition(_ row: Row) throws {
        for (index, name) in ["id", "target", "date", "text"].enumerated() {
            writer.field(name, row[index] as String?)
        }
        let json: String = row[4]
        let metrics: [MetricValue]
        do {
            metrics = try metricsDecoder.decode([MetricValue].self, from: Data(json.utf8))
        } catch {
            throw KataError.unusableDatabase(
                "current condition \(row[0] as String) holds metrics that are not a list of values; run 'kata check'.")
        }
        writer.list("metrics", metrics) { writer, metric in
            writer.field("name", metric.name)
            writer.field("value", number: metric.value)
            writer.field("unit", metric.unit)
        }
    }
}
