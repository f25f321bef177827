import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Appends `entry` to the audit log in a transaction of its own.
    public func recordAudit(_ entry: AuditEntry) async throws {
        try await write { connection in try await entry.insert(connection, pool.logger) }
    }

    /// The audit entries `query` asks for, newest first: those at or after `from` and before `to`,
    /// of `account`, `kind`, `record` and `action` when given, `limit` of them after skipping `offset`.
    public func audit(_ query: AuditQuery) async throws -> [AuditEntry] {
        guard query.limit > 0 else {
            throw KataError.invalidValue(
                field: "limit", value: String(query.limit), expected: "a whole number above 0")
        }
        guard query.offset >= 0 else {
            throw KataError.invalidValue(
                field: "offset", value: String(query.offset), expected: "a whole number, 0 or more")
        }
        var binds = PostgresBindings()
        var conditions: [String] = []
        func bind(_ condition: (String) -> String, _ value: some PostgresDynamicTypeEncodable) {
            binds.append(value)
            conditions.append(condition("$\(binds.count)"))
        }
        if let from = query.from { bind({ "at >= \($0)" }, Instant.stored(from)) }
        if let to = query.to { bind({ "at < \($0)" }, Instant.stored(to)) }
        if let account = query.account { bind({ "account = \($0)" }, account.rawValue) }
        for (column, value) in [("kind", query.kind), ("record", query.record), ("action", query.action)] {
            if let value { bind({ "\(column) = \($0)" }, value) }
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        binds.append(query.limit)
        binds.append(query.offset)
        let statement = PostgresQuery(
            unsafeSQL: """
                SELECT \(AuditEntry.columns) FROM audit \(filter)
                ORDER BY at DESC, seq DESC LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds)
        return try await read { connection in
            try await connection.rows(statement, pool.logger).map(AuditEntry.init(row:))
        }
    }
}
