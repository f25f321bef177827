import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataServer
import KataStore
import KataTestSupport
import NIOCore
import Testing

@testable import KataWeb

/// The organisation of `AccessFixture` served with the web app: ann coaches bo, dan coaches eve,
/// lena is ann's 2nd coach, carl her manager, lea is lean staff, fay HR, ada an admin, and each
/// signs in with `WebFixture.password`. The server's
/// clock starts at 2026-11-20T08:00Z and moves when the test says.
///
/// The accounts and sessions are in an `InMemoryAccountDirectory` whose hashes have bcrypt's lowest
/// cost, so that signing in takes no CPU from the other suites' servers; with `accountsInDatabase`
/// they are in the organisation's SQLite database, at the cost of 12 its schema requires.
struct WebFixture: Sendable {
    static let password = "correct horse battery staple"
    /// Its bcrypt hash at cost 12, as the schema requires: made once for every fixture.
    static let hash = Task { try await PasswordCheck.hash(password) }

    let organisation: AccessFixture
    let clock = MovingClock(AccessFixture.now)
    let configuration: ServerConfiguration
    let accounts: any AccountStore
    /// The request log's lines.
    let log = LogLines()

    var owner: SQLiteStore { organisation.owner }

    init(publicURL: String? = nil, accountsInDatabase: Bool = false) async throws {
        organisation = try AccessFixture()
        configuration = try ServerConfiguration(
            host: "127.0.0.1", port: 0, publicURL: publicURL.flatMap { URL(string: $0) })
        let people: [(String, Set<Role>)] = [
            ("ann", []), ("bo", []), ("dan", []), ("lea", [.lean]), ("ada", [.admin]), ("lena", []), ("carl", []),
            ("fay", [.hr]),
        ]
        if accountsInDatabase {
            let hash = try await Self.hash.value
            for (who, roles) in people {
                try organisation.owner.addAccount(
                    handle: handle(who), roles: roles, passwordHash: hash, at: AccessFixture.now, by: .file)
            }
            accounts = organisation.owner
        } else {
            let directory = InMemoryAccountDirectory()
            for (who, roles) in people {
                await directory.add(
                    Account(handle: handle(who), roles: roles, created: AccessFixture.now), name: who,
                    password: Self.password, cost: 4)
            }
            accounts = directory
        }
    }

    /// The audit entries of `kind`, newest first.
    func audit(_ kind: String) async throws -> [AuditEntry] {
        try await accounts.audit(AuditQuery(kind: kind))
    }

    func router() -> Router<KataRequestContext> {
        buildRouter(
            configuration: configuration, accounts: accounts, store: { [owner] in owner.scoped(to: $0) },
            readiness: {}, clock: clock.reading, log: RequestLog { [log] line in log.append(line) }, pages: WebApp())
    }

    /// Runs `test` against the application in process.
    func test<Value>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: router()).test(.router, test)
    }
}

/// The lines the server logged, kept for the test to read.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var all: [String] { lock.withLock { stored } }
}

/// A clock the test moves by hand.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ start: Date) { now = start }

    func advance(hours: Double) { lock.withLock { now = now.addingTimeInterval(hours * 3_600) } }

    var reading: ServerClock { { self.lock.withLock { self.now } } }
}

/// A browser's state toward the web app: its cookies, and the CSRF token of the last page's form.
struct Browser: Sendable {
    var cookies: [String: String] = [:]
    var csrf: String?

    /// Takes the cookies a response sets (an expired one is forgotten) and the form token it shows.
    mutating func read(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if header.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = response.text.firstMatch(of: /name="csrf" value="([^"]*)"/) { csrf = String(token.1) }
    }

    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
}

extension TestClientProtocol {
    /// `GET uri` as `browser`, which takes what the answer sets.
    @discardableResult
    func get(_ uri: String, _ browser: inout Browser) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if !browser.cookies.isEmpty { headers[.cookie] = browser.cookieHeader }
        let response = try await execute(uri: uri, method: .get, headers: headers, body: nil)
        browser.read(response)
        return response
    }

    /// `POST uri` with `fields` as a form, as `browser`; its last page's `csrf` is added unless
    /// `fields` has one.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], _ browser: inout Browser) async throws -> TestResponse {
        var fields = fields
        if !fields.contains(where: { $0.0 == "csrf" }), let csrf = browser.csrf { fields.append(("csrf", csrf)) }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !browser.cookies.isEmpty { headers[.cookie] = browser.cookieHeader }
        let body = fields.map { "\(formEncoded($0.0))=\(formEncoded($0.1))" }.joined(separator: "&")
        let response = try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        browser.read(response)
        return response
    }

    /// Signs in through the form as `handle` and returns the browser with its session.
    func signIn(_ handle: String, password: String = WebFixture.password) async throws -> Browser {
        var browser = Browser()
        try await get("/login", &browser)
        let response = try await post("/login", [("handle", handle), ("password", password)], &browser)
        try #require(response.status == .seeOther, "sign-in as \(handle): \(response.text)")
        try await get("/", &browser)  // the session's own CSRF token, from the sign-out form
        return browser
    }
}

/// `text` as a form value: everything but letters and digits percent-encoded.
func formEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
