import Foundation
import GRDB
import ImprovementKata
import KataStore

extension DemoOrganisation {
    /// Runs `work` in one immediate transaction set up for loading a million rows into a new
    /// database.
    ///
    /// A WAL database would take every page twice (into the log, then into the file); for the
    /// load the connection uses a rollback journal instead, which for a new database holds next to
    /// nothing, and returns to WAL afterwards. The transaction stays all or nothing. A large page
    /// cache keeps the id indexes in memory.
    ///
    /// Foreign keys are not enforced during the load: looking up the parents of every cycle
    /// (coach, learner, target condition, obstacle, two experiments) takes a sixth of the time,
    /// and the demo only refers to rows it has just written. Every other rule of the schema (checks,
    /// unique indexes, triggers) stays on, and the tests check the foreign keys of what it
    /// builds with `PRAGMA foreign_key_check`.
    static func bulkWrite<T>(_ store: SQLiteStore, _ work: (Database) throws -> T) throws -> T {
        try SQLiteStore.translatingErrors {
            try store.writer.writeWithoutTransaction { db in
                try db.withPragmas(["cache_size": -262144, "foreign_keys": 0]) {
                    // Stays in WAL when another connection holds the file: slower, not wrong.
                    let journal = try RollbackJournal(db)
                    defer { journal.end(db) }
                    return try SQLiteStore.immediateTransaction(db, work)
                }
            }
        }
    }

    /// Runs `work` without the secondary indexes of the tables the demo fills, then builds them
    /// again from the schema's own statements.
    ///
    /// Building an index once over sorted rows is several times faster than keeping it up to date
    /// through a million inserts. The unique indexes (one active target condition per learner and
    /// focus process, one obstacle worked per target condition) are checked when built, so the
    /// rules hold as before; the whole stays in the caller's transaction.
    static func withIndexesBuiltAfterwards<T>(_ db: Database, _ work: () throws -> T) throws -> T {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                    AND tbl_name IN ('target', 'condition', 'obstacle', 'experiment', 'cycle', 'observation')
                ORDER BY rowid
                """)
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        let result = try work()
        for index in indexes { try db.execute(sql: index["sql"]) }
        return result
    }
}
