import Foundation
import ImprovementKata
import KataInterchange
import KataSQLite
import KataStore
import Logging
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Imports interchange JSONL or a cycles CSV, all or nothing, in one transaction, with the
    /// rules, messages and summary of the SQLite store's import (DESIGN §8).
    ///
    /// In one repeatable-read transaction, the database's records are exported into a private
    /// SQLite file (`ImportStaging`), the file is imported into that by the SQLite store's own
    /// importer (every check, every message, every count), and what it added is copied into
    /// PostgreSQL with `COPY`, table by table, before COMMIT. A problem in the file, or one that
    /// PostgreSQL finds, rolls everything back. A dry run stops after the check, in a read-only
    /// transaction.
    public func importData(_ request: ImportRequest) async throws -> ImportSummary {
        try requireAdmin("import records")
        let started = Date()
        let staging = try ImportStaging()
        defer { staging.remove() }
        let logger = pool.logger
        let begin =
            request.dryRun
            ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL REPEATABLE READ"
        var summary: ImportSummary
        do {
            summary = try await pool.withConnection { connection in
                try await PostgresStore.transaction(connection, begin, logger: logger) { connection in
                    var request = request
                    request.today = try await PostgresStore.today(request.today, at: Date(), connection, logger)
                    let marks = try await PostgresStore.seed(staging, connection, logger)
                    let summary = try staging.store.importData(request)
                    if !request.dryRun {
                        try await PostgresStore.transfer(staging, marks, summary, connection, logger)
                    }
                    return summary
                }
            }
        } catch {
            throw PostgresErrors.translate(error, at: pool.location)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Exports the database's records into the staging file.
    private static func seed(_ staging: ImportStaging, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> ImportStaging.Watermarks
    {
        guard
            FileManager.default.createFile(
                atPath: staging.seedPath, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: staging.seedPath)
        else {
            throw KataError.failure(
                "cannot make the import's working file \(staging.seedPath); check the temporary folder.")
        }
        let count: Int
        do {
            count = try await exportJSONL(connection, logger, to: SeedSink(handle: handle))
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        return try staging.seed(hasRecords: count > 0)
    }

    /// Writes what the import added to the staging file into PostgreSQL: the calendar, the new
    /// rows of each table with `COPY`, and the steps that rows of a cycles CSV closed.
    private static func transfer(
        _ staging: ImportStaging, _ marks: ImportStaging.Watermarks, _ summary: ImportSummary,
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        if summary.added[.setting, default: 0] + summary.added[.holiday, default: 0] > 0 {
            let calendar = try staging.calendar()
            for (key, value) in calendar.settings {
                try await connection.query(
                    """
                    INSERT INTO setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key)
                    DO UPDATE SET value = EXCLUDED.value WHERE setting.value IS DISTINCT FROM EXCLUDED.value
                    """, logger: logger)
            }
            for (date, name) in calendar.holidays {
                try await connection.query(
                    """
                    INSERT INTO holiday (date, name) VALUES (\(date)::date, \(name)) ON CONFLICT (date)
                    DO UPDATE SET name = EXCLUDED.name WHERE holiday.name IS DISTINCT FROM EXCLUDED.name
                    """, logger: logger)
            }
        }
        for kind in InterchangeKind.allCases where summary.added[kind, default: 0] > 0 {
            for table in TransferTable.tables(kind) {
                let start = marks.rowids[table.parent?.table ?? table.name] ?? 0
                let rows = { (after: Int64) in
                    try staging.rows(table.name, table.columns, parent: table.parent, after: after)
                }
                guard let first = try rows(start) else { continue }
                try await connection.copyFrom(table: table.name, columns: table.postgresColumns, logger: logger) {
                    writer in
                    var piece = first
                    while true {
                        try await writer.write(ByteBuffer(bytes: piece.0))
                        guard let next = try rows(piece.1) else { break }
                        piece = next
                    }
                }
            }
        }
        for (id, closedOn, closedAt) in try staging.closedSteps() {
            // A step planned in kata has the time it was planned; one closed on the same day by an
            // import is closed no earlier than that.
            try await connection.query(
                """
                UPDATE experiment SET closed_on = \(closedOn)::date,
                    closed_at = greatest(planned_at, \(closedAt)::timestamptz)
                WHERE id = \(id)::uuid AND closed_on IS NULL
                """, logger: logger)
        }
    }
}

/// The export of the database's records into the staging file.
private struct SeedSink: ExportSink, @unchecked Sendable {
    /// Written from one thread at a time, in order (ExportSink's promise).
    let handle: FileHandle

    func write(_ data: Data) throws { try handle.write(contentsOf: data) }
}
