import Foundation
import ImprovementKata

/// A sign-in to a kata server, belonging to one person (DESIGN §10.2).
///
/// The password is not here: only its hash is kept, and only the store and the sign-in see it.
public struct Account: Sendable, Equatable, Codable {
    /// The person the account belongs to.
    public var handle: Handle
    /// Roles beyond coaching and learning; empty for most accounts.
    public var roles: Set<Role>
    /// A disabled account cannot sign in, and its tokens and sessions fail at once.
    public var enabled: Bool
    /// When the account was made (UTC).
    public var created: Date

    public init(handle: Handle, roles: Set<Role> = [], enabled: Bool = true, created: Date) {
        self.handle = handle
        self.roles = roles
        self.enabled = enabled
        self.created = created
    }

    /// The caller this account is, for the access rules.
    public var caller: Caller { .account(handle: handle, roles: roles) }
}

/// A personal API token (DESIGN §10.2): shown once when made, kept on the server as a SHA-256 hash.
public struct APIToken: Sendable, Equatable, Codable {
    public var id: UUID
    /// The account it signs in as.
    public var handle: Handle
    /// A name the owner recognises, such as the device it was made on.
    public var name: String
    public var created: Date
    /// When it was last used to sign a request; nil if never.
    public var lastUsed: Date?
    /// When it was revoked; a revoked token fails at once.
    public var revoked: Date?

    public init(id: UUID, handle: Handle, name: String, created: Date, lastUsed: Date? = nil, revoked: Date? = nil) {
        self.id = id
        self.handle = handle
        self.name = name
        self.created = created
        self.lastUsed = lastUsed
        self.revoked = revoked
    }
}

/// One line of the audit log (DESIGN §10.2): who wrote what, when, and through which credential.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: UUID
    /// When (UTC).
    public var at: Date
    /// The account, nil for the holder of a database file working on it directly.
    public var account: Handle?
    /// Through which credential: `token:<id>`, `session`, or `file`.
    public var via: String
    /// What kind of record (`cycle`, `person`, `account`, `token`, `review` for a review packet made, …).
    public var kind: String
    /// Which record: its id or handle.
    public var record: String
    /// What was done: `add`, `edit`, `delete`, `import`, `made`, ….
    public var action: String
    /// Further detail where it matters (a review packet's period and opt-ins); never a secret.
    public var detail: String?

    public init(
        id: UUID = UUID(), at: Date, account: Handle?, via: String, kind: String, record: String, action: String,
        detail: String? = nil
    ) {
        self.id = id
        self.at = at
        self.account = account
        self.via = via
        self.kind = kind
        self.record = record
        self.action = action
        self.detail = detail
    }
}

extension Account {
    /// The account's roles and state as the audit log records them: `roles admin, lean; enabled`.
    public var auditDescription: String {
        "roles \(roles.isEmpty ? "none" : roles.names.joined(separator: ", ")); \(enabled ? "enabled" : "disabled")"
    }
}

extension KataError {
    /// There is no account for `handle`, with the commands that list and add one.
    public static func unknownAccount(_ handle: Handle) -> KataError {
        .unknown(
            kind: "account", reference: handle.rawValue,
            hint: "See 'kata account list', or add one with 'kata account add \(handle)'.")
    }
}
