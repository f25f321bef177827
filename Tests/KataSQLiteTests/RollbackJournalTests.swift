import Foundation
import GRDB
import KataStore
import KataTestSupport
import Testing

@testable import KataSQLite

/// A large import writes through a rollback journal when it has the database to itself, and
/// leaves it in WAL mode afterwards; with another connection open it stays in WAL mode at once.
@Suite("Store: a rollback journal for large imports")
struct RollbackJournalTests {
    private func walDatabase(_ folder: TemporaryFolder) throws -> (String, DatabaseQueue) {
        let path = folder.path("kata.sqlite")
        _ = try SQLiteStore.open(path: path, create: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        return (path, try DatabaseQueue(path: path, configuration: configuration))
    }

    private func journalMode(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }

    @Test("alone with the database: a rollback journal while the import lasts, WAL again after")
    func alone() throws {
        let folder = try TemporaryFolder()
        let (_, queue) = try walDatabase(folder)
        try queue.writeWithoutTransaction { db in
            #expect(try journalMode(db) == "wal")
            let journal = try RollbackJournal(db)
            #expect(journal.active)
            #expect(try journalMode(db) == "delete")
            #expect(try Int.fetchOne(db, sql: "PRAGMA busy_timeout") == 30_000)
            journal.end(db)
            #expect(try journalMode(db) == "wal")
        }
    }

    @Test("with another connection open: stays in WAL mode, without waiting for it")
    func shared() throws {
        let folder = try TemporaryFolder()
        let (path, queue) = try walDatabase(folder)
        let other = try DatabaseQueue(path: path)
        try other.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") }
        let started = Date()
        try queue.writeWithoutTransaction { db in
            let journal = try RollbackJournal(db)
            #expect(!journal.active)
            #expect(try journalMode(db) == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA busy_timeout") == 30_000)
            journal.end(db)
            #expect(try journalMode(db) == "wal")
        }
        #expect(Date().timeIntervalSince(started) < 10)
        try other.close()
    }
}
