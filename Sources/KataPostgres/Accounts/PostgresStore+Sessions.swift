import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Keeps a new web session of an existing account, by the SHA-256 of its id, with the CSRF
    /// token its forms carry.
    public func addSession(sha256: String, handle: Handle, csrf: String, at now: Date) async throws {
        try await write { connection in
            let logger = pool.logger
            _ = try await PostgresStore.requireAccount(handle, connection, logger)
            let stamp = Instant.stored(now)
            try await connection.query(
                """
                INSERT INTO web_session (sha256, handle, csrf, created, last_seen)
                VALUES (\(sha256), \(handle.rawValue), \(csrf), \(stamp), \(stamp))
                """, logger: logger)
        }
    }

    /// The account and CSRF token of the session with this SHA-256.
    ///
    /// Nil when there is none, it has ended, it has been idle for `WebSession.idleLimit`, it is
    /// older than `WebSession.lifetime`, or its account is disabled. Records the request (to the
    /// minute: see `Instant.touchInterval`).
    public func session(sha256: String, at now: Date) async throws -> WebSession? {
        let found = try await read { connection -> (WebSession, lastSeen: Date)? in
            guard
                let row = try await connection.rows(
                    """
                    SELECT \(unescaped: Account.columns("a")), s.csrf, s.last_seen
                    FROM web_session s JOIN account a ON a.handle = s.handle
                    WHERE s.sha256 = \(sha256) AND s.ended IS NULL AND a.enabled
                        AND s.last_seen > \(Instant.stored(now - WebSession.idleLimit))
                        AND s.created > \(Instant.stored(now - WebSession.lifetime))
                    """, pool.logger
                ).first?.makeRandomAccess()
            else { return nil }
            return (
                WebSession(account: try Account(row: row), csrf: try row[4].decode(String.self)),
                try row[5].decode(Date.self)
            )
        }
        guard let (session, lastSeen) = found else { return nil }
        if Instant.isStale(lastSeen, at: now) {
            try await write { connection in
                _ = try await connection.query(
                    """
                    UPDATE web_session SET last_seen = greatest(\(Instant.stored(now)), last_seen)
                    WHERE sha256 = \(sha256)
                    """, logger: pool.logger)
            }
        }
        return session
    }

    /// Ends the session with this SHA-256 (signing out); ending an ended or unknown one does nothing.
    public func endSession(sha256: String, at now: Date) async throws {
        try await write { connection in
            _ = try await connection.query(
                """
                UPDATE web_session SET ended = greatest(\(Instant.stored(now)), created)
                WHERE sha256 = \(sha256) AND ended IS NULL
                """, logger: pool.logger)
        }
    }
}
