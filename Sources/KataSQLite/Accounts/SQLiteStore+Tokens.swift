import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// How stale a token's `lastUsed` or a session's `lastSeen` may get before a request writes it
    /// again: a write per request would halve what the server can log, for a precision nobody reads.
    static let touchInterval: TimeInterval = 60

    /// Keeps a new API token of an existing account, by the SHA-256 of its text.
    public func addToken(_ token: APIToken, sha256: String) throws {
        try write { db in
            _ = try SQLiteStore.requireAccount(token.handle, db)
            try db.execute(
                sql: """
                    INSERT INTO api_token (id, handle, name, sha256, created, lastUsed, revoked)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.id.text, token.handle, token.name, sha256, SQLiteStore.isoTimestamp(token.created),
                    token.lastUsed.map(SQLiteStore.isoTimestamp), token.revoked.map(SQLiteStore.isoTimestamp),
                ])
        }
    }

    /// The account and token that a request presenting the token with this SHA-256 signs in as.
    ///
    /// Nil when the token is unknown or revoked, or its account is disabled. Records when it was
    /// used (to the minute: see `touchInterval`).
    public func tokenOwner(sha256: String, at now: Date) throws -> (Account, APIToken)? {
        let found = try read { db -> (Account, APIToken)? in
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT account.*, t.id AS token_id, t.handle AS token_handle, t.name AS token_name,
                            t.created AS token_created, t.lastUsed AS token_lastUsed, t.revoked AS token_revoked
                        FROM api_token t JOIN account ON account.handle = t.handle
                        WHERE t.sha256 = ? AND t.revoked IS NULL AND account.enabled = 1
                        """), arguments: [sha256])
            return try row.map { (try Account(row: $0), try APIToken(row: $0, prefix: "token_")) }
        }
        guard let (account, token) = found else { return nil }
        guard SQLiteStore.isStale(token.lastUsed, at: now) else { return (account, token) }
        var used = token
        used.lastUsed = max(now, token.created)
        try write { db in
            try db.execute(
                sql: "UPDATE api_token SET lastUsed = ? WHERE id = ?",
                arguments: [used.lastUsed.map(SQLiteStore.isoTimestamp), token.id.text])
        }
        return (account, used)
    }

    /// The tokens of `handle` that still work, oldest first.
    public func tokens(handle: Handle) throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM api_token WHERE handle = ? AND revoked IS NULL ORDER BY created, id",
                arguments: [handle]
            ).map { try APIToken(row: $0) }
        }
    }

    /// The token with `id`, revoked or not; nil when there is none.
    public func token(_ id: UUID) throws -> APIToken? {
        try read { db in try SQLiteStore.fetchToken(id, db) }
    }

    /// Revokes the token `id`, which fails at once; revoking a revoked token changes nothing.
    @discardableResult
    public func revokeToken(_ id: UUID, at now: Date) throws -> APIToken {
        try write { db in
            try db.execute(
                sql: "UPDATE api_token SET revoked = max(?, created) WHERE id = ? AND revoked IS NULL",
                arguments: [SQLiteStore.isoTimestamp(now), id.text])
            guard let token = try SQLiteStore.fetchToken(id, db) else {
                throw KataError.unknown(kind: "token", reference: id.short, hint: "See 'kata token list'.")
            }
            return token
        }
    }

    static func fetchToken(_ id: UUID, _ db: Database) throws -> APIToken? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id.text]).map {
            try APIToken(row: $0)
        }
    }

    /// Whether an instant last written at `written` should be written again at `now`.
    static func isStale(_ written: Date?, at now: Date) -> Bool {
        guard let written else { return true }
        return now.timeIntervalSince(written) >= touchInterval
    }
}
