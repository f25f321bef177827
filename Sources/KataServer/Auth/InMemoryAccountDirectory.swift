import Foundation
import HummingbirdBcrypt
import ImprovementKata
import KataStore

/// An `AccountDirectory` and `AccountAdministration` kept in memory, for tests: nothing survives
/// the process. It knows no people beyond the names given to `add`, so any handle may get an account.
///
/// ```swift
/// let accounts = InMemoryAccountDirectory()
/// await accounts.add(Account(handle: ann, created: now), name: "Ann Lee", password: "correct horse battery")
/// ```
public actor InMemoryAccountDirectory: AccountDirectory, AccountAdministration, WebSessionDirectory {
    private struct Member {
        var record: SignInRecord
        var name: String
    }

    private var members: [Handle: Member] = [:]
    private struct StoredLink {
        var handle: Handle
        var expires: Date
        var used: Date?
    }

    private struct StoredSession {
        var handle: Handle
        var csrf: String
        var created: Date
        var lastSeen: Date
        var ended: Date?
    }

    /// Accounts without a password yet.
    private var waiting: [Handle: Account] = [:]
    /// Every set-password link made, by the SHA-256 of its token.
    private var passwordLinks: [String: StoredLink] = [:]
    /// Every web session begun, by the SHA-256 of its cookie secret.
    private var sessions: [String: StoredSession] = [:]
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

    /// The name given to `add`; nil for an account added without one.
    public func personName(handle: Handle) -> String? { members[handle].flatMap { $0.name.isEmpty ? nil : $0.name } }

    public func recordAudit(_ entry: AuditEntry) {
        auditLog.append(entry)
    }

    // MARK: Administration

    public func accounts() -> [Account] {
        (members.values.map(\.record.account) + waiting.values).sorted { $0.handle < $1.handle }
    }

    public func account(_ handle: Handle) -> Account? { members[handle]?.record.account ?? waiting[handle] }

    public func addAccount(
        handle: Handle, roles: Set<Role>, passwordHash: String?, passwordLink: (sha256: String, expires: Date)?,
        at now: Date, by source: AuditSource
    ) throws -> Account {
        guard account(handle) == nil else { throw KataError.duplicate(kind: "account", reference: handle.rawValue) }
        let account = Account(handle: handle, roles: roles, created: now)
        if let passwordHash {
            members[handle] = Member(record: SignInRecord(account: account, passwordHash: passwordHash), name: "")
        } else {
            waiting[handle] = account
        }
        if let passwordLink {
            passwordLinks[passwordLink.sha256] = StoredLink(handle: handle, expires: passwordLink.expires)
        }
        auditLog.append(AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "add"))
        return account
    }

    public func editAccount(_ handle: Handle, roles: Set<Role>?, enabled: Bool?, at now: Date, by source: AuditSource)
        throws -> Account
    {
        guard var account = account(handle) else { throw DirectAccounts.unknown(handle) }
        if let roles { account.roles = roles }
        if let enabled { account.enabled = enabled }
        if members[handle] != nil { members[handle]?.record.account = account } else { waiting[handle] = account }
        auditLog.append(
            AuditEntry(
                at: now, by: source, kind: "account", record: handle.rawValue,
                action: enabled == false ? "disable" : "edit"))
        return account
    }

    public func setPasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource) throws {
        if let account = waiting.removeValue(forKey: handle) {
            members[handle] = Member(record: SignInRecord(account: account, passwordHash: hash), name: "")
        } else if members[handle] != nil {
            members[handle]?.record.passwordHash = hash
        } else {
            throw DirectAccounts.unknown(handle)
        }
        auditLog.append(
            AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "set-password"))
    }

    public func addPasswordLink(sha256: String, handle: Handle, expires: Date, at now: Date, by source: AuditSource)
        throws
    {
        guard account(handle) != nil else { throw DirectAccounts.unknown(handle) }
        passwordLinks[sha256] = StoredLink(handle: handle, expires: expires)
        auditLog.append(
            AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "password-link"))
    }

    public func audit(_ query: AuditQuery) -> [AuditEntry] {
        let chosen = auditLog.reversed().filter { entry in
            (query.from.map { entry.at >= $0 } ?? true) && (query.to.map { entry.at < $0 } ?? true)
                && (query.account.map { entry.account == $0 } ?? true) && (query.kind.map { entry.kind == $0 } ?? true)
                && (query.record.map { entry.record == $0 } ?? true)
                && (query.action.map { entry.action == $0 } ?? true)
        }
        return Array(chosen.dropFirst(query.offset).prefix(query.limit))
    }

    // MARK: Web sessions

    /// The SHA-256 digests kept for sessions, to check that no cookie secret is stored.
    public var storedSessionDigests: [String] { Array(sessions.keys) }

    public func addSession(sha256: String, handle: Handle, csrf: String, at now: Date) throws {
        guard members[handle] != nil else { throw DirectAccounts.unknown(handle) }
        sessions[sha256] = StoredSession(handle: handle, csrf: csrf, created: now, lastSeen: now)
    }

    public func session(sha256: String, at now: Date) -> WebSession? {
        guard var session = sessions[sha256], session.ended == nil,
            now.timeIntervalSince(session.lastSeen) < WebSession.idleLimit,
            now.timeIntervalSince(session.created) < WebSession.lifetime,
            let account = members[session.handle]?.record.account, account.enabled
        else { return nil }
        session.lastSeen = max(session.lastSeen, now)
        sessions[sha256] = session
        return WebSession(account: account, csrf: session.csrf)
    }

    public func endSession(sha256: String, at now: Date) {
        if sessions[sha256]?.ended == nil { sessions[sha256]?.ended = now }
    }

    public func usePasswordLink(sha256: String, passwordHash: String, at now: Date) throws -> Handle {
        let askAgain = "Ask an administrator for a new one."
        guard let link = passwordLinks[sha256] else {
            throw KataError.notSignedIn(
                "this set-password link is not one kata made (check that the whole link was copied). \(askAgain)")
        }
        guard link.used == nil else {
            throw KataError.notSignedIn(
                "this set-password link has been used already: each link sets a password once. \(askAgain)")
        }
        guard now < link.expires else {
            throw KataError.notSignedIn("this set-password link has expired. \(askAgain)")
        }
        passwordLinks[sha256]?.used = now
        try setPasswordHash(link.handle, hash: passwordHash, at: now, by: .link(account: link.handle))
        return link.handle
    }
}
