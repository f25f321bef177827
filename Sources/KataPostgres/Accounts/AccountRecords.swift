import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

// How accounts, tokens and audit entries are kept in the rows of migration 0001. Instants are
// kept to the millisecond, as the SQLite store keeps them, so both answer the same.

extension Account {
    /// The columns `init(row:)` reads, in its order, of the table or alias `table`.
    static func columns(_ table: String = "account") -> String {
        "\(table).handle, \(table).roles, \(table).enabled, \(table).created"
    }

    init(row: PostgresRandomAccessRow, from start: Int = 0) throws {
        self.init(
            handle: try Column.handle(row[start].decode(String.self), "account.handle"),
            roles: try Role.set(stored: row[start + 1].decode(String.self)),
            enabled: try row[start + 2].decode(Bool.self), created: try row[start + 3].decode(Date.self))
    }
}

extension APIToken {
    /// The columns `init(row:)` reads, in its order, of the table or alias `table`.
    static func columns(_ table: String = "api_token") -> String {
        "\(table).id, \(table).handle, \(table).name, \(table).created, \(table).last_used, \(table).revoked"
    }

    init(row: PostgresRandomAccessRow, from start: Int = 0) throws {
        self.init(
            id: try row[start].decode(UUID.self),
            handle: try Column.handle(row[start + 1].decode(String.self), "api_token.handle"),
            name: try row[start + 2].decode(String.self), created: try row[start + 3].decode(Date.self),
            lastUsed: try row[start + 4].decode(Date?.self), revoked: try row[start + 5].decode(Date?.self))
    }
}

extension AuditEntry {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "id, at, account, via, kind, record, action, detail"

    init(row: PostgresRow) throws {
        let (id, at, account, via, kind, record, action, detail) = try row.decode(
            (UUID, Date, String?, String, String, String, String, String?).self)
        self.init(
            id: id, at: at, account: try Column.handle(account, "audit.account"), via: via, kind: kind,
            record: record, action: action, detail: detail)
    }

    /// Appends the entry to the audit log inside the transaction of `connection`, so that a write
    /// and its entry are kept or lost together.
    func insert(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO audit (id, at, account, via, kind, record, action, detail)
            VALUES (\(id), \(Instant.stored(at)), \(account?.rawValue), \(via), \(kind), \(record), \(action),
                \(detail))
            """, logger: logger)
    }
}

/// Instants as the accounts tables keep them.
enum Instant {
    /// `date` to the millisecond, as the SQLite store keeps it.
    static func stored(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// An SQL expression writing the `timestamptz` expression `sql` as the SQLite store writes
    /// instants (`2026-11-21T09:00:00.000Z`).
    static func text(_ sql: String) -> String {
        "to_char((\(sql)) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }

    /// How stale a token's `last_used` or a session's `last_seen` may get before a request writes
    /// it again: a write per request would halve what the server can log, for a precision nobody reads.
    static let touchInterval: TimeInterval = 60

    /// Whether an instant last written at `written` should be written again at `now`.
    static func isStale(_ written: Date?, at now: Date) -> Bool {
        guard let written else { return true }
        return now.timeIntervalSince(written) >= touchInterval
    }
}
