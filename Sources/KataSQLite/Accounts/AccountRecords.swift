import Foundation
import GRDB
import ImprovementKata
import KataStore

// How accounts, tokens and audit entries are kept in the rows of migration 0003.

extension Account {
    init(row: Row) throws {
        self.init(
            handle: try row.requiredHandle("handle"), roles: try Role.set(stored: row["roles"]),
            enabled: row["enabled"], created: try row.requiredInstant("created"))
    }
}

extension APIToken {
    /// A token from the columns of `api_token`, prefixed `token_` in a join.
    init(row: Row, prefix: String = "") throws {
        self.init(
            id: try row.requiredUUID(prefix + "id"), handle: try row.requiredHandle(prefix + "handle"),
            name: row[prefix + "name"], created: try row.requiredInstant(prefix + "created"),
            lastUsed: try row.instant(prefix + "lastUsed"), revoked: try row.instant(prefix + "revoked"))
    }
}

extension AuditEntry {
    init(row: Row) throws {
        self.init(
            id: try row.requiredUUID("id"), at: try row.requiredInstant("at"), account: row["account"] as Handle?,
            via: row["via"], kind: row["kind"], record: row["record"], action: row["action"], detail: row["detail"])
    }
}

extension SQLiteStore {
    /// The instant of a timestamp as `isoTimestamp` writes it (`2026-11-20T09:00:00.000Z`), nil
    /// for any other text.
    static func instant(timestamp text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = Day(String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
        let clock = parts[1].dropLast().split(separator: ":")
        guard clock.count == 3, let hours = Int(clock[0]), let minutes = Int(clock[1]),
            let seconds = Double(clock[2]), (0..<24).contains(hours), (0..<60).contains(minutes),
            (0..<60).contains(seconds)
        else { return nil }
        let milliseconds = (seconds * 1000).rounded() / 1000
        return Date(
            timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + hours * 3_600 + minutes * 60) + milliseconds)
    }
}

extension Row {
    /// The instant stored as a timestamp in `column`, nil when the column is NULL.
    func instant(_ column: String) throws -> Date? {
        guard let text = self[column] as String? else { return nil }
        guard let date = SQLiteStore.instant(timestamp: text) else {
            throw KataError.unusableDatabase("the database holds an invalid instant in \(column); run 'kata check'.")
        }
        return date
    }

    /// The instant stored as a timestamp in a NOT NULL column.
    func requiredInstant(_ column: String) throws -> Date {
        guard let date = try instant(column) else {
            throw KataError.unusableDatabase("the database holds no instant in \(column); run 'kata check'.")
        }
        return date
    }
}
