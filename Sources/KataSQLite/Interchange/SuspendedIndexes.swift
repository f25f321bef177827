import Foundation
import GRDB
import KataStore

/// The plain secondary indexes of the large tables, dropped for a large import and built again
/// before it commits.
///
/// Inserting a million coaching cycles into five indexes at random places costs SQLite three
/// times as much as building the same indexes afterwards by sorting. Both happen inside the
/// import's one transaction, so a failed or killed import leaves the indexes as they were, and
/// each index is built again from its own `CREATE INDEX` text in `sqlite_master`, so the schema
/// stays exactly as the migrations made it. Unique indexes, which keep rules of the kata, are
/// never touched, and a table is left alone when the import is small next to what it holds.
struct SuspendedIndexes {
    /// The tables that grow by the million.
    static let tables = ["cycle", "experiment", "condition", "observation"]

    private var dropped: [(name: String, sql: String)] = []

    /// Drops the indexes of each table that is expected to receive more rows than it holds.
    init(_ db: Database, expectedRecords: Int) throws {
        for table in Self.tables {
            let rows = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") ?? 0
            guard expectedRecords > max(rows, 50_000) else { continue }
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                    ORDER BY name
                    """,
                arguments: [table])
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                dropped.append((name, index["sql"]))
            }
        }
    }

    /// Builds the dropped indexes again, sorting on two threads where SQLite can.
    ///
    /// SQLite sorts in runs as large as the page cache. Small runs of 4 MB, merged, build the
    /// indexes of a million cycles in half the time that runs of 32 MB take (they fit the
    /// processor's caches), and in a sixth of the memory; so the cache is made small meanwhile.
    func restore(_ db: Database) throws {
        guard !dropped.isEmpty else { return }
        try db.withPragmas(["threads": 2, "cache_size": -4096]) {
            for index in dropped { try db.execute(sql: index.sql) }
        }
    }
}
