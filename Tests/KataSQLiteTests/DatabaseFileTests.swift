import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: database files")
struct DatabaseFileTests {
    func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test("a missing file is not created unless asked")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kata.sqlite")
        let error = thrownKataError { try SQLiteStore.open(path: path, create: false) }
        guard case .fileNotFound(let reported, _) = error else {
            Issue.record("expected fileNotFound, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a new file is private to its owner, in a new private folder")
    func createsPrivateFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("data/kata/kata.sqlite")
        let store = try SQLiteStore.open(path: path, create: true)
        try store.addPerson(Person(handle: handle("ann"), name: "Ann Lee"))
        #expect(try permissions(path) == 0o600)
        #expect(try permissions(folder.path("data/kata")) == 0o700)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            #expect(try permissions(path + "-wal") == 0o600)
        }
        try store.writer.close()
        let reopened = try SQLiteStore.open(path: path, create: false)
        #expect(try reopened.person(handle("ann"))?.name == "Ann Lee")
    }

    @Test("a database written by a newer kata is refused and left byte for byte as it was")
    func newerDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kata.sqlite")
        let store = try SQLiteStore.open(path: path, create: true)
        try store.addPerson(Person(handle: handle("ann"), name: "Ann Lee"))
        try store.writer.close()
        let newer = try DatabaseQueue(path: path)
        try newer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999-from-a-newer-kata')")
        }
        try newer.close()
        let before = try bytes(path)

        let error = thrownKataError { try SQLiteStore.open(path: path, create: false) }
        #expect(error?.isUnusableDatabase == true)
        #expect(error?.description.contains("newer version of kata") == true)
        #expect(try bytes(path) == before)
        #expect(thrownKataError { try SQLiteStore.open(path: path, create: true) }?.isUnusableDatabase == true)
        #expect(try bytes(path) == before)
    }

    @Test("a file that is not SQLite is refused and left untouched")
    func notSQLite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite")
        let text = Data(String(repeating: "Meeting notes, not a database.\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: path))
        let error = thrownKataError { try SQLiteStore.open(path: path, create: false) }
        #expect(error?.isUnusableDatabase == true)
        #expect(try bytes(path) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("an SQLite database of another program is refused and left untouched")
    func foreignSQLite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(
                sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice VALUES (1, 9.5)")
        }
        try other.close()
        let before = try bytes(path)
        let error = thrownKataError { try SQLiteStore.open(path: path, create: false) }
        #expect(error?.description.contains("not a kata database") == true)
        #expect(try bytes(path) == before)
    }
}

@Suite("Store: concurrent writers")
struct ConcurrencyTests {
    /// Collects errors from several threads.
    final class ErrorLog: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []

        func record(_ error: any Error) {
            lock.lock()
            errors.append(String(describing: error))
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return errors
        }
    }

    @Test("four writers, each with its own connection, log 25 cycles each at once and all succeed")
    func concurrentWriters() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("kata.sqlite")
        let writers = 4
        let cyclesEach = 25
        let setup = try SQLiteStore.open(path: path, create: true)
        for index in 0..<writers {
            try setup.addPerson(Person(handle: handle("coach\(index)"), name: "Coach \(index)"))
            try setup.addPerson(Person(handle: handle("learner\(index)"), name: "Learner \(index)"))
            try setup.addTarget(
                TargetCondition(
                    learner: handle("learner\(index)"), focusProcess: "Cell \(index)", condition: "One piece flow",
                    achieveBy: day("2026-12-31"), createdOn: day("2026-01-01")))
        }
        try setup.writer.close()

        let errors = ErrorLog()
        try await onOwnThread {
            DispatchQueue.concurrentPerform(iterations: writers) { index in
                do {
                    let store = try SQLiteStore.open(path: path, create: false)
                    for number in 0..<cyclesEach {
                        try store.logCycle(
                            CycleEntry(
                                date: day("2026-02-01").adding(days: number), coach: handle("coach\(index)"),
                                learner: handle("learner\(index)"), minutes: 10,
                                happened: number == 0 ? nil : "result \(number - 1)",
                                nextStep: "step \(number)", expected: "expectation \(number)"))
                    }
                } catch {
                    errors.record(error)
                }
            }
        }
        #expect(errors.all == [])
        let store = try SQLiteStore.open(path: path, create: false)
        #expect(try store.cycles().count == writers * cyclesEach)
        for index in 0..<writers {
            let board = try await store.storyboard(learner: handle("learner\(index)"))
            #expect(board.experiments.count == cyclesEach)
            #expect(board.experiments.filter(\.isClosed).count == cyclesEach - 1)
        }
    }
}
