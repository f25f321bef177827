import Foundation
import ImprovementKata

/// `AccountService` on a store of accounts itself: the database file a command opens with `--db`,
/// and the server answering its API (DESIGN §10.2).
///
/// It checks who may (administrators only, but for the packets made about oneself), checks and
/// hashes typed passwords with `hash` (the server's runs off its event loops), makes set-password
/// links on `linkBase`, and names `source` in the audit log.
///
/// ```swift
/// let accounts = DirectAccounts(
///     store: sqliteStore, caller: .owner, source: .file, now: { Date() },
///     linkBase: { "https://kata.example.org" }, hash: { Bcrypt.hash($0, cost: 12) })
/// ```
public struct DirectAccounts: AccountService {
    /// How long a set-password link works.
    public static let linkLifetime: TimeInterval = 24 * 3_600

    public let store: any AccountStore
    public let caller: Caller
    public let source: AuditSource
    public let now: @Sendable () -> Date
    /// The address links start with, such as `https://kata.example.org`; asked only when a link is made.
    public let linkBase: @Sendable () throws -> String
    /// The bcrypt hash of a password that passed `Password.check`.
    public let hash: @Sendable (String) async throws -> String

    public init(
        store: any AccountStore, caller: Caller, source: AuditSource, now: @escaping @Sendable () -> Date,
        linkBase: @escaping @Sendable () throws -> String, hash: @escaping @Sendable (String) async throws -> String
    ) {
        self.store = store
        self.caller = caller
        self.source = source
        self.now = now
        self.linkBase = linkBase
        self.hash = hash
    }

    public func accounts() async throws -> [AccountSummary] {
        try requireAdmin()
        var summaries: [AccountSummary] = []
        for account in try await store.accounts() {
            summaries.append(try await summary(account))
        }
        return summaries
    }

    public func account(_ handle: Handle) async throws -> AccountSummary? {
        try requireAdmin()
        guard let account = try await store.account(handle) else { return nil }
        return try await summary(account)
    }

    public func addAccount(_ request: NewAccount) async throws -> AccountSummary {
        try requireAdmin()
        let hash = try await hashed(request.password)
        let link = hash == nil ? try newLink() : nil
        let account = try await store.addAccount(
            handle: request.handle, roles: request.roles, passwordHash: hash,
            passwordLink: link.map { ($0.token.sha256, $0.shown.expires) }, at: now(), by: source)
        return try await summary(account, link: link?.shown)
    }

    public func editAccount(_ handle: Handle, _ change: AccountChange) async throws -> AccountSummary {
        try requireAdmin()
        guard !change.isEmpty else {
            throw KataError.usage("nothing to change: give roles, enabled, a password or a new password link.")
        }
        guard change.password == nil || change.passwordLink != true else {
            throw KataError.usage("give either a password or a new password link, not both.")
        }
        guard var account = try await store.account(handle) else { throw Self.unknown(handle) }
        let hash = try await hashed(change.password)
        let link = change.passwordLink == true ? try newLink() : nil
        if change.roles != nil || change.enabled != nil {
            account = try await store.editAccount(
                handle, roles: change.roles, enabled: change.enabled, at: now(), by: source)
        }
        if let hash { try await store.setPasswordHash(handle, hash: hash, at: now(), by: source) }
        if let link {
            try await store.addPasswordLink(
                sha256: link.token.sha256, handle: handle, expires: link.shown.expires, at: now(), by: source)
        }
        return try await summary(account, link: link?.shown)
    }

    public func disableAccount(_ handle: Handle) async throws -> AccountSummary {
        try requireAdmin()
        return try await summary(try await store.editAccount(handle, roles: nil, enabled: false, at: now(), by: source))
    }

    public func audit(_ query: AuditQuery) async throws -> [AuditEntry] {
        try requireAdmin()
        try query.check()
        return try await store.audit(query)
    }

    public func reviewPacketsMade(about coach: Handle?) async throws -> [AuditEntry] {
        guard let whose = caller.handle ?? coach else {
            throw KataError.usage("a database file has no signed-in caller: name the coach whose packets to list.")
        }
        guard coach == nil || coach == whose else {
            throw KataError.forbidden("you may list only the review packets made about you (\(whose)).")
        }
        return try await store.audit(.reviewPackets(about: whose))
    }

    /// The error for an account that does not exist.
    public static func unknown(_ handle: Handle) -> KataError {
        .unknown(
            kind: "account", reference: handle.rawValue,
            hint: "See 'kata account list'.")
    }

    private func requireAdmin() throws {
        guard caller.has(.admin) else {
            throw KataError.forbidden(
                "only an administrator may manage accounts and read the audit log; \(caller.handle?.rawValue ?? "you")"
                    + " is not one.")
        }
    }

    private func hashed(_ password: String?) async throws -> String? {
        guard let password else { return nil }
        try Password.check(password)
        return try await hash(password)
    }

    private func newLink() throws -> (token: SecretToken, shown: PasswordLink) {
        var base = try linkBase()
        while base.hasSuffix("/") { base.removeLast() }
        let token = SecretToken.random()
        return (token, PasswordLink(url: "\(base)/set-password/\(token.text)", expires: now() + Self.linkLifetime))
    }

    private func summary(_ account: Account, link: PasswordLink? = nil) async throws -> AccountSummary {
        AccountSummary(
            account: account, name: try await store.personName(handle: account.handle) ?? "", setPasswordLink: link)
    }
}
