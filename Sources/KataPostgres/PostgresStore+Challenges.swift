import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Adds a challenge; refuses an unknown owner or parent.
    public func addChallenge(_ challenge: Challenge) async throws {
        if let account, account.roles.isDisjoint(with: [.lean, .admin]) {
            throw KataError.forbidden("only lean staff or an admin may add challenges.")
        }
        try await write { connection in
            let logger = pool.logger
            if let owner = challenge.owner {
                try await PostgresStore.requirePerson(owner, as: "owner", connection, logger)
            }
            if let parent = challenge.parent {
                try await PostgresStore.requireChallenge(parent, connection, logger)
            }
            try await connection.query(
                """
                INSERT INTO challenge (id, title, description, owner, by_date, parent)
                VALUES (\(challenge.id), \(challenge.title), \(challenge.description), \(challenge.owner?.rawValue),
                    \(challenge.by?.description)::date, \(challenge.parent))
                """, logger: logger)
        }
    }

    /// Every challenge, parents before their children, then by title.
    public func challenges() async throws -> [Challenge] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT \(unescaped: Challenge.columns) FROM challenge ORDER BY parent IS NOT NULL, title COLLATE "C"
                """, pool.logger
            ).map(Challenge.init(row:))
        }
    }

    /// The challenge with `id`, or nil.
    public func challenge(_ id: UUID) async throws -> Challenge? {
        try await read { connection in
            try await connection.rows(
                "SELECT \(unescaped: Challenge.columns) FROM challenge WHERE id = \(id)", pool.logger
            ).first.map(Challenge.init(row:))
        }
    }

    static func requireChallenge(_ id: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws {
        let exists =
            try await connection.rows(
                "SELECT EXISTS (SELECT 1 FROM challenge WHERE id = \(id))", logger
            ).first?.decode(Bool.self) ?? false
        guard exists else {
            throw KataError.unknown(
                kind: "challenge", reference: id.uuidString.lowercased(), hint: "See 'kata challenge list'.")
        }
    }
}
