import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataServer
import KataWeb

/// `kata serve`: the organisation's record over HTTP (DESIGN §10.1).
struct ServeCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the database to the organisation: the JSON API, /healthz, /readyz and /metrics.",
        discussion: """
            Listens on loopback (127.0.0.1:8470) unless told otherwise. Other machines are \
            served only through TLS, at a reverse proxy such as nginx: name the https \
            address users reach with --public-url, and with --trust-proxy the proxy's own \
            address so that the sign-in limits count each client. SIGTERM or Ctrl-C \
            let the requests in flight finish, then stop. Each request is logged as one \
            line of JSON on standard error.

            With --database URL (default: $KATA_DATABASE_URL) it serves a PostgreSQL \
            database instead of a file; several servers may serve one database.

            Examples:
              kata serve --db /srv/kata/kata.sqlite
              kata serve --listen 0.0.0.0:8470 --public-url https://kata.example.org
              kata serve --database postgres://kata@db.example.org/kata --pool-size 16
            """)

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
    var listen: String = ServerConfiguration.defaultListen

    @Option(
        name: .customLong("public-url"), parsing: .unconditional,
        help: ArgumentHelp("The address users reach the server at; https:// to serve other machines.", valueName: "url")
    )
    var publicURL: String?

    @Option(
        name: .customLong("trust-proxy"), parsing: .unconditional,
        help: ArgumentHelp("The reverse proxy's address, whose X-Forwarded-For is believed.", valueName: "address"))
    var trustProxy: String?

    @Option(
        name: .customLong("pool-size"), parsing: .unconditional,
        help: ArgumentHelp("The most connections to PostgreSQL this server opens.", valueName: "n"))
    var poolSize: Int = 8

    func run(in context: CommandContext) async throws {
        let configuration = try ServerConfiguration(listen: listen, publicURL: publicURL, trustedProxy: trustProxy)
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let errors = context.errors
        // The server takes its PostgreSQL database from the environment too (a service's unit file).
        let environmentURL = context.environment["KATA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = try global.chosenDatabaseURL() ?? (global.database == nil ? environmentURL : nil) {
            let store = try await PostgresStore.connect(GlobalOptions.location(url, context), poolSize: poolSize)
            do {
                try await KataServer.serve(
                    configuration: configuration, accounts: store, store: { store.scoped(to: $0) },
                    readiness: { _ = try await store.settings() }, kataVersion: Kata.version, pages: WebApp(),
                    onServerRunning: { port in errors.line("kata serve: \(store.location) on http://\(host):\(port)") })
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            return
        }
        let store = try SQLiteStore.open(
            path: context.databasePath(global.database), create: false, concurrentReads: true)
        // Said once listening, with the port bound (`--listen 127.0.0.1:0` picks a free one).
        let path = context.databasePath(global.database)
        try await KataServer.serve(
            configuration: configuration, accounts: store, store: { store.scoped(to: $0) },
            readiness: { _ = try store.settings() }, kataVersion: Kata.version, pages: WebApp(),
            onServerRunning: { port in errors.line("kata serve: \(path) on http://\(host):\(port)") })
    }
}
