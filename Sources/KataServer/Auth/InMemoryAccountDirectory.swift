import Foundation
import HummingbirdBcrypt
import ImprovementKata
import KataStore

/// An `AccountDirectory` kept in memory, for tests: nothing survives the process.
///
/// ```swift
/// let accounts = InMemoryAccountDirectory()
/// await accounts.add(Account(handle: ann, created: now), name: "Ann Lee", password: "correct horse battery")
/// ```
public actor InMemoryAccountDirectory: AccountDirectory {
    private struct Member {
        var record: SignInRecord
        var name: String
    }

    private var members: [Handle: Member] = [:]
    private var tokensByID: [UUID: APIToken] = [:]
    private var tokenIDsByDigest: [String: UUID] = [:]
    /// The audit log, oldest first.
    public private(set) var auditLog: [AuditEntry] = []

    public init() {}

    /// Adds an account with `password` hashed at bcrypt `cost` (tests use a low cost to stay fast).
    public func add(_ account: Account, name: String, password: String, cost: UInt8 = 12) {
        members[account.handle] = Member(
            record: SignInRecord(account: account, passwordHash: Bcrypt.hash(password, cost: cost)), name: name)
    }

    /// Enables or disables the account of `handle`.
    public func setEnabled(_ enabled: Bool, handle: Handle) {
        members[handle]?.record.account.enabled = enabled
    }

    /// The SHA-256 digests kept for tokens, to check that no secret is stored.
    public var storedDigests: [String] { Array(tokenIDsByDigest.keys) }

    public func signInRecord(handle: Handle) -> SignInRecord? { members[handle]?.record }

    public func addToken(_ token: APIToken, sha256: String) {
        tokensByID[token.id] = token
        tokenIDsByDigest[sha256] = token.id
    }

    public func owner(ofToken sha256: String, at: Date) -> TokenOwner? {
        guard let id = tokenIDsByDigest[sha256], var token = tokensByID[id],
            let account = members[token.handle]?.record.account
        else { return nil }
        token.lastUsed = at
        tokensByID[id] = token
        return TokenOwner(account: account, token: token)
    }

    public func tokens(of handle: Handle) -> [APIToken] {
        tokensByID.values.filter { $0.handle == handle && $0.revoked == nil }.sorted { $0.created < $1.created }
    }

    public func token(id: UUID) -> APIToken? { tokensByID[id] }

    public func revokeToken(id: UUID, at: Date) {
        tokensByID[id]?.revoked = at
    }

    public func personName(handle: Handle) -> String? { members[handle]?.name }

    public func recordAudit(_ entry: AuditEntry) {
        auditLog.append(entry)
    }
}
