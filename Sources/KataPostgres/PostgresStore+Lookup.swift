import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// The full id of the record of `kind` whose id starts with `prefix` (at least 4 characters,
    /// as shown by listings), among the records the caller may see.
    public func resolve(_ kind: RecordKind, _ prefix: String) async throws -> UUID {
        let lower = prefix.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let hex = lower.filter { $0 != "-" }
        guard hex.count >= 4, hex.count <= 32, hex.allSatisfy(\.isHexDigit), lower.count <= 36 else {
            throw KataError.invalidValue(
                field: "\(kind.noun) id", value: prefix,
                expected: "an id or its first characters (at least 4) as shown by '\(kind.listCommand)'")
        }
        // A range scan on the primary key, then the text itself (the dashes where the prefix has them).
        let scope = readScope.map { _ in "AND " + AccessScope.record(kind, "$4") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT id FROM \(kind.rawValue) WHERE id BETWEEN $1::uuid AND $2::uuid AND id::text LIKE $3 \(scope)
                ORDER BY id LIMIT 6
                """)
        query.binds.append(PostgresStore.uuidText(hex.padding(toLength: 32, withPad: "0", startingAt: 0)))
        query.binds.append(PostgresStore.uuidText(hex.padding(toLength: 32, withPad: "f", startingAt: 0)))
        query.binds.append(lower + "%")
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        let matches = try await read { connection in
            try await connection.rows(finished, pool.logger).map { try $0.decode(UUID.self) }
        }
        guard let first = matches.first else {
            throw KataError.unknown(kind: kind.noun, reference: prefix, hint: "See '\(kind.listCommand)' for the ids.")
        }
        guard matches.count == 1 else {
            throw KataError.ambiguous(
                kind: kind.noun, prefix: prefix, matches: matches.map { String($0.uuidString.lowercased().prefix(13)) })
        }
        return first
    }

    /// 32 hex digits as a UUID's text, with its dashes.
    static func uuidText(_ hex: String) -> String {
        let digits = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }
}
