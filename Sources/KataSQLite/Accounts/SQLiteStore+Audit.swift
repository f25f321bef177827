import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Appends `entry` to the audit log inside the transaction of `db`, so that a write and its
    /// entry are kept or lost together.
    public static func appendAudit(_ db: Database, _ entry: AuditEntry) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit (id, at, account, via, kind, record, action, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                entry.id.text, isoTimestamp(entry.at), entry.account, entry.via, entry.kind, entry.record,
                entry.action, entry.detail,
            ])
    }

    /// Appends `entry` to the audit log in a transaction of its own.
    public func recordAudit(_ entry: AuditEntry) throws {
        try write { db in try SQLiteStore.appendAudit(db, entry) }
    }

    /// `recordAudit` for callers that wait without holding a thread (a server): the entry goes into
    /// the next group commit.
    public func recordAudit(_ entry: AuditEntry) async throws {
        try await batchedWrite { db in try SQLiteStore.appendAudit(db, entry) }
    }

    /// The audit entries `query` asks for, newest first.
    public func audit(_ query: AuditQuery) throws -> [AuditEntry] {
        try audit(
            from: query.from, to: query.to, account: query.account, kind: query.kind, record: query.record,
            action: query.action, limit: query.limit, offset: query.offset)
    }

    /// Audit entries, newest first: those at or after `from` and before `to` (either may be nil),
    /// of `account`, `kind`, `record` and `action` when given, `limit` of them after skipping `offset`.
    public func audit(
        from: Date? = nil, to: Date? = nil, account: Handle? = nil, kind: String? = nil, record: String? = nil,
        action: String? = nil, limit: Int = 100, offset: Int = 0
    ) throws -> [AuditEntry] {
        guard limit > 0 else {
            throw KataError.invalidValue(field: "limit", value: String(limit), expected: "a whole number above 0")
        }
        guard offset >= 0 else {
            throw KataError.invalidValue(field: "offset", value: String(offset), expected: "a whole number, 0 or more")
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let from {
            conditions.append("at >= ?")
            arguments += [SQLiteStore.isoTimestamp(from)]
        }
        if let to {
            conditions.append("at < ?")
            arguments += [SQLiteStore.isoTimestamp(to)]
        }
        if let account {
            conditions.append("account = ?")
            arguments += [account]
        }
        for (column, value) in [("kind", kind), ("record", record), ("action", action)] {
            guard let value else { continue }
            conditions.append("\(column) = ?")
            arguments += [value]
        }
        arguments += [limit, offset]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit \(filter) ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?",
                arguments: arguments
            ).map(AuditEntry.init(row:))
        }
    }
}
