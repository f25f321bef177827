import AsyncHTTPClient
import Foundation
import ImprovementKata
import KataCLI
import KataTestSupport
import Testing

@testable import KataClient

@Suite("the client's transport")
struct ServerConnectionTests {
    @Test("a refused sign-in becomes the server's kind, code and message")
    func errorAnswerIsReported() async throws {
        try await WireServer.with { server in
            let connection = try ServerConnection(url: server.url)
            let error = await thrown {
                _ = try await connection.signIn(handle: handle("ann"), password: "wrong password", name: "laptop")
            }
            #expect(
                error
                    == .reported(
                        kind: .notSignedIn, code: "not-signed-in", message: "wrong handle or password.", field: nil))
        }
    }

    @Test("a 400 with the code 'missing' is a usage error that keeps the server's field")
    func usageAnswerKeepsField() async throws {
        try await WireServer.with { server in
            let connection = try await server.signedInConnection()
            let error = await thrown { _ = try await connection.send(.post, "/api/v1/cycles", json: Data("{}".utf8)) }
            #expect(error?.kind == .usage)
            #expect(error?.code == "missing")
            #expect(error?.field == "id")
            #expect(error.map(Kata.exitCode(for:)) == 64)
        }
    }

    @Test("a token the server does not know is 'not signed in'")
    func unknownTokenIsNotSignedIn() async throws {
        try await WireServer.with { server in
            let connection = try ServerConnection(url: server.url, token: "kata_" + String(repeating: "0", count: 64))
            let error = await thrown { _ = try await connection.tokens() }
            #expect(error?.kind == .notSignedIn)
        }
    }

    @Test("a server that refuses the connection is unavailable, naming the URL and the reason")
    func refusedConnectionIsUnavailable() async throws {
        let url = try await WireServer.with { $0.url }
        let connection = try ServerConnection(url: url)
        let error = await thrown { _ = try await connection.tokens() }
        #expect(error?.kind == .unavailable)
        #expect(
            error?.description
                == "cannot reach the server at \(url): connection refused (is kata serve running there?).")
    }

    @Test("a request that gets no answer in time says how long it waited")
    func timeoutReason() {
        for error in [HTTPClientError.deadlineExceeded, .connectTimeout, .readTimeout] {
            #expect(ServerConnection.reason(error, timeout: .seconds(10)) == "no answer within 10 seconds")
        }
        let connection = try? ServerConnection(url: "https://kata.example.org", timeout: .seconds(3))
        #expect(
            connection?.unreachable(HTTPClientError.deadlineExceeded).description
                == "cannot reach the server at https://kata.example.org: no answer within 3 seconds.")
    }

    @Test(
        "each status stands for the kind of the wire contract",
        arguments: [
            (400, "usage", KataError.Kind.usage), (400, "missing", .usage), (400, "invalid-value", .invalid),
            (401, "not-signed-in", .notSignedIn), (403, "forbidden", .forbidden), (404, "unknown", .notFound),
            (409, "conflict", .conflict), (413, "too-large", .invalid), (429, "too-many-attempts", .tooManyAttempts),
            (503, "unavailable", .unavailable), (500, "failure", .failure), (502, "failure", .failure),
        ])
    func statusKinds(status: Int, code: String, kind: KataError.Kind) {
        #expect(ErrorAnswer.kind(status: status, code: code) == kind)
    }

    @Test("an answer that is no kata error says the status, and for 429 when to try again")
    func answerWithoutKataError() {
        let proxy = ErrorAnswer.error(status: 502, body: Data("<html>Bad Gateway</html>".utf8), retryAfter: nil)
        #expect(
            proxy
                == .reported(
                    kind: .failure, code: "failure", message: "the server answered 502 without saying why.", field: nil)
        )
        let limited = ErrorAnswer.error(status: 429, body: Data(), retryAfter: "900")
        #expect(limited.kind == .tooManyAttempts)
        #expect(limited.description == "the server answered 429 without saying why; try again in 900 seconds.")
    }

    @Test("a server URL is kept without a trailing slash, its scheme and host in lower case")
    func urlIsNormalised() throws {
        #expect(try ServerConnection(url: "HTTPS://Kata.Example.org/").url == "https://kata.example.org")
        #expect(try ServerConnection(url: "http://127.0.0.1:8470").url == "http://127.0.0.1:8470")
        #expect(try ServerConnection(url: "https://example.org/kata/").url == "https://example.org/kata")
        #expect(try ServerConnection(url: "http://[::1]:8470/").url == "http://[::1]:8470")
    }

    @Test(
        "a server URL without http(s) and a host is refused, naming what is expected",
        arguments: [
            "kata.example.org", "ftp://kata.example.org", "https://", "https://host/?a=1", "",
        ])
    func badURLIsRefused(text: String) {
        let error = thrownKataError { try ServerConnection(url: text) }
        #expect(error?.invalidField == "server URL")
    }

    @Test("instants go out in ISO 8601 UTC with Z and come back with or without fractions")
    func instants() throws {
        let instant = Date(timeIntervalSince1970: 1_795_165_200)
        #expect(WireJSON.instantText(instant) == "2026-11-20T09:00:00Z")
        #expect(WireJSON.instant("2026-11-20T09:00:00Z") == instant)
        #expect(WireJSON.instant("2026-11-20T09:00:00.250Z") == instant.addingTimeInterval(0.25))
        #expect(WireJSON.instant("2026-11-20") == nil)
    }
}

/// The `KataError` that `work` throws, nil when it throws none.
func thrown(_ work: () async throws -> Void) async -> KataError? {
    do {
        try await work()
        return nil
    } catch let error as KataError {
        return error
    } catch {
        Issue.record("not a KataError: \(error)")
        return nil
    }
}
