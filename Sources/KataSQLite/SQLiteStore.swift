import Foundation
import GRDB
import ImprovementKata
import KataSchema
import KataStore

/// The kata database: the one place that opens SQLite, runs migrations and writes records.
///
/// Every write method is named after what the user means (`logCycle`, `closeObstacle`) and runs
/// in one immediate transaction, so a command either happens whole or not at all, and two
/// managers logging at the same moment wait for each other instead of failing.
///
/// ```swift
/// let store = try SQLiteStore.inMemory()
/// try store.addPerson(Person(handle: Handle(validating: "ann"), name: "Ann Lee"))
/// ```
public struct SQLiteStore: Sendable {
    /// Access to the database: for this module's queries and the package's tests only, so that no
    /// other module runs SQL through the store (DESIGN §3).
    package let writer: any DatabaseWriter
    /// The group commit of the writes a server takes many of at once (cycles, audit entries).
    let batcher: WriteBatcher
    /// A server's checkpoints, off its write path (nil for a command, which leaves them to SQLite).
    private var checkpointer: WALCheckpointer?
    /// Who the store works for: the owner of the file, unless `scoped(to:)` made this copy.
    ///
    /// An account sees and does only what DESIGN §10.3 allows it.
    public var caller: Caller = .owner

    /// Wraps an open database and migrates it forward; refuses one written by a newer kata.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.batcher = WriteBatcher(writer: writer)
        try SQLiteStore.translatingErrors {
            // Look before writing anything: a newer database is refused untouched, and an up-to-date one
            // (the common case, on every command) costs one read.
            let (upToDate, journalMode) = try writer.read { db in
                try SQLiteStore.refuseNewer(db)
                return (
                    try SQLiteStore.migrator.hasCompletedMigrations(db),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                )
            }
            if !upToDate { try SQLiteStore.migrator.migrate(writer) }
            // WAL lets readers and one writer work at once; it is a property of the file, set once.
            if journalMode != "wal" && journalMode != "memory" {
                try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
        }
    }

