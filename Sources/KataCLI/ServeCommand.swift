import ArgumentParser
import Foundation
import ImprovementKata
import KataServer

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

            Examples:
              kata serve --db /srv/kata/kata.sqlite
              kata serve --listen 0.0.0.0:8470 --public-url https://kata.example.org
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

    func run(in context: CommandContext) throws {
        _ = try ServerConfiguration(listen: listen, publicURL: publicURL, trustedProxy: trustProxy)
        _ = try global.openStore(context)
        // Until the SQLite store keeps accounts and tokens (merged separately), there is no one who
        // could sign in: say so rather than serve an API that refuses everyone. Then this becomes
        // `try await KataServer.serve(configuration:accounts:readiness:)` with the store.
        throw KataError.unavailable(
            "accounts storage is not in this build yet, so kata serve cannot sign anyone in; use a build with "
                + "accounts (kata account add).")
    }
}
