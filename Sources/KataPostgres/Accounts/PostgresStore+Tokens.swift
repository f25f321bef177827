import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Keeps a new API token of an existing account, by the SHA-256 of its text.
    public func addToken(_ token: APIToken, sha256: String) async throws {
        try await write { connection in
            let logger = pool.logger
            _ = try await PostgresStore.requireAccount(token.handle, connection, logger)
            try await connection.query(
                """
                INSERT INTO api_token (id, handle, name, sha256, created, last_used, revoked)
                VALUES (\(token.id), \(token.handle.rawValue), \(token.name), \(sha256), \(Instant.stored(token.created)),
                    \(token.lastUsed.map(Instant.stored)), \(token.revoked.map(Instant.stored)))
                """, logger: logger)
        }
    }

    /// The account and token that a request presenting the token with this SHA-256 signs in as.
    ///
    /// Nil when the token is unknown or revoked, or its account is disabled. Records when it was
    /// used (to the minute: see `Instant.touchInterval`).
    public func owner(ofToken sha256: String, at now: Date) async throws -> TokenOwner? {
        // One statement: no transaction around it (every request signed in with a token asks).
        let found = try await lookup { connection -> TokenOwner? in
            guard
                let row = try await connection.rows(
                    """
                    SELECT \(unescaped: Account.columns("a")), \(unescaped: APIToken.columns("t"))
                    FROM api_token t JOIN account a ON a.handle = t.handle
                    WHERE t.sha256 = \(sha256) AND t.revoked IS NULL AND a.enabled
                    """, pool.logger
                ).first?.makeRandomAccess()
            else { return nil }
            return TokenOwner(account: try Account(row: row), token: try APIToken(row: row, from: 4))
        }
        guard var owner = found, Instant.isStale(owner.token.lastUsed, at: now) else { return found }
        let (used, id) = (Instant.stored(max(now, owner.token.created)), owner.token.id)
        owner.token.lastUsed = used
        try await write { connection in
            _ = try await connection.query(
                "UPDATE api_token SET last_used = \(used) WHERE id = \(id)", logger: pool.logger)
        }
        return owner
    }

    /// The tokens of `handle` that still work, oldest first.
    public func tokens(of handle: Handle) async throws -> [APIToken] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT \(unescaped: APIToken.columns()) FROM api_token
                WHERE handle = \(handle.rawValue) AND revoked IS NULL ORDER BY created, id
                """, pool.logger
            ).map { try APIToken(row: $0.makeRandomAccess()) }
        }
    }

    /// The token with `id`, revoked or not; nil when there is none.
    public func token(id: UUID) async throws -> APIToken? {
        try await read { connection in try await PostgresStore.fetchToken(id, connection, pool.logger) }
    }

    /// Revokes the token `id`, which fails at once; revoking a revoked token changes nothing.
    public func revokeToken(id: UUID, at now: Date) async throws {
        try await write { connection in
            let logger = pool.logger
            try await connection.query(
                """
                UPDATE api_token SET revoked = greatest(\(Instant.stored(now)), created)
                WHERE id = \(id) AND revoked IS NULL
                """, logger: logger)
            guard try await PostgresStore.fetchToken(id, connection, logger) != nil else {
                throw KataError.unknown(
                    kind: "token", reference: String(id.uuidString.lowercased().prefix(8)),
                    hint: "See 'kata token list'.")
            }
        }
    }

    static func fetchToken(_ id: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws -> APIToken? {
        try await connection.rows(
            "SELECT \(unescaped: APIToken.columns()) FROM api_token WHERE id = \(id)", logger
        ).first.map { try APIToken(row: $0.makeRandomAccess()) }
    }
}
