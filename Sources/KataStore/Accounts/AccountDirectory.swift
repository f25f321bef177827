import Foundation
import ImprovementKata

/// The accounts, tokens and audit log the server signs callers in with (DESIGN §10.2).
///
/// The server reaches accounts only through this protocol: the SQLite store implements it, and
/// `InMemoryAccountDirectory` stands in for tests.
public protocol AccountDirectory: Sendable {
    /// The account with `handle` and its bcrypt password hash; nil when there is no such account
    /// or it has no password yet.
    func signInRecord(handle: Handle) async throws -> SignInRecord?
    /// Keeps a new token; only the SHA-256 (hex) of its secret is stored.
    func addToken(_ token: APIToken, sha256: String) async throws
    /// The account and token whose secret hashes to `sha256`, noting `at` as the token's last use;
    /// nil for an unknown token.
    func owner(ofToken sha256: String, at: Date) async throws -> TokenOwner?
    /// The tokens of `handle` that are not revoked, oldest first.
    func tokens(of handle: Handle) async throws -> [APIToken]
    /// The token with `id`, revoked or not; nil when there is none.
    func token(id: UUID) async throws -> APIToken?
    /// Revokes the token with `id` as of `at`; it fails at once from then on.
    func revokeToken(id: UUID, at: Date) async throws
    /// The name of the person with `handle`, for `/me`; nil when the directory has no person for it.
    func personName(handle: Handle) async throws -> String?
    /// Appends to the audit log.
    func recordAudit(_ entry: AuditEntry) async throws
}

/// An account as the sign-in sees it: with the hash its password is checked against.
public struct SignInRecord: Sendable, Equatable {
    public var account: Account
    /// The bcrypt hash (`$2b$12$…`).
    public var passwordHash: String

    public init(account: Account, passwordHash: String) {
        self.account = account
        self.passwordHash = passwordHash
    }
}

/// A token and the account it signs in as.
public struct TokenOwner: Sendable, Equatable {
    public var account: Account
    public var token: APIToken

    public init(account: Account, token: APIToken) {
        self.account = account
        self.token = token
    }
}
