import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// A web session ends after this long without a request.
    public static let sessionIdleLimit: TimeInterval = WebSession.idleLimit
    /// A web session ends this long after it began, however busy.
    public static let sessionLifetime: TimeInterval = WebSession.lifetime

    /// Keeps a new web session of an existing account, by the SHA-256 of its id, with the CSRF
    /// token its forms carry.
    public func addSession(sha256: String, handle: Handle, csrf: String, at now: Date) throws {
        try write { db in
            _ = try SQLiteStore.requireAccount(handle, db)
            let stamp = SQLiteStore.isoTimestamp(now)
            try db.execute(
                sql: "INSERT INTO web_session (sha256, handle, csrf, created, lastSeen) VALUES (?, ?, ?, ?, ?)",
                arguments: [sha256, handle, csrf, stamp, stamp])
        }
    }

    /// The account and CSRF token of the session with this SHA-256.
    ///
    /// Nil when there is none, it has ended, it has been idle for `sessionIdleLimit`, it is older
    /// than `sessionLifetime`, or its account is disabled. Records the request (to the minute: see
    /// `touchInterval`).
    public func sessionOwner(sha256: String, at now: Date) throws -> (Account, csrf: String)? {
        let found = try read { db -> (Account, csrf: String, lastSeen: Date)? in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT account.*, s.csrf, s.lastSeen AS session_lastSeen
                    FROM web_session s JOIN account ON account.handle = s.handle
                    WHERE s.sha256 = ? AND s.ended IS NULL AND account.enabled = 1
                        AND s.lastSeen > ? AND s.created > ?
                    """,
                arguments: [
                    sha256, SQLiteStore.isoTimestamp(now - SQLiteStore.sessionIdleLimit),
                    SQLiteStore.isoTimestamp(now - SQLiteStore.sessionLifetime),
                ])
            return try row.map { (try Account(row: $0), $0["csrf"], try $0.requiredInstant("session_lastSeen")) }
        }
        guard let (account, csrf, lastSeen) = found else { return nil }
        if SQLiteStore.isStale(lastSeen, at: now) {
            try write { db in
                try db.execute(
                    sql: "UPDATE web_session SET lastSeen = max(?, lastSeen) WHERE sha256 = ?",
                    arguments: [SQLiteStore.isoTimestamp(now), sha256])
            }
        }
        return (account, csrf)
    }

    /// Ends the session with this SHA-256 (signing out); ending an ended or unknown one does nothing.
    public func endSession(sha256: String, at now: Date) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE web_session SET ended = max(?, created) WHERE sha256 = ? AND ended IS NULL",
                arguments: [SQLiteStore.isoTimestamp(now), sha256])
        }
    }
}
