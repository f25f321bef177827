import Foundation
import GRDB
import ImprovementKata
import KataStore

/// A private SQLite file that stands in for the PostgreSQL database during an import into it
/// (`PostgresStore.importData`).
///
/// The database's records are copied in first (`seed`), then the file is imported into it by the
/// SQLite store's own importer, so that PostgreSQL applies exactly the same rules, in the same
/// order, with the same line-and-field messages and conflict reports. What that import added is
/// then read back from here (`rows`) for `COPY` into PostgreSQL: the rows after the last one of
/// each table once the database's records were in, and the steps a cycles CSV closed by reviewing
/// them.
package struct ImportStaging: Sendable {
    package let path: String
    package let store: SQLiteStore

    /// A new, empty file only its owner may read (it holds personal data), in the temporary folder.
    package init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kata-import-\(UUID()).sqlite").path
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw KataError.failure("cannot make the import's working file \(path); check the temporary folder.")
        }
        var configuration = SQLiteStore.makeConfiguration()
        // A throwaway file: nothing to keep if the machine stops halfway.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        do {
            store = try SQLiteStore(DatabaseQueue(path: path, configuration: configuration))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Deletes the file and its companions.
    package func remove() {
        for suffix in ["", "-wal", "-shm", "-journal", ".seed.jsonl"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// A private file next to the database for the export of the PostgreSQL records.
    package var seedPath: String { path + ".seed.jsonl" }

    /// Imports the database's records from `seedPath` and notes where the import's rows will
    /// begin.
    ///
    /// The records were checked when they were written, so they are taken whatever their dates.
    package func seed(hasRecords: Bool) throws -> Watermarks {
        if hasRecords {
            _ = try store.importData(from: seedPath, dryRun: false, today: Day(ordinal: 2_932_896))
        }
        try? FileManager.default.removeItem(atPath: seedPath)
        return try store.writer.write { db in
            var marks = Watermarks()
            for table in ImportStaging.rowTables {
                marks.rowids[table] = try Int64.fetchOne(db, sql: "SELECT ifnull(max(rowid), 0) FROM \(table)") ?? 0
            }
            // The steps still open: a cycles CSV may close them by reviewing them.
            try db.execute(sql: "CREATE TABLE kata_seed_open (id TEXT PRIMARY KEY NOT NULL) STRICT")
            try db.execute(sql: "INSERT INTO kata_seed_open SELECT id FROM experiment WHERE closedOn IS NULL")
            return marks
        }
    }

    /// The last row of each table that came from the database.
    package struct Watermarks: Sendable {
        package var rowids: [String: Int64] = [:]
    }

    /// The tables with a rowid, whose rows after the watermark are the import's.
    package static let rowTables = [
        "person", "challenge", "pairing", "target", "condition", "obstacle", "experiment", "cycle", "observation",
        "escalation", "walk_plan", "walk",
    ]

    /// The settings and holidays as they are after the import.
    package func calendar() throws -> (settings: [(String, String)], holidays: [(String, String?)]) {
        try store.read { db in
            let settings = try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key").map {
                ($0[0] as String, $0[1] as String)
            }
            let holidays = try Row.fetchAll(db, sql: "SELECT date, name FROM holiday ORDER BY date").map {
                ($0[0] as String, $0[1] as String?)
            }
            return (settings, holidays)
        }
    }

    /// The steps that were open in the database and that the import closed: id, closedOn, closedAt.
    package func closedSteps() throws -> [(String, String, String)] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.closedOn, e.closedAt FROM experiment e JOIN kata_seed_open o ON o.id = e.id
                    WHERE e.closedOn IS NOT NULL ORDER BY e.id
                    """
            ).map { ($0[0] as String, $0[1] as String, $0[2] as String) }
        }
    }

    /// Up to `limit` rows of `table` after the rowid `after`, in the text format of
    /// PostgreSQL's `COPY`, with the last rowid read; nil when there are no more.
    ///
    /// `parent` for a table without a rowid of its own (the metrics and amendments of a target
    /// condition: `("target", "target")`): the table whose rowid counts, and the column of
    /// `table` that holds its id. A parent's rows are never split between two pieces.
    package func rows(
        _ table: String, _ columns: [String], parent: (table: String, column: String)?, after: Int64,
        limit: Int = 8192
    ) throws -> ([UInt8], Int64)? {
        try store.read { db in
            let list = columns.map { "x.\"\($0)\"" }.joined(separator: ", ")
            let sql =
                if let parent {
                    """
                    SELECT p.rowid, \(list) FROM \(table) x JOIN \(parent.table) p ON p.id = x."\(parent.column)"
                    WHERE p.rowid > ? ORDER BY p.rowid
                    """
                } else {
                    "SELECT x.rowid, \(list) FROM \(table) x WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?"
                }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: parent == nil ? [after, limit] : [after])
            var text = CopyText(capacity: limit * 160)
            var last = after
            var count = 0
            while let row = try rows.next() {
                let rowid: Int64 = row[0]
                if parent != nil, count >= limit, rowid != last { break }
                last = rowid
                count += 1
                for index in 1..<row.count {
                    if index > 1 { text.bytes.append(0x09) }
                    text.append(row[index] as DatabaseValue)
                }
                text.bytes.append(0x0A)
            }
            return count == 0 ? nil : (text.bytes, last)
        }
    }
}

/// Rows in the text format of PostgreSQL's `COPY`: a tab between columns, `\\N` for null, and
/// the backslash, tab, line feed and carriage return escaped.
struct CopyText {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bytes.append(contentsOf: [0x5C, 0x4E])
        case let .int64(number): bytes.append(contentsOf: String(number).utf8)
        case let .double(number): bytes.append(contentsOf: String(number).utf8)
        case let .string(text): append(text)
        case let .blob(data): append(String(decoding: data, as: UTF8.self))
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                default: bytes.append(byte)
                }
            }
        }
    }
}
