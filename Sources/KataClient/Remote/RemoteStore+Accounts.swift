import Foundation
import ImprovementKata
import KataStore

/// Accounts and the audit log through the server's API: the server checks that the caller is an
/// administrator (else 403, exit 77), hashes passwords and makes set-password links.
extension RemoteStore: AccountService {
    public func accounts() async throws -> [AccountSummary] {
        try await get("/api/v1/accounts", as: AccountList.self).accounts
    }

    public func account(_ handle: Handle) async throws -> AccountSummary? {
        try await optional { try await get("/api/v1/accounts/\(segment(handle.rawValue))", as: AccountSummary.self) }
    }

    /// Sends the password as typed (over TLS): the server hashes it.
    public func addAccount(_ request: NewAccount) async throws -> AccountSummary {
        try await call(
            .post, "/api/v1/accounts",
            AccountAddition(handle: request.handle, roles: request.roles.names, password: request.password),
            as: AccountSummary.self)
    }

    public func editAccount(_ handle: Handle, _ change: AccountChange) async throws -> AccountSummary {
        try await call(
            .patch, "/api/v1/accounts/\(segment(handle.rawValue))",
            AccountEdit(
                roles: change.roles?.names, enabled: change.enabled, password: change.password,
                passwordLink: change.passwordLink),
            as: AccountSummary.self)
    }

    public func disableAccount(_ handle: Handle) async throws -> AccountSummary {
        try await sendWaiting()
        let answer = try await connection.send(.post, "/api/v1/accounts/\(segment(handle.rawValue))/disable")
        return try decoded(AccountSummary.self, from: answer.body)
    }

    public func audit(_ query: AuditQuery) async throws -> [AuditEntry] {
        let instant = Date.ISO8601FormatStyle()
        return try await get(
            "/api/v1/audit",
            query: items(
                ("from", query.from.map(instant.format)), ("to", query.to.map(instant.format)),
                ("account", query.account?.rawValue), ("kind", query.kind), ("record", query.record),
                ("action", query.action), ("limit", String(query.limit)), ("offset", String(query.offset))),
            as: AuditList.self
        ).entries
    }

    /// The packets made about the signed-in caller; the server lists no one else's.
    public func reviewPacketsMade(about coach: Handle?) async throws -> [AuditEntry] {
        guard coach == nil else {
            throw KataError.usage(
                "through a server, the review packets listed are those made about you: leave out the coach.")
        }
        return try await get("/api/v1/me/review-packets", as: ReviewPacketList.self).packets
    }
}

struct AccountList: Decodable { var accounts: [AccountSummary] }
struct AuditList: Decodable { var entries: [AuditEntry] }
struct ReviewPacketList: Decodable { var packets: [AuditEntry] }

/// The body of `POST /api/v1/accounts`.
struct AccountAddition: Encodable {
    var handle: Handle
    var roles: [String]
    var password: String?
}

/// The body of `PATCH /api/v1/accounts/{handle}`: only what changes.
struct AccountEdit: Encodable {
    var roles: [String]?
    var enabled: Bool?
    var password: String?
    var passwordLink: Bool?
}
