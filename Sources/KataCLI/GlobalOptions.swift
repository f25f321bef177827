import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataClient
import KataPostgres
import KataSQLite
import KataStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("db"), parsing: .unconditional,
        help: ArgumentHelp(
            "The database file (default: $KATA_DB, else $XDG_DATA_HOME/kata/kata.sqlite).", valueName: "path"))
    var database: String?

    @Option(
        name: .customLong("server"), parsing: .unconditional,
        help: ArgumentHelp(
            "The kata server (default: $KATA_SERVER, else the one signed in to).", valueName: "url"))
    var server: String?

    @Option(
        name: .customLong("database"), parsing: .unconditional,
        help: ArgumentHelp(
            "A PostgreSQL database (postgres://…) to work on directly, as its operator; the password "
                + "from $PGPASSWORD.",
            valueName: "url"))
    var databaseURL: String?

    /// The store a command works on: a PostgreSQL database, a file or a server.
    ///
    /// `--database` is a PostgreSQL database, worked on directly with its credentials (closed when
    /// the command ends); `--db` is the file; else `--server`, `$KATA_SERVER` or the server signed
    /// in to; else the file of `$KATA_DB` or the default path. A missing database file is an error
    /// pointing at `kata init`; a server without credentials for it, at `kata login`.
    func openStore(_ context: CommandContext) async throws -> any KataBackend {
        if let postgres = try await postgresStore(context) { return postgres }
        if let remote = try remoteStore(context) { return remote }
        return try openFile(context)
    }

    /// The database itself, never a server: the PostgreSQL database of `--database`, else the file
    /// (for `kata check`, which judges the record where it is kept).
    func openDatabase(_ context: CommandContext) async throws -> any KataBackend {
        if let postgres = try await postgresStore(context) { return postgres }
        return try openFile(context)
    }

    /// The PostgreSQL database of `--database`, connected (and migrated) for this command and
    /// closed when it ends; nil without the option.
    func postgresStore(_ context: CommandContext, poolSize: Int = 2) async throws -> PostgresStore? {
        guard let url = try chosenDatabaseURL() else { return nil }
        let store = try await PostgresStore.connect(Self.location(url, context), poolSize: poolSize)
        context.closing.add { await store.close() }
        return store
    }

    /// The database of `url`, with the password of `$PGPASSWORD` when the URL has none (as libpq
    /// reads it), so that the password need not be on a command line others can list.
    static func location(_ url: String, _ context: CommandContext) throws -> PostgresLocation {
        var location = try PostgresLocation(url: url)
        if location.password == nil, let password = context.environment["PGPASSWORD"], !password.isEmpty {
            location.password = password
        }
        return location
    }

    /// `--database`, refusing it beside `--db`.
    func chosenDatabaseURL() throws -> String? {
        guard let databaseURL else { return nil }
        guard database == nil else { throw KataError.usage("give either --db FILE or --database URL, not both.") }
        return databaseURL
    }

    /// The accounts and audit log a command works on, chosen as `openStore` chooses: through the
    /// server (which decides who may), or the file itself, whose holder may do everything.
    ///
    /// `linkBase` gives the address of set-password links made on a file; it is asked only when a
    /// link is made. Passwords typed for a file are hashed here with `hash`.
    func openAccounts(
        _ context: CommandContext, linkBase: @escaping @Sendable () throws -> String,
        hash: @escaping @Sendable (String) async throws -> String
    ) async throws -> any AccountService {
        let now = context.now
        if let postgres = try await postgresStore(context) {
            return DirectAccounts(
                store: postgres, caller: .owner, source: .file, now: { now }, linkBase: linkBase, hash: hash)
        }
        if let remote = try remoteStore(context) { return remote }
        return DirectAccounts(
            store: try openFile(context), caller: .owner, source: .file, now: { now }, linkBase: linkBase, hash: hash)
    }

    /// Who the command acts as: `option`, else $KATA_COACH, else the config file, else (through a
    /// server) the account signed in; nil when none says.
    func coach(_ option: String?, _ context: CommandContext) throws -> Handle? {
        if let handle = try context.coach(option) { return handle }
        guard database == nil, databaseURL == nil else { return nil }
        return try signedIn(context)?.handle
    }

    /// The server's store when this command works through a server, else nil.
    private func remoteStore(_ context: CommandContext) throws -> RemoteStore? {
        guard database == nil, databaseURL == nil, let connection = try serverConnection(context) else { return nil }
        let errors = context.errors
        return RemoteStore(
            connection: connection,
            offline: RemoteStore.Offline(files: context.clientFiles, now: context.now) { errors.line($0) })
    }

    /// The connection to the server chosen for this command, nil when it works on a file.
    private func serverConnection(_ context: CommandContext) throws -> ServerConnection? {
        try signedIn(context)?.connection(timeout: context.serverTimeout())
    }

    /// The credentials of the server chosen for this command (`--server`, `KATA_SERVER`, else the
    /// one signed in to), nil when there is none.
    private func signedIn(_ context: CommandContext) throws -> Credentials? {
        let files = context.clientFiles
        guard let chosen = chosenServer(context) else { return try Credentials.read(from: files) }
        let url = try ServerConnection.normalised(chosen)
        guard let credentials = try Credentials.read(from: files), credentials.server == url else {
            throw KataError.notSignedIn("not signed in to \(url); run 'kata login \(url)'.")
        }
        return credentials
    }

    /// The database file itself, for what only a file can do (`init`, `backup`, `demo`).
    func openFile(_ context: CommandContext, create: Bool = false) throws -> SQLiteStore {
        if databaseURL != nil {
            throw KataError.usage(
                "this command works on a database file (--db FILE), not on PostgreSQL: back up a PostgreSQL "
                    + "database with pg_dump; any command with --database URL makes its tables.")
        }
        return try SQLiteStore.open(path: context.databasePath(database), create: create)
    }
}

