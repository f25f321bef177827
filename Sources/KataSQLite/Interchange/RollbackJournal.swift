import Foundation
import GRDB
import KataStore

/// A rollback journal in place of the write-ahead log for the length of one large import.
///
/// In WAL mode every page an import writes goes to the log first and is copied into the
/// database by the checkpoint after the commit: a 1.3 GB database is written twice, and the
/// copy alone takes a fifth of the import. With a rollback journal SQLite writes new pages
/// straight into the file and journals only the pages that held data before, so a killed import
/// is still rolled back by the next connection that opens the database.
///
/// The switch is made only when no other connection has the database open (SQLite refuses it
/// otherwise, and the import goes on in WAL mode). While it lasts, other processes wait for the
/// import to end before they read; that is the price of importing millions of records. WAL mode
/// is set again at the end, and by `SQLiteStore.open` should the import be killed.
struct RollbackJournal {
    private(set) var active = false

    /// No switch: the journal mode stays as it is.
    init() {}

    /// Switches to a rollback journal if the database is in WAL mode and no one else has it open.
    init(_ db: Database) throws {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else { return }
        // Not waiting: another connection now means one later too.
        active = try db.withPragmas(["busy_timeout": 0]) {
            do {
                return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return false
            }
        }
    }

    /// Back to WAL mode, waiting (up to the busy timeout) for readers that came in the meantime.
    func end(_ db: Database) {
        guard active else { return }
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
}
