import Foundation
import GRDB
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// `kata import` as a real process, killed with SIGKILL while its transaction is open: the
/// database must pass `integrity_check`, hold exactly what it held before, and take the same
/// import afterwards.
@Suite("an import killed half-way", .serialized)
struct FaultKilledImportTests {
    /// How the file is laid out.
    enum Layout: String, CaseIterable, CustomTestStringConvertible, Sendable {
        /// A demo plant as `kata export data` writes it (about 22,000 records).
        case exported
        /// The same with 12 MB of blank lines after the records: the file is large enough for the
        /// import to drop the secondary indexes of the large tables and build them again before
        /// it commits (`SuspendedIndexes`), so the kill lands while they are gone.
        case indexesSetAside
        /// The same with 44 MB of blank lines: large enough for the import to take the database to
        /// itself and write through a rollback journal (`RollbackJournal`), so the kill leaves a
        /// hot journal for the next connection to roll back. Nothing else may have the database
        /// open meanwhile, so the kill waits for the journal file rather than for the write lock.
        case rollbackJournal

        var blankMegabytes: Int {
            switch self {
            case .exported: return 0
            case .indexesSetAside: return 12
            case .rollbackJournal: return 44
            }
        }

        var testDescription: String { rawValue }
    }

    @Test("leaves the database as it was, and the same import then succeeds", arguments: Layout.allCases)
    func killed(_ layout: Layout) async throws {
        #expect(FileManager.default.isExecutableFile(atPath: ProcessTests.executable.path), "build kata first")
        let kata = try await KataRunner()
        let file = kata.folder.appendingPathComponent("plant.jsonl")
        let records = try await writeDemoPlant(to: file, using: kata)
        let recordBytes = try fileSize(file)
        if layout.blankMegabytes > 0 {
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            let blankLine = Data(repeating: UInt8(ascii: " "), count: 1 << 20) + Data("\n".utf8)
            for _ in 0..<layout.blankMegabytes { try handle.write(contentsOf: blankLine) }
            try handle.close()
        }
        let totalBytes = try fileSize(file)

        // The database already holds a team with a cycle and a planned step.
        try await kata.makeTeam()
        let logged = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-18", "--minutes", "15",
            "--next-step", "Kanban card at station 4", "--expect", "No stop for screws")
        #expect(logged.exitCode == 0, "\(logged.errors)")
        let before = try kata.digest()

        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = ["import", file.path]
        process.environment = ["HOME": kata.folder.path, "KATA_DB": kata.databasePath, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Killed from the thread that watched: the moment counts, and a busy test process may take
        // a while to resume a waiting task.
        let position = try await onOwnThread {
            let position =
                layout == .rollbackJournal
                ? try waitUntilJournalling(process, database: kata.databasePath, file: file, past: recordBytes / 2)
                : try waitUntilWriting(process, database: kata.databasePath, file: file, past: recordBytes / 2)
            kill(process.processIdentifier, SIGKILL)
            return position
        }
        await process.ended()
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
            "the import ended by itself (status \(process.terminationStatus)) before it was killed")
        if let position { #expect(position < totalBytes, "the whole file had been read: \(position) bytes") }

        let integrity = try await DatabaseQueue(path: kata.databasePath).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"])
        #expect(try kata.digest() == before)
        #expect(try kata.store().check().isEmpty)
        let mode = try await DatabaseQueue(path: kata.databasePath).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal", "kata opens the database in WAL mode again")

        let again = await kata.run("import", file.path)
        #expect(again.exitCode == 0, "\(again.errors)")
        #expect(again.output.contains(": \(records) records added, 0 unchanged."), "\(again.output)")
        #expect(await kata.run("check").exitCode == 0)
        let after = try kata.digest()
        #expect(after.tables["schema"] == before.tables["schema"])
        #expect(after.tables["cycle"] != before.tables["cycle"])
    }

    /// Writes a demo plant of 40 coaches and 200 days as interchange JSONL; returns its records.
    private func writeDemoPlant(to file: URL, using kata: KataRunner) async throws -> Int {
        let demo = kata.folder.appendingPathComponent("demo.sqlite").path
        let built = await kata.run("demo", "--coaches", "40", "--days", "200", "--seed", "3", "--db", demo)
        #expect(built.exitCode == 0, "\(built.errors)")
        let exported = await kata.run("export", "data", "--db", demo, "--out", file.path)
        #expect(exported.exitCode == 0, "\(exported.errors)")
        let words = exported.output.split(separator: " ")
        let count = try #require(words.count > 1 ? Int(words[1]) : nil)
        // The demo's calendar (settings, holidays) differs from the team's, which an import refuses.
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let records = lines.filter { !$0.hasPrefix(#"{"kind":"setting""#) && !$0.hasPrefix(#"{"kind":"holiday""#) }
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: file)
        return count - (lines.count - records.count)
    }

    private func fileSize(_ file: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
    }

    /// Waits until the import holds the database's write lock and (where /proc tells) has read
    /// `past` bytes of the file; returns how far it had read, nil where that cannot be seen.
    private func waitUntilWriting(_ process: Process, database: String, file: URL, past: Int) throws -> Int? {
        let deadline = Date().addingTimeInterval(30)
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let probe = try DatabaseQueue(path: database, configuration: configuration)
        defer { try? probe.close() }
        var locked = false
        while !locked && process.isRunning && Date() < deadline {
            do {
                try probe.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    try db.execute(sql: "ROLLBACK")
                }
                usleep(1_000)
            } catch {
                locked = true
            }
        }
        #expect(locked, "the import never took the write lock")
        #if os(Linux)
            while process.isRunning && Date() < deadline {
                if let position = readPosition(of: process.processIdentifier, in: file), position >= past {
                    return position
                }
                usleep(500)
            }
            Issue.record("the import did not get past byte \(past) of the file")
            return nil
        #else
            usleep(150_000)
            return nil
        #endif
    }

    /// Waits, without opening the database, until the import writes through a rollback journal
    /// (its `-journal` file exists) and has read `past` bytes of the file where /proc tells.
    private func waitUntilJournalling(_ process: Process, database: String, file: URL, past: Int) throws -> Int? {
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline && !FileManager.default.fileExists(atPath: database + "-journal") {
            usleep(200)
        }
        #expect(
            FileManager.default.fileExists(atPath: database + "-journal"), "the import never wrote through a journal")
        var position: Int?
        while process.isRunning && Date() < deadline {
            position = readPosition(of: process.processIdentifier, in: file)
            if (position ?? past) >= past { break }
            usleep(200)
        }
        return position
    }

    /// Where the process is in `file`, from /proc/PID/fdinfo.
    private func readPosition(of pid: Int32, in file: URL) -> Int? {
        let descriptors = "/proc/\(pid)/fd"
        let path = file.resolvingSymlinksInPath().path
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: descriptors) else { return nil }
        for entry in entries {
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\(entry)")) == path,
                let info = try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(entry)", encoding: .utf8)
            else { continue }
            for line in info.split(separator: "\n") where line.hasPrefix("pos:") {
                return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}
