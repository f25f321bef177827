import Foundation
import ImprovementKata

/// `POST /api/v1/tokens`: sign in and make a personal API token.
struct TokenRequest: Codable, Sendable {
    var handle: String
    var password: String
    var name: String
}

/// The answer to `POST /api/v1/tokens`: the token, shown this once.
public struct IssuedToken: Codable, Sendable {
    public var id: UUID
    public var token: String
    public var name: String
    public var handle: Handle
    public var created: Date
}

/// A token as `GET /api/v1/tokens` lists it (never the token itself).
public struct TokenSummary: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var created: Date
    public var lastUsed: Date?

    public init(id: UUID, name: String, created: Date, lastUsed: Date? = nil) {
        self.id = id
        self.name = name
        self.created = created
        self.lastUsed = lastUsed
    }
}

/// `GET /api/v1/tokens`.
struct TokenList: Codable, Sendable {
    var tokens: [TokenSummary]
}

extension ServerConnection {
    /// Signs in as `handle` and makes a token named `name` (the device); the password is sent once
    /// and kept nowhere.
    public func signIn(handle: Handle, password: String, name: String) async throws -> IssuedToken {
        try await post(
            "/api/v1/tokens", TokenRequest(handle: handle.rawValue, password: password, name: name),
            as: IssuedToken.self)
    }

    /// The caller's tokens, or `handle`'s for an admin.
    public func tokens(of handle: Handle? = nil) async throws -> [TokenSummary] {
        try await get("/api/v1/tokens", query: handle.map { [("handle", $0.rawValue)] } ?? [], as: TokenList.self)
            .tokens
    }

    /// Revokes a token: it fails at once from then on.
    public func revokeToken(_ id: UUID) async throws {
        try await delete("/api/v1/tokens/\(id.text)")
    }
}

extension Credentials {
    /// The credentials to call the chosen server with: `server` (from `--server` or `KATA_SERVER`),
    /// else the one signed in to.
    ///
    /// - Throws: `KataError.notSignedIn` when there are none for that server.
    public static func signedIn(to server: String?, files: ClientFiles) throws -> Credentials {
        let stored = try read(from: files)
        if let server, !server.isEmpty {
            let wanted = try ServerConnection.normalised(server)
            guard let stored, stored.server == wanted else {
                throw KataError.notSignedIn("not signed in to \(wanted); sign in with 'kata login \(wanted)'.")
            }
            return stored
        }
        guard let stored else { throw KataError.notSignedIn("not signed in; sign in with 'kata login URL' first.") }
        return stored
    }
}
