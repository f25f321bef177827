import Foundation
import ImprovementKata

/// Who wrote something and through which credential, as the audit log records it (DESIGN §10.2).
///
/// A store's write methods take one, so that the write and its audit entry are one transaction.
public struct AuditSource: Sendable, Equatable {
    /// The account, nil for the holder of the database file.
    public var account: Handle?
    /// `file`, `session`, `link` (a set-password link) or `token:<id>`.
    public var via: String

    /// The holder of the database file, working on it directly.
    public static let file = AuditSource(account: nil, via: "file")

    /// An account signed in with the API token `id`.
    public static func token(_ id: UUID, account: Handle) -> AuditSource {
        AuditSource(account: account, via: "token:" + id.uuidString.lowercased())
    }

    /// An account signed in to the web app.
    public static func session(account: Handle) -> AuditSource { AuditSource(account: account, via: "session") }

    /// Someone holding a set-password link of `account`.
    public static func link(account: Handle) -> AuditSource { AuditSource(account: account, via: "link") }

    private init(account: Handle?, via: String) {
        self.account = account
        self.via = via
    }
}

extension AuditEntry {
    /// An entry for a write by `source`.
    public init(
        id: UUID = UUID(), at: Date, by source: AuditSource, kind: String, record: String, action: String,
        detail: String? = nil
    ) {
        self.init(
            id: id, at: at, account: source.account, via: source.via, kind: kind, record: record, action: action,
            detail: detail)
    }
}
