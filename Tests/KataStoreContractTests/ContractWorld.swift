import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataCLI
import KataClient
import KataPostgres
import KataSQLite
import KataServer
import KataStore
import KataTestSupport
import Logging

/// The stores every contract case runs against.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The SQLite file itself.
    case file
    /// The client against an in-process server over a temporary SQLite file, an admin signed in.
    case server
    /// The PostgreSQL store itself, on a new database of the test cluster.
    case postgres
    /// The client against an in-process server over a new PostgreSQL database, an admin signed in.
    case serverOnPostgres

    /// Every store; the PostgreSQL ones when the test cluster is there or CI requires it (then a
    /// missing cluster fails them), as for the store's own tests (`TestCluster`).
    static var allCases: [Backend] {
        TestCluster.runs ? [.file, .server, .postgres, .serverOnPostgres] : [.file, .server]
    }

    /// The stores reached through a server.
    static var servers: [Backend] { allCases.filter(\.isServer) }

    /// Whether the seam is the HTTP client of a server.
    var isServer: Bool { self == .server || self == .serverOnPostgres }

    /// Whether the record is kept in PostgreSQL.
    var isPostgres: Bool { self == .postgres || self == .serverOnPostgres }

    var description: String { rawValue }
}

/// One temporary organisation: a database (initialised, UTC, today 2026-11-20: a file, or for the
/// PostgreSQL backends a new database of the test cluster that the runner's commands work on with
/// `--database`) with the team and `rita`'s admin account, and for the server backends a kata
/// server over it on an ephemeral loopback port with `rita` (an admin) signed in: the runner's
/// credentials point at it, so `kata` commands go through the server.
final class ContractWorld: @unchecked Sendable {
    static let password = "correct horse battery staple"

    let kata: KataRunner
    let backend: Backend
    /// The PostgreSQL database of the PostgreSQL backends, nil for the file.
    private let postgres: PostgresStore?
    private(set) var url: String?
    private var serverTask: Task<Void, any Error>?
    private var port = 0

    private init(kata: KataRunner, backend: Backend, postgres: PostgresStore?) {
        self.kata = kata
        self.backend = backend
        self.postgres = postgres
    }

    /// Runs `body` with a fresh world and the store of `backend`; the server is stopped at the end,
    /// and a PostgreSQL database dropped.
    static func with<Value>(
        _ backend: Backend, team: Bool = true, _ body: (ContractWorld, any KataBackend) async throws -> Value
    ) async throws -> Value {
        guard backend.isPostgres else {
            return try await ContractWorld(kata: try await KataRunner(), backend: backend, postgres: nil)
                .run(team: team, body)
        }
        return try await TestCluster.withDatabase { url in
            let kata = try await KataRunner(initialise: false)
            kata.storeArguments = ["--database", url]
            let initialised = await kata.run("init", "--time-zone", "UTC")
            guard initialised.exitCode == 0 else { throw KataError.failure("kata init: \(initialised.errors)") }
            let store = try await PostgresStore.connect(url: url, poolSize: 4, logger: TestCluster.logger)
            do {
                let result = try await ContractWorld(kata: kata, backend: backend, postgres: store)
                    .run(team: team, body)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    private func run<Value>(team: Bool, _ body: (ContractWorld, any KataBackend) async throws -> Value)
        async throws -> Value
    {
        if team { try await makeTeam() }
        try await addAccount("rita", name: "Rita Root", role: "admin")
        if backend.isServer {
            try await start()
            try await signIn("rita")
        }
        do {
            let result = try await body(self, try store())
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }

    /// The store of this world's backend.
    func store() throws -> any KataBackend {
        guard backend.isServer else { return try database() }
        guard let credentials = try Credentials.read(from: files) else { throw KataError.failure("not signed in") }
        return RemoteStore(connection: try credentials.connection())
    }

    /// The database itself, whoever the store is: the PostgreSQL database or the runner's file.
    private func database() throws -> any KataBackend & AccountStore {
        if let postgres { return postgres }
        return try kata.store()
    }

    /// The client's files of the runner (credentials, cache, outbox).
    var files: ClientFiles {
        ClientFiles(folder: (kata.environment["XDG_CONFIG_HOME"] ?? kata.folder.path) + "/kata")
    }

    /// carl manages ann, ann coaches bo (2nd coach lena) since 2026-11-02, bo has an active target
    /// condition (`targetID`) with a working obstacle.
    private(set) var targetID = ""

    private func makeTeam() async throws {
        for (handle, name) in [("carl", "Carl Jung"), ("ann", "Ann Lee"), ("bo", "Bo Chen"), ("lena", "Lena Berg")] {
            try expectSuccess(await kata.run("person", "add", handle, "--name", name, "--unit", "Assembly"))
        }
        try expectSuccess(
            await kata.run(
                "pair", "add", "--coach", "ann", "--learner", "bo", "--second-coach", "lena", "--since", "2026-11-02"))
        let target = try expectSuccess(
            await kata.run(
                "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition",
                "Every unit leaves station 4 within 52 s", "--achieve-by", "2026-12-18", "--outcome",
                "cycle time: 52 s"))
        targetID = String(target.output.split(separator: " ")[2])
        try expectSuccess(
            await kata.run("obstacle", "add", "--target", targetID, "Screws run out twice a shift", "--work"))
    }

    /// Gives `handle` (a new person) an account with `role` and the fixture's password.
    func addAccount(_ handle: String, name: String, role: String) async throws {
        try expectSuccess(await kata.run("person", "add", handle, "--name", name, "--unit", "Office"))
        try expectSuccess(
            await kata.run("account", "add", handle, "--role", role, "--password-stdin", input: [Self.password]))
    }

    /// Signs in as `handle` and keeps the credentials where the runner's commands find them.
    ///
    /// The token is made in the file as `POST /api/v1/tokens` makes it, without the bcrypt check of
    /// a password on every test (the access tests sign in over the API).
    func signIn(_ handle: String) async throws {
        guard let url else { throw KataError.failure("no server running") }
        let secret = SecretToken.random()
        let token = APIToken(
            id: UUID(), handle: try Handle(validating: handle), name: "contract test", created: kata.now)
        try await database().addToken(token, sha256: secret.sha256)
        try Credentials(server: url, token: secret.text, tokenId: token.id, handle: token.handle).write(to: files)
    }

    /// Starts the server (again on the same port after `stop()`); the runner's commands go through
    /// it from now on.
    func start() async throws {
        let accounts = try database()
        let store: StoreForCaller
        if let postgres {
            store = { postgres.scoped(to: $0) }
        } else {
            let sqlite = try kata.store()
            store = { sqlite.scoped(to: $0) }
        }
        kata.storeArguments = []
        let configuration = try ServerConfiguration(host: "127.0.0.1", port: port)
        let clock = kata.now
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = buildApplication(
            configuration: configuration, accounts: accounts, store: store, readiness: {},
            clock: { clock }, log: RequestLog { _ in },
            onServerRunning: { port in
                portSink.yield(port)
                portSink.finish()
            })
        serverTask = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else { throw KataError.failure("the server did not start") }
        port = bound
        url = "http://127.0.0.1:\(bound)"
    }

    /// Stops the server and waits until it has.
    func stop() async {
        serverTask?.cancel()
        _ = await serverTask?.result
        serverTask = nil
    }

    @discardableResult
    func expectSuccess(_ result: CommandResult) throws -> CommandResult {
        guard result.exitCode == 0 else { throw KataError.failure("exit \(result.exitCode): \(result.errors)") }
        return result
    }
}
