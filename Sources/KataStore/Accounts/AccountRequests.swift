import Foundation
import ImprovementKata

/// A new account (`POST /api/v1/accounts`): for the person `handle`, with `roles`, and the password
/// as typed, or none for a set-password link.
///
/// Its description never shows the password.
public struct NewAccount: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    public var handle: Handle
    public var roles: Set<Role>
    /// The password as typed (at least 12 characters); nil for a one-time set-password link.
    public var password: String?

    public init(handle: Handle, roles: Set<Role> = [], password: String? = nil) {
        self.handle = handle
        self.roles = roles
        self.password = password
    }

    public var description: String {
        "NewAccount(\(handle), roles: \(roles.names), password: \(password == nil ? "none" : "(hidden)"))"
    }
    public var debugDescription: String { description }
}

/// What to change of an account (`PATCH /api/v1/accounts/{handle}`); nil leaves a value as it is.
///
/// Its description never shows the password.
public struct AccountChange: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The roles the account is to have (empty: none).
    public var roles: Set<Role>?
    /// Whether it may sign in.
    public var enabled: Bool?
    /// A new password as typed.
    public var password: String?
    /// Whether to make a new one-time set-password link.
    public var passwordLink: Bool?

    public init(roles: Set<Role>? = nil, enabled: Bool? = nil, password: String? = nil, passwordLink: Bool? = nil) {
        self.roles = roles
        self.enabled = enabled
        self.password = password
        self.passwordLink = passwordLink
    }

    /// Whether it changes nothing.
    public var isEmpty: Bool { roles == nil && enabled == nil && password == nil && passwordLink != true }

    public var description: String {
        "AccountChange(roles: \(roles.map(\.names) ?? []), enabled: \(enabled.map(String.init) ?? "nil"), "
            + "password: \(password == nil ? "none" : "(hidden)"), passwordLink: \(passwordLink == true))"
    }
    public var debugDescription: String { description }
}

/// An account as listings and the API show it: its person's name beside it, and a set-password
/// link in the one answer that made it.
public struct AccountSummary: Sendable, Equatable, Codable {
    public var account: Account
    /// The person's name; empty when the store has no person for the handle.
    public var name: String
    /// The link made by this very request, shown only now.
    public var setPasswordLink: PasswordLink?

    public init(account: Account, name: String, setPasswordLink: PasswordLink? = nil) {
        self.account = account
        self.name = name
        self.setPasswordLink = setPasswordLink
    }

    private enum Key: String, CodingKey { case handle, name, roles, enabled, created, setPasswordLink }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        account = Account(
            handle: try container.decode(Handle.self, forKey: .handle),
            roles: try container.decode(Set<Role>.self, forKey: .roles),
            enabled: try container.decode(Bool.self, forKey: .enabled),
            created: try container.decode(Date.self, forKey: .created))
        name = try container.decode(String.self, forKey: .name)
        setPasswordLink = try container.decodeIfPresent(PasswordLink.self, forKey: .setPasswordLink)
    }

    /// The account's fields flat, roles in order: `{"handle", "name", "roles", "enabled", "created"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(account.handle, forKey: .handle)
        try container.encode(name, forKey: .name)
        try container.encode(account.roles.names, forKey: .roles)
        try container.encode(account.enabled, forKey: .enabled)
        try container.encode(account.created, forKey: .created)
        try container.encodeIfPresent(setPasswordLink, forKey: .setPasswordLink)
    }
}

/// A one-time link that sets an account's password: `…/set-password/kata_…`, working once, until
/// `expires`.
public struct PasswordLink: Sendable, Equatable, Codable {
    public var url: String
    public var expires: Date

    public init(url: String, expires: Date) {
        self.url = url
        self.expires = expires
    }
}

/// Which audit entries to list: those at or after `from` and before `to`, of `account`, of a
/// `kind`, `record` and `action`; `limit` of them, newest first, after skipping `offset`.
public struct AuditQuery: Sendable, Equatable {
    public var from: Date?
    public var to: Date?
    public var account: Handle?
    public var kind: String?
    public var record: String?
    public var action: String?
    public var limit: Int
    public var offset: Int

    /// The most entries one query answers.
    public static let maximumLimit = 10_000

    public init(
        from: Date? = nil, to: Date? = nil, account: Handle? = nil, kind: String? = nil, record: String? = nil,
        action: String? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.from = from
        self.to = to
        self.account = account
        self.kind = kind
        self.record = record
        self.action = action
        self.limit = limit
        self.offset = offset
    }

    /// The review packets made about `coach` (kind `review`, action `make`), as many as kept.
    public static func reviewPackets(about coach: Handle) -> AuditQuery {
        AuditQuery(kind: "review", record: coach.rawValue, action: "make", limit: maximumLimit)
    }

    /// Throws `KataError.invalidValue` for a limit outside 1…`maximumLimit` or a negative offset.
    public func check() throws {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw KataError.invalidValue(
                field: "limit", value: String(limit), expected: "a whole number from 1 to \(Self.maximumLimit)")
        }
        guard offset >= 0 else {
            throw KataError.invalidValue(field: "offset", value: String(offset), expected: "a whole number, 0 or more")
        }
    }
}