/// `--format text|json|csv`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Options of every listing.
struct FormatOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Output format: text (default), json or csv.")
    var format: OutputFormat = .text
}

/// A date argument: `YYYY-MM-DD`, `today`, `yesterday`, `tomorrow`, `-3d`, `-2w`, `+1w`.
struct DayArgument: ExpressibleByArgument, Sendable {
    let text: String

    init?(argument: String) { text = argument }

    /// The day, counted from `today` for relative forms.
    func day(today: Day, field: String) throws -> Day {
        try Day(expression: text, today: today, field: field)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A period: `--from DATE --to DATE` or `--period 2026-Q3`.
struct PeriodOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "First day of the period (YYYY-MM-DD, today, -4w, …).")
    var from: DayArgument?

    @Option(parsing: .unconditional, help: "Last day of the period, inclusive.")
    var to: DayArgument?

    @Option(parsing: .unconditional, help: "A whole period: 2026, 2026-H2, 2026-Q3, 2026-09 or 2026-W38.")
    var period: String?

    /// The period given, or `fallback` when none was given.
    func resolve(today: Day, fallback: Period) throws -> Period {
        if let period {
            guard from == nil, to == nil else {
                throw KataError.usage("give either --period or --from/--to, not both.")
            }
            return try Period(parsing: period)
        }
        let start = try from?.day(today: today, field: "--from")
        let end = try to?.day(today: today, field: "--to")
        switch (start, end) {
        case (nil, nil): return fallback
        case let (start?, end?): return try Period(from: start, to: end)
        case let (start?, nil): return try Period(from: start, to: max(today, start))
        case let (nil, end?): return try Period(from: min(fallback.from, end), to: end)
        }
    }
}

extension CommandContext {
    /// Today in the organisation's time zone (or the fixed day of a test).
    func today(_ store: any KataService) async throws -> Day {
        if let today { return today }
        return try await store.settings().today(at: now)
    }
}

/// Parses a handle argument, naming the option in the error.
func handle(_ text: String, _ field: String) throws -> Handle {
    try Handle(typed: text, field: field)
}
