import Foundation
import HTTPTypes
import HummingbirdTesting
import ImprovementKata
import KataStore
import Testing

@testable import KataServer

@Suite("Every answer: security headers, the JSON error, the request log")
struct MiddlewareTests {
    @Test("answers carry the CSP, nosniff and same-origin headers, errors and unknown paths included")
    func securityHeaders() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for uri in ["/healthz", "/no/such/page", "/api/v1/me"] {
                let response = try await client.call(.get, uri)
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
            let unknown = try await client.call(.get, "/no/such/page")
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "unknown")
        }
    }

    @Test("one JSON line per request with method, route pattern, status, milliseconds and account, and no secret")
    func requestLog() async throws {
        let fixture = try await ServerFixture()
        let token = try await fixture.test { client in
            let token = try await client.signIn("ann")
            try await client.call(.get, "/api/v1/me", token: token)
            try await client.call(.delete, "/api/v1/tokens/\(UUID().uuidString)?secret=hunter2", token: token)
            try await client.call(.get, "/nothing-here-\(ServerFixture.password)")
            return token
        }
        let lines = fixture.log.lines
        #expect(lines.count == 4)
        let entries = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(
            entries.map { "\($0["method"] ?? "") \($0["route"] ?? "") \($0["status"] ?? "") \($0["account"] ?? "-")" }
                == [
                    "POST /api/v1/tokens 201 ann", "GET /api/v1/me 200 ann", "DELETE /api/v1/tokens/{id} 404 ann",
                    "GET unmatched 404 -",
                ])
        #expect(entries.allSatisfy { $0["milliseconds"] is Double && $0["at"] is String })
        for line in lines {
            #expect(!line.contains(ServerFixture.password))
            #expect(!line.contains(token))
            #expect(!line.contains(String(token.dropFirst(5).prefix(16))))
            #expect(!line.contains("hunter2"))
        }
    }

    @Test("bad bodies answer 400 naming the field: unknown field, wrong type, missing field, invalid UTF-8, not JSON")
    func badBodies() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let cases: [(String?, [UInt8]?, String, String)] = [
                (#"{"handle":"ann","password":"x","name":"l","admin":true}"#, nil, "invalid-value", "admin"),
                (#"{"handle":"ann","password":12,"name":"l"}"#, nil, "invalid-value", "password"),
                (#"{"handle":"ann","password":"x"}"#, nil, "missing", "name"),
                (#"{"handle":"ann","password":null,"name":"l"}"#, nil, "invalid-value", "password"),
                (#"{"handle":"ann","password":"x","name":"   "}"#, nil, "invalid-value", "name"),
                (#"{"handle":"ann","#, nil, "invalid-value", "body"),
                (#"["ann"]"#, nil, "invalid-value", "body"),
                (
                    nil, Array(#"{"handle":"ann","password":""#.utf8) + [0xC3, 0x28] + Array(#"","name":"l"}"#.utf8),
                    "invalid-value", "body"
                ),
            ]
            for (json, bytes, code, field) in cases {
                let response = try await client.call(.post, "/api/v1/tokens", json: json, bytes: bytes)
                #expect(response.status == .badRequest, "\(json ?? "bytes")")
                #expect(response.errorCode == code, "\(json ?? "bytes")")
                #expect(response.errorField == field, "\(json ?? "bytes")")
            }
        }
        #expect(await fixture.accounts.auditLog.isEmpty)
    }

    @Test("a body over 8 MB answers 413 too-large")
    func oversizedBody() async throws {
        let fixture = try await ServerFixture()
        let padding = String(repeating: "a", count: ServerConfiguration.defaultBodyLimit)
        let response = try await fixture.test { client in
            try await client.call(
                .post, "/api/v1/tokens", json: #"{"handle":"ann","password":"\#(padding)","name":"l"}"#)
        }
        #expect(response.status == .contentTooLarge)
        #expect(response.errorCode == "too-large")
        #expect(response.errorMessage == "the request body is larger than 8 MB; send less at a time.")
    }

    @Test("an unexpected failure answers 500 with a generic message, never the error's own text")
    func unexpectedError() async throws {
        let fixture = try await ServerFixture()
        let failing = FailingDirectory(accounts: fixture.accounts)
        let application = buildApplication(
            configuration: fixture.configuration, accounts: failing, store: fixture.store, readiness: {},
            clock: fixture.clock.reading,
            log: fixture.log.requestLog)
        let response = try await application.test(.router) { client in
            let token = try await client.signIn("ann")
            return try await client.call(.get, "/api/v1/me", token: token)
        }
        #expect(response.status == .internalServerError)
        #expect(response.errorCode == "failure")
        #expect(response.errorMessage == "the server failed to answer; the details are in its log.")
        #expect(!response.text.contains("SQLITE"))
    }

    @Test("a database that does not answer makes /readyz 503, without the error's own text")
    func notReady() async throws {
        var fixture = try await ServerFixture()
        fixture.readiness = { throw LeakyError() }
        let response = try await fixture.test { client in try await client.call(.get, "/readyz") }
        #expect(response.status == .serviceUnavailable)
        #expect(response.errorCode == "unavailable")
        #expect(!response.text.contains("SQLITE"))
        #expect(!response.text.contains("secret"))
    }
}

struct LeakyError: Error, CustomStringConvertible {
    var description: String { "SQLITE_CORRUPT at /srv/kata/secret.sqlite" }
}

/// A directory whose person look-up fails with an error the server does not know.
struct FailingDirectory: AccountDirectory {
    let accounts: InMemoryAccountDirectory

    func signInRecord(handle: Handle) async throws -> SignInRecord? { await accounts.signInRecord(handle: handle) }
    func addToken(_ token: APIToken, sha256: String) async throws { await accounts.addToken(token, sha256: sha256) }
    func owner(ofToken sha256: String, at: Date) async throws -> TokenOwner? {
        await accounts.owner(ofToken: sha256, at: at)
    }
    func tokens(of handle: Handle) async throws -> [APIToken] { await accounts.tokens(of: handle) }
    func token(id: UUID) async throws -> APIToken? { await accounts.token(id: id) }
    func revokeToken(id: UUID, at: Date) async throws { await accounts.revokeToken(id: id, at: at) }
    func personName(handle: Handle) async throws -> String? { throw LeakyError() }
    func recordAudit(_ entry: AuditEntry) async throws { await accounts.recordAudit(entry) }
}

/// Account administration fails alike: no test here reaches it.
extension FailingDirectory: AccountAdministration {
    func accounts() async throws -> [Account] { throw LeakyError() }
    func account(_ handle: Handle) async throws -> Account? { throw LeakyError() }
    func addAccount(
        handle: Handle, roles: Set<Role>, passwordHash: String?, passwordLink: (sha256: String, expires: Date)?,
        at now: Date, by source: AuditSource
    ) async throws -> Account { throw LeakyError() }
    func editAccount(_ handle: Handle, roles: Set<Role>?, enabled: Bool?, at now: Date, by source: AuditSource)
        async throws -> Account
    { throw LeakyError() }
    func setPasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource) async throws {
        throw LeakyError()
    }
    func addPasswordLink(sha256: String, handle: Handle, expires: Date, at now: Date, by source: AuditSource)
        async throws
    { throw LeakyError() }
    func audit(_ query: AuditQuery) async throws -> [AuditEntry] { throw LeakyError() }
}

/// Web sessions fail alike: no test here reaches them.
extension FailingDirectory: WebSessionDirectory {
    func addSession(sha256: String, handle: Handle, csrf: String, at now: Date) async throws { throw LeakyError() }
    func session(sha256: String, at now: Date) async throws -> WebSession? { throw LeakyError() }
    func endSession(sha256: String, at now: Date) async throws { throw LeakyError() }
    func usePasswordLink(sha256: String, passwordHash: String, at now: Date) async throws -> Handle {
        throw LeakyError()
    }
}
