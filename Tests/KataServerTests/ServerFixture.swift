import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Logging
import ServiceLifecycle
import Testing

@testable import KataServer

/// A server over an in-memory directory: `ann` (a coach, no roles), `root` (an admin), `bo`
/// (disabled), a clock the test moves, and the request log captured; its records are in a
/// temporary database (`kata`, whose today is the clock's) that each caller sees through
/// `SQLiteStore.scoped(to:)`.
struct ServerFixture {
    static let password = "correct horse battery staple"
    static let start = Date(timeIntervalSince1970: 1_795_600_000)  // 2026-11-25T09:46:40Z

    let accounts = InMemoryAccountDirectory()
    let clock = TestClock(start)
    let log = LogCapture()
    var configuration: ServerConfiguration
    var readiness: Readiness = {}
    /// Runs `kata` commands on the server's database.
    let kata: KataRunner
    let database: SQLiteStore

    init(trustedProxy: String? = nil, port: Int = 0) async throws {
        configuration = try ServerConfiguration(host: "127.0.0.1", port: port, trustedProxy: trustedProxy)
        kata = try await KataRunner(today: "2026-11-25")
        kata.now = Self.start
        database = try kata.store()
        try await addAccount("ann", name: "Ann Lee")
        try await addAccount("root", name: "Rita Root", roles: [.admin])
        try await addAccount("bo", name: "Bo Berg", enabled: false)
    }

    /// Adds an account whose password is `ServerFixture.password`, hashed at bcrypt's lowest cost to keep tests fast.
    func addAccount(_ handle: String, name: String, roles: Set<Role> = [], enabled: Bool = true) async throws {
        let account = Account(
            handle: try Handle(validating: handle), roles: roles, enabled: enabled, created: Self.start)
        await accounts.add(account, name: name, password: Self.password, cost: 4)
    }

    func application() -> some ApplicationProtocol {
        buildApplication(
            configuration: configuration, accounts: accounts, store: store, readiness: readiness,
            clock: clock.reading, log: log.requestLog)
    }

    /// The store each caller's requests go to.
    var store: StoreForCaller { { [database] in database.scoped(to: $0) } }

    func router() -> Router<KataRequestContext> {
        buildRouter(
            configuration: configuration, accounts: accounts, store: store, readiness: readiness,
            clock: clock.reading, log: log.requestLog)
    }

    /// Runs the application in a service group on a free loopback port and calls `body` with the
    /// group and the port; then shuts the group down gracefully (if `body` has not) and waits.
    func withServiceGroup(_ body: (ServiceGroup, Int) async throws -> Void) async throws {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = buildApplication(
            configuration: configuration, accounts: accounts, store: store, readiness: readiness,
            log: log.requestLog, onServerRunning: { portSink.yield($0) })
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: .init(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { server in
            server.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(group, port)
            await group.triggerGracefulShutdown()
            try await server.waitForAll()
        }
    }

    /// Runs `test` against the application in process (`.router`) or on a loopback port (`.live`).
    func test<Value>(
        _ setup: TestingSetup = .router, _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await application().test(setup, test)
    }
}

/// Requests the tests make, and what they read from the answers.
extension TestClientProtocol {
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, bytes: [UInt8]? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer " + token }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(string: json) }
        if let bytes { body = ByteBuffer(bytes: bytes) }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Signs in as `handle` and returns the token's secret.
    func signIn(_ handle: String, password: String = ServerFixture.password, headers: HTTPFields = [:]) async throws
        -> String
    {
        let response = try await signInResponse(handle, password: password, headers: headers)
        try #require(response.status == .created, "sign-in as \(handle): \(response.text)")
        return try #require(response.object["token"] as? String)
    }

    @discardableResult
    func signInResponse(_ handle: String, password: String = ServerFixture.password, headers: HTTPFields = [:])
        async throws -> TestResponse
    {
        let body = try JSONSerialization.data(withJSONObject: [
            "handle": handle, "password": password, "name": "laptop",
        ])
        return try await call(.post, "/api/v1/tokens", json: String(decoding: body, as: UTF8.self), headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
    /// The `error` object of an error answer.
    var error: [String: Any] { object["error"] as? [String: Any] ?? [:] }
    var errorCode: String? { error["code"] as? String }
    var errorField: String? { error["field"] as? String }
    var errorMessage: String? { error["message"] as? String }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ start: Date) { now = start }

    func advance(minutes: Double) { lock.withLock { now = now.addingTimeInterval(minutes * 60) } }

    var reading: ServerClock { { self.lock.withLock { self.now } } }
}

/// The request log's lines, kept for the test to read.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }
    var requestLog: RequestLog { RequestLog { line in self.lock.withLock { self.stored.append(line) } } }
}

/// The records of a small team in the fixture's database: carl manages ann, ann coaches bo (2nd
/// coach lena) since 2026-11-02, bo has an active target condition with a working obstacle; dan
/// coaches eve in another unit. Accounts `carl`, `lena`, `dan` and `hr` (HR) sign in too.
struct Team: Sendable {
    var target: UUID
    var obstacle: UUID
}

extension ServerFixture {
    @discardableResult
    func makeTeam() async throws -> Team {
        let people = [
            ("carl", "Carl Jung", "Assembly", nil), ("ann", "Ann Lee", "Assembly", "carl"),
            ("bo", "Bo Chen", "Assembly", "ann"), ("lena", "Lena Berg", "Assembly", nil),
            ("dan", "Dan Ode", "Paint", nil), ("eve", "Eve Moss", "Paint", "dan"),
        ]
        for (handle, name, unit, manager) in people {
            var arguments = ["person", "add", handle, "--name", name, "--unit", unit]
            if let manager { arguments += ["--reports-to", manager] }
            try await kataRequiring(arguments)
        }
        try await kataRequiring([
            "pair", "add", "--coach", "ann", "--learner", "bo", "--second-coach", "lena", "--since", "2026-11-02",
        ])
        try await kataRequiring(["pair", "add", "--coach", "dan", "--learner", "eve", "--since", "2026-11-02"])
        try await kataRequiring([
            "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition",
            "Every unit leaves station 4 within 52 s", "--achieve-by", "2026-12-18", "--outcome", "cycle time: 52 s",
        ])
        let target = try #require(try database.targets(learner: Handle(validating: "bo"), status: nil).first).id
        try await kataRequiring([
            "obstacle", "add", "--target", target.uuidString, "Screws run out twice a shift", "--work",
        ])
        let obstacle = try #require(try database.obstacles(target: target, learner: nil, includeClosed: true).first).id
        for (handle, name) in [("carl", "Carl Jung"), ("lena", "Lena Berg"), ("dan", "Dan Ode")] {
            try await addAccount(handle, name: name)
        }
        try await addAccount("hr", name: "Hanna Ross", roles: [.hr])
        return Team(target: target, obstacle: obstacle)
    }

    private func kataRequiring(_ arguments: [String]) async throws {
        let result = await kata.run(arguments)
        try #require(result.exitCode == 0, "kata \(arguments.joined(separator: " ")): \(result.errors)")
    }
}
