import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension SQLiteStore {
    /// Writes every record in `format` to `sink`, in pieces of about 64 KB, from one consistent
    /// snapshot of the database; returns the number of records written.
    ///
    /// Memory stays flat however large the database: rows are read through cursors.
    ///
    /// ```swift
    /// var out = Data()
    /// try store.exportData(.jsonl) { out.append($0) }
    /// ```
    @discardableResult
    public func exportData(_ format: InterchangeFormat, to sink: @escaping (Data) throws -> Void) throws -> Int {
        try requireAdmin("export the record")
        let background = BackgroundSink(sink)
        let count = try read { db in
            do {
                switch format {
                case .jsonl:
                    let writer = InterchangeWriter(sink: background.send)
                    return try InterchangeExporter(db: db, writer: writer).writeAll().values.reduce(0, +)
                case .csv:
                    return try CycleSheetExporter(db: db, sink: background.send).writeAll()
                }
            } catch {
                try? background.finish()
                throw error
            }
        }
        try background.finish()
        return count
    }

    /// Imports interchange JSONL or a cycles CSV, all or nothing, in one transaction.
    ///
    /// The format is told from the content: a file whose first character other than white space
    /// (after any byte order mark) is `{` is JSONL, anything else a cycles CSV. Records already in
    /// the database with the same content are left as they are; one with the same id and other
    /// content is a conflict. Any problem throws `KataError` naming the line (or CSV row) and the
    /// field, and nothing is written. With `dryRun` everything is checked and counted the same
    /// way, and the transaction is rolled back.
    ///
    /// - Parameters:
    ///   - today: stands in for a missing `createdOn` of a target condition or obstacle.
    ///   - progress: called now and then with how far the import has got.
    public func importData(
        from path: String, dryRun: Bool = false, today: Day, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        try requireAdmin("import records")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw KataError.fileNotFound(path: path, hint: "Check the path of the file to import.")
        }
        guard !isFolder.boolValue else { throw KataError.failure("\(path) is a folder; give the file to import.") }
        return try importData(
            LineReader(path: path), named: URL(fileURLWithPath: path).lastPathComponent, sheet: path, dryRun: dryRun,
            today: today, progress: progress)
    }

    /// Imports interchange JSONL or a cycles CSV from `source`, as `importData(from:dryRun:today:progress:)`
    /// does from a file; `name` stands for the source in messages ("the import line 7: …").
    ///
    /// JSONL is parsed as it is read, whatever the source, so memory stays flat for a stream of
    /// any length; a cycles CSV is first spooled to a private temporary file for its parser.
    package func importData(
        from source: any ByteSource, named name: String, dryRun: Bool = false, today: Day,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        try requireAdmin("import records")
        return try importData(
            LineReader(source), named: name, sheet: nil, dryRun: dryRun, today: today, progress: progress)
    }

    private func importData(
        _ reader: LineReader, named source: String, sheet: String?, dryRun: Bool, today: Day,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        let started = Date()
        let totalBytes = reader.expectedBytes ?? 0
        if let encoding = try reader.otherEncoding() {
            throw KataError.ruleBroken(
                "\(source) is \(encoding) text; kata reads UTF-8. Save it as UTF-8 (in a spreadsheet, as \"CSV UTF-8\") "
                    + "and import it again; nothing was imported.")
        }
        let format: InterchangeFormat = try reader.firstSignificantByte() == UInt8(ascii: "{") ? .jsonl : .csv
        var spooled: URL?
        defer { if let spooled { try? FileManager.default.removeItem(at: spooled) } }
        if format == .csv && sheet == nil { spooled = try Self.spool(reader) }
        let path = sheet ?? spooled?.path ?? ""
        let report: (Int, Int64) -> Void = { records, bytes in
            progress?(ImportProgress(records: records, bytesRead: bytes, totalBytes: totalBytes))
        }
        var summary = ImportSummary(format: format, dryRun: dryRun)
        try SQLiteStore.translatingErrors {
            try writer.writeWithoutTransaction { db in
                // A larger page cache (32 MB) for the length of the import: millions of insertions.
                // The import resolves every reference of every record against the file and the
                // database before writing it (InterchangeImport covers each REFERENCES clause of the
                // schema, and the tests run PRAGMA foreign_key_check after imports). SQLite's own
                // check would look each one up a second time, which more than doubles the cost of
                // writing a coaching cycle, so it is off for this one transaction.
                try db.withPragmas(["cache_size": -32768, "foreign_keys": 0]) {
                    let expectedRecords = Int(totalBytes / 400)
                    let journal = expectedRecords >= 100_000 && !dryRun ? try RollbackJournal(db) : RollbackJournal()
                    defer { journal.end(db) }
                    try db.inTransaction(.immediate) {
                        let indexes = try SuspendedIndexes(db, expectedRecords: expectedRecords)
                        let run = try InterchangeImport(
                            db: db, source: source, unit: format == .jsonl ? "line" : "row", today: today,
                            expectedRecords: format == .jsonl ? expectedRecords : 0)
                        switch format {
                        case .jsonl: try run.importLines(reader, progress: report)
                        case .csv: try run.importSheet(path: path, progress: report)
                        }
                        summary.added = run.added
                        summary.unchanged = run.unchanged
                        summary.repeatedRows = run.repeatedRows
                        // A rollback brings the indexes back by itself.
                        guard !dryRun else { return .rollback }
                        try indexes.restore(db)
                        return .commit
                    }
                }
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes what `reader` has not read yet to a new temporary file only its owner may read (it
    /// holds personal data), for the CSV parser, which reads files.
    private static func spool(_ reader: LineReader) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kata-import-\(UUID())")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: file.path)
        else {
            throw KataError.failure("cannot spool the import to \(file.path); check the temporary folder.")
        }
        defer { try? handle.close() }
        do {
            try reader.remainingBytes { try handle.write(contentsOf: $0) }
        } catch let error as KataError {
            try? FileManager.default.removeItem(at: file)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw KataError.failure("cannot spool the import to \(file.path): \(error.localizedDescription)")
        }
        return file
    }
}
