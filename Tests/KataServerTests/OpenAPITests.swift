import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KataServer

/// One call of a documented operation, made against a running server.
struct DocumentedCall: Sendable {
    var operation: OpenAPIDocument.Operation
    /// What the call is about, for the failure message.
    var about: String
    var make: @Sendable (any TestClientProtocol, CallerTokens) async throws -> TestResponse

    init(
        _ method: String, _ path: String, _ about: String,
        _ make: @escaping @Sendable (any TestClientProtocol, CallerTokens) async throws -> TestResponse
    ) {
        operation = .init(method: method, path: path)
        self.about = about
        self.make = make
    }
}

/// Tokens of the fixture's accounts, made before the calls.
struct CallerTokens: Sendable {
    var ann: String
    var root: String
}

@Suite("Schema/openapi.yaml matches the server")
struct OpenAPITests {
    /// At least one call per documented operation; add the calls of a new route here.
    static let calls: [DocumentedCall] = [
        .init("GET", "/healthz", "up") { client, _ in try await client.call(.get, "/healthz") },
        .init("GET", "/readyz", "ready") { client, _ in try await client.call(.get, "/readyz") },
        .init("GET", "/metrics", "from loopback") { client, _ in try await client.call(.get, "/metrics") },
        .init("POST", "/api/v1/tokens", "signed in") { client, _ in try await client.signInResponse("ann") },
        .init("POST", "/api/v1/tokens", "wrong password") { client, _ in
            try await client.signInResponse("ann", password: "not it at all")
        },
        .init("POST", "/api/v1/tokens", "unknown field") { client, _ in
            try await client.call(.post, "/api/v1/tokens", json: #"{"handle":"ann","pass":"x","name":"l"}"#)
        },
        .init("GET", "/api/v1/tokens", "own") { client, tokens in
            try await client.call(.get, "/api/v1/tokens", token: tokens.ann)
        },
        .init("GET", "/api/v1/tokens", "another's, as a coach") { client, tokens in
            try await client.call(.get, "/api/v1/tokens?handle=root", token: tokens.ann)
        },
        .init("DELETE", "/api/v1/tokens/{id}", "own") { client, _ in
            let token = try await client.signIn("ann")
            let id = try await client.call(.get, "/api/v1/me", token: token).object["tokenId"] as? String ?? ""
            return try await client.call(.delete, "/api/v1/tokens/\(id)", token: token)
        },
        .init("DELETE", "/api/v1/tokens/{id}", "unknown") { client, tokens in
            try await client.call(.delete, "/api/v1/tokens/\(UUID().uuidString)", token: tokens.ann)
        },
        .init("GET", "/api/v1/me", "signed in") { client, tokens in
            try await client.call(.get, "/api/v1/me", token: tokens.root)
        },
        .init("GET", "/api/v1/me", "no token") { client, _ in try await client.call(.get, "/api/v1/me") },
    ]

    @Test("the document is OpenAPI 3.1, and every route the server has is documented and every documented one served")
    func routesAreDocumented() async throws {
        let document = try OpenAPIDocument.load()
        #expect(document.version?.hasPrefix("3.1") == true)
        let fixture = try await ServerFixture()
        let served = Set(
            fixture.router().routes.map { OpenAPIDocument.Operation(method: "\($0.method)", path: "\($0.path)") })
        #expect(served.subtracting(document.operations).sorted() == [], "served but not documented")
        #expect(document.operations.subtracting(served).sorted() == [], "documented but not served")
    }

    @Test("every documented operation of a running server answers a documented status with the documented fields")
    func operationsAnswerAsDocumented() async throws {
        let document = try OpenAPIDocument.load()
        #expect(Set(Self.calls.map(\.operation)) == document.operations, "each documented operation needs a call")
        let fixture = try await ServerFixture()
        try await fixture.test(.live) { client in
            let tokens = CallerTokens(ann: try await client.signIn("ann"), root: try await client.signIn("root"))
            for call in Self.calls {
                let response = try await call.make(client, tokens)
                #expect(document.problems(with: response, to: call.operation) == [], "\(call.operation): \(call.about)")
            }
        }
    }
}
