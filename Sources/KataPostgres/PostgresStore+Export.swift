import Foundation
import ImprovementKata
import KataInterchange
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Writes every record in `format` to `sink` from one consistent snapshot of the database, in
    /// the SQLite store's order and bytes; returns the number of records written.
    ///
    /// Rows stream from PostgreSQL as they are written (postgres-nio reads ahead a little and waits
    /// for the sink), so memory stays flat however large the record.
    @discardableResult
    public func exportData(_ format: InterchangeFormat, to sink: any ExportSink) async throws -> Int {
        try requireAdmin("export the record")
        return try await read { connection in
            switch format {
            case .jsonl: return try await PostgresStore.exportJSONL(connection, pool.logger, to: sink)
            case .csv: return try await PostgresStore.exportCycleSheet(connection, pool.logger, to: sink)
            }
        }
    }

    /// The columns of each kind as text (but `minutes` and `active`), in the order of its JSON
    /// properties (DESIGN §8), ordered by its key as SQLite orders text.
    static func exportQuery(_ kind: InterchangeKind) -> String {
        switch kind {
        case .setting: return "SELECT key, value FROM setting ORDER BY key COLLATE \"C\""
        case .holiday: return "SELECT date::text, name FROM holiday ORDER BY date"
        case .person: return "SELECT handle, name, unit, reports_to, email, active FROM person ORDER BY handle"
        case .challenge:
            return "SELECT id::text, title, description, owner, by_date::text, parent::text FROM challenge ORDER BY id"
        case .pairing:
            return """
                SELECT id::text, coach, learner, second_coach, since::text, until::text FROM pairing ORDER BY id
                """
        case .target:
            return """
                SELECT id::text, learner, focus_process, condition, achieve_by::text, challenge::text, status,
                    created_on::text, closed_on::text, reflection FROM target ORDER BY id
                """
        case .condition:
            return "SELECT id::text, target::text, date::text, text, metrics::text FROM condition ORDER BY id"
        case .obstacle:
            return """
                SELECT id::text, target::text, text, status, created_on::text, closed_on::text FROM obstacle ORDER BY id
                """
        case .experiment:
            return """
                SELECT id::text, target::text, obstacle::text, step, expected, planned_on::text, go_see::text, happened,
                    as_expected, learned, closed_on::text FROM experiment ORDER BY id
                """
        case .cycle:
            return """
                SELECT id::text, date::text, coach, learner, second_coach, minutes, target::text, actual_condition,
                    obstacle::text, reviewed::text, planned::text FROM cycle ORDER BY id
                """
        case .observation:
            return """
                SELECT id::text, date::text, second_coach, coach, cycle::text, notes, focus, "trigger" FROM observation
                ORDER BY id
                """
        case .escalation: return "SELECT \(Escalation.columns) FROM escalation ORDER BY id"
        case .walkPlan: return "SELECT walker, every::text || 'w', since::text FROM walk_plan ORDER BY walker"
        case .walk:
            // The learners as a JSON list of handles (which need no escaping), in their order.
            return """
                SELECT w.id::text, w.walker, w.date::text,
                    (SELECT '[' || string_agg('"' || l.learner || '"', ',' ORDER BY l.position) || ']'
                        FROM walk_learner l WHERE l.walk = w.id),
                    w.mode, w.companion, w.learned, w.follow_up FROM walk w ORDER BY w.id
                """
        }
    }

    static func fields(_ kind: InterchangeKind) -> [String] {
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

    /// Every record as interchange lines, kinds in dependency order; the number written.
    static func exportJSONL(_ connection: PostgresConnection, _ logger: Logger, to sink: any ExportSink)
        async throws -> Int
    {
        let writer = InterchangeWriter(sink: { try sink.write($0) })
        var count = 0
        for kind in InterchangeKind.allCases {
            if kind == .escalation {
                // Each with its events inline: read whole (escalations are few), then written.
                let escalations = try await allEscalations(connection, logger)
                for escalation in escalations { try writer.write(escalation) }
                count += escalations.count
                continue
            }
            let names = fields(kind)
            // One query at a time on a connection: the metrics and amendments of the target
            // conditions are read before their rows stream.
            let details = kind == .target ? try await targetDetails(connection, logger) : TargetDetails()
            let rows = try await connection.query(PostgresQuery(unsafeSQL: exportQuery(kind)), logger: logger)
            for try await row in rows {
                let columns = row.makeRandomAccess()
                writer.beginLine(kind: kind.rawValue)
                switch kind {
                case .person:
                    for index in 0..<5 { writer.field(names[index], try columns[index].decode(String?.self)) }
                    writer.field("active", bool: try columns[5].decode(Bool.self))
                case .target:
                    try writeTarget(columns, details, writer)
                case .condition:
                    try writeCondition(columns, writer)
                default:
                    for (index, name) in names.enumerated() {
                        if name == "learners", let list = try columns[index].decode(String?.self) {
                            writer.field(name, json: list)
                        } else if name == "learners" {
                            continue
                        } else if name == "minutes" {
                            writer.field(name, integer: try columns[index].decode(Int32?.self).map(Int.init))
                        } else {
                            writer.field(name, try columns[index].decode(String?.self))
                        }
                    }
                }
                try writer.endLine()
                count += 1
            }
        }
        try writer.flush()
        return count
    }

    /// The metrics and amendments of every target condition, by the target's id as text.
    struct TargetDetails {
        var metrics: [String: [(kind: String, name: String, goal: String?, unit: String?)]] = [:]
        var amendments: [String: [(date: String, text: String)]] = [:]
    }

    static func targetDetails(_ connection: PostgresConnection, _ logger: Logger) async throws -> TargetDetails {
        var details = TargetDetails()
        for row in try await connection.rows(
            "SELECT target::text, kind, name, goal, unit FROM target_metric ORDER BY target, kind, position", logger)
        {
            let (target, kind, name, goal, unit) = try row.decode((String, String, String, String?, String?).self)
            details.metrics[target, default: []].append((kind, name, goal, unit))
        }
        for row in try await connection.rows(
            "SELECT target::text, date::text, text FROM target_amendment ORDER BY target, position", logger)
        {
            let (target, date, text) = try row.decode((String, String, String).self)
            details.amendments[target, default: []].append((date, text))
        }
        return details
    }

    /// A target condition's line, with its metrics and amendments.
    private static func writeTarget(
        _ columns: PostgresRandomAccessRow, _ details: TargetDetails, _ writer: InterchangeWriter
    ) throws {
        let id = try columns[0].decode(String.self)
        for (index, name) in ["id", "learner", "focusProcess", "condition", "achieveBy", "challenge"].enumerated() {
            writer.field(name, try columns[index].decode(String?.self))
        }
        let metrics = details.metrics[id] ?? []
        for kind in ["outcome", "process"] {
            writer.list(kind + "Metrics", metrics.filter { $0.kind == kind }) { writer, metric in
                writer.field("name", metric.name)
                writer.field("target", metric.goal)
                writer.field("unit", metric.unit)
            }
        }
        for (index, name) in ["status", "createdOn", "closedOn", "reflection"].enumerated() {
            writer.field(name, try columns[6 + index].decode(String?.self))
        }
        writer.list("amendments", details.amendments[id] ?? []) { writer, amendment in
            writer.field("date", amendment.date)
            writer.field("text", amendment.text)
        }
    }

    private static func writeCondition(_ columns: PostgresRandomAccessRow, _ writer: InterchangeWriter) throws {
        for (index, name) in ["id", "target", "date", "text"].enumerated() {
            writer.field(name, try columns[index].decode(String?.self))
        }
        let json = try columns[4].decode(String.self)
        let metrics: [MetricValue]
        do {
            metrics = try JSONDecoder().decode([MetricValue].self, from: Data(json.utf8))
        } catch {
            throw KataError.unusableDatabase(
                "current condition \(try columns[0].decode(String.self)) holds metrics that are not a list of values; "
                    + "run 'kata check'.")
        }
        writer.list("metrics", metrics) { writer, metric in
            writer.field("name", metric.name)
            writer.field("value", number: metric.value)
            writer.field("unit", metric.unit)
        }
    }

    /// The coaching cycles as a cycles CSV (RFC 4180, CRLF), ordered by id, with the step each
    /// planned; the number of cycles.
    static func exportCycleSheet(_ connection: PostgresConnection, _ logger: Logger, to sink: any ExportSink)
        async throws -> Int
    {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        appendCSV(row: CycleSheet.columns, to: &buffer)
        let minutes = CycleSheet.columns.firstIndex(of: "minutes")
        let rows = try await connection.query(
            """
            SELECT c.id::text, c.date::text, c.coach, c.learner, c.second_coach, c.minutes, c.target::text,
                c.actual_condition, c.obstacle::text, c.reviewed::text, c.planned::text, e.step, e.expected,
                e.happened, e.learned, e.go_see::text, e.as_expected
            FROM cycle c LEFT JOIN experiment e ON e.id = c.planned ORDER BY c.id
            """, logger: logger)
        var count = 0
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let cells = try (0..<CycleSheet.columns.count).map { index in
                index == minutes
                    ? try columns[index].decode(Int32?.self).map { String($0) } ?? ""
                    : SpreadsheetCell.defused(try columns[index].decode(String?.self) ?? "")
            }
            appendCSV(row: cells, to: &buffer)
            count += 1
            if buffer.count >= 1 << 20 {
                try sink.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink.write(Data(buffer)) }
        return count
    }

    /// One CSV row: a cell is quoted when it holds a quote, a comma or a line break, its quotes doubled.
    private static func appendCSV(row: [String], to buffer: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            let quoted = cell.utf8.contains { byte in
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: "\n")
            }
            guard quoted else {
                buffer.append(contentsOf: cell.utf8)
                continue
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in cell.utf8 {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }
}