    /// A fresh database in memory, for tests and dry runs.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Opens the database file at `path`.
    ///
    /// With `create`, a missing file (and its folder) is created private to its owner (0600 in a
    /// 0700 folder). Without it, a missing file is `KataError.fileNotFound`. A database written by
    /// a newer kata is refused before anything in it is touched. With `concurrentReads` (a
    /// server), reads run on connections of their own beside the one writer instead of waiting
    /// for it; a command that does one thing opens one connection, which is quicker.
    public static func open(path: String, create: Bool, concurrentReads: Bool = false) throws -> SQLiteStore {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard create else {
                throw KataError.fileNotFound(
                    path: path, hint: "Create the database with 'kata init', or point to another with --db or KATA_DB.")
            }
            try createPrivateFile(at: path)
        }
        return try translatingErrors {
            guard concurrentReads else {
                return try SQLiteStore(DatabaseQueue(path: path, configuration: makeConfiguration()))
            }
            var configuration = makeConfiguration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            var store = try SQLiteStore(DatabasePool(path: path, configuration: configuration))
            store.checkpointer = try WALCheckpointer(path: path)
            return store
        }
    }

    /// The connection settings: foreign keys, and a generous busy timeout for concurrent writers.
    ///
    /// The journal mode is not set here, because setting it writes to the file: `init` switches a
    /// database to WAL once, after checking that the file is a kata database this version can use.
    public static func makeConfiguration(_ base: Configuration = Configuration()) -> Configuration {
        var config = base
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        return config
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in KataSchema.migrations {
            migrator.registerMigration(migration.identifier, foreignKeyChecks: .immediate) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// Refuses a file that is not a kata database, or one a newer kata has migrated.
    ///
    /// Two plain queries rather than GRDB's `tableExists` and `hasBeenSuperseded`, which load the
    /// schema's description first: this runs at every command's start.
    static func refuseNewer(_ db: Database) throws {
        let tracked = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')")
        guard tracked == true else {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 {
                throw KataError.unusableDatabase(
                    "\(db.description) is an SQLite database but not a kata database; kata leaves it untouched.")
            }
            return
        }
        let known = Set(KataSchema.migrations.map(\.identifier))
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        if applied.contains(where: { !known.contains($0) }) {
            throw KataError.unusableDatabase(
                "this database was written by a newer version of kata; it is left untouched. Update kata to use it.")
        }
    }

    static func createPrivateFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw KataError.failure("cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            throw KataError.failure("cannot create \(path): \(String(cString: strerror(errno))).")
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// Runs `work` in one immediate transaction, translating database errors into `KataError`.
    package func write<T>(_ work: (Database) throws -> T) throws -> T {
        try SQLiteStore.translatingErrors {
            try writer.writeWithoutTransaction { db in try SQLiteStore.immediateTransaction(db, work) }
        }
    }

    /// Runs `work` in one immediate transaction of `db`, committed when `work` returns.
    static func immediateTransaction<T>(_ db: Database, _ work: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            result = try work(db)
            return .commit
        }
        guard let result else { throw KataError.failure("the transaction did not complete") }
        return result
    }

    /// Runs `work` on a consistent snapshot of the database.
    package func read<T>(_ work: (Database) throws -> T) throws -> T {
        try SQLiteStore.translatingErrors { try writer.read(work) }
    }

    /// Runs `work` in the next group commit (see `WriteBatcher`), translating database errors into
    /// `KataError`; the caller waits without holding a thread.
    func batchedWrite<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await batcher.write(work)
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error)
        }
    }

    static func translatingErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as KataError {
            throw error
        } catch let error as DatabaseError {
            throw SQLiteStore.translate(error)
        }
    }

    /// Turns a database error into words a manager can act on; no raw SQLite text gets through.
    static func translate(_ error: DatabaseError) -> KataError {
        let message = error.message ?? ""
        if let range = message.range(of: "kata: ") {
            return .ruleBroken(String(message[range.upperBound...]) + ".")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .failure("the database is busy with another kata command; try again in a moment.")
        case .SQLITE_NOTADB:
            return .unusableDatabase("the file is not a kata database (not SQLite); kata leaves it untouched.")
        case .SQLITE_CORRUPT:
            return .unusableDatabase("the database file is damaged; restore it from a backup ('kata backup').")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return .failure("cannot open or write the database file; check that it exists and that you may write it.")
        case .SQLITE_FULL:
            return .failure("the disk is full; nothing was written.")
        case .SQLITE_CONSTRAINT:
            if message.contains("UNIQUE") && message.contains("target.learner") {
                return .ruleBroken(
                    "the learner already has an active target condition for this focus process; close it first.")
            }
            if message.contains("UNIQUE") && message.contains("obstacle.target") {
                return .ruleBroken("another obstacle of this target condition is being worked; one at a time.")
            }
            if message.contains("UNIQUE") || message.contains("PRIMARY KEY") {
                return .ruleBroken("that record exists already.")
            }
            if message.contains("FOREIGN KEY") {
                return .ruleBroken("a reference points to a record that does not exist.")
            }
            return .ruleBroken(checkFailure(message))
        default:
            return .failure("the database could not complete the command (SQLite code \(error.resultCode.rawValue)).")
        }
    }

    /// Names the field a failed CHECK or NOT NULL constraint is about, without the SQL.
    static func checkFailure(_ message: String) -> String {
        if let range = message.range(of: "NOT NULL constraint failed: ") {
            let column = message[range.upperBound...].split(separator: ".").last.map(String.init) ?? "a field"
            return "\(column) is required and was not given."
        }
        guard let range = message.range(of: "CHECK constraint failed: ") else {
            return "a value breaks a rule of the kata database."
        }
        let expression = message[range.upperBound...]
        let words = expression.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        if expression.contains("date("), let field = words.last {
            return "\(field) is not a real calendar date (YYYY-MM-DD)."
        }
        let functions: Set<String> = [
            "length", "trim", "json_valid", "json_type", "IS", "NOT", "NULL", "OR", "AND", "IN",
        ]
        let field = words.first { !functions.contains($0) && !$0.allSatisfy(\.isNumber) } ?? "a value"
        return "the value of \(field) is not allowed here."
    }
}
