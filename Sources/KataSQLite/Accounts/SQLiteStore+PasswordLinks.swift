import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Keeps a one-time set-password link of an existing account, by the SHA-256 of its token,
    /// and records it in the audit log.
    public func addPasswordLink(
        sha256: String, handle: Handle, expires: Date, at now: Date, by source: AuditSource = .file
    ) throws {
        try write { db in
            _ = try SQLiteStore.requireAccount(handle, db)
            try SQLiteStore.insertPasswordLink(sha256, handle: handle, expires: expires, db)
            try SQLiteStore.appendAudit(
                db,
                AuditEntry(
                    at: now, by: source, kind: "account", record: handle.rawValue, action: "password-link",
                    detail: SQLiteStore.describeLink(expires: expires)))
        }
    }

    static func insertPasswordLink(_ sha256: String, handle: Handle, expires: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO password_link (sha256, handle, expires) VALUES (?, ?, ?)",
            arguments: [sha256, handle, isoTimestamp(expires)])
    }

    /// `set-password link valid until 2026-11-21T09:00:00.000Z`, for the audit log.
    static func describeLink(expires: Date) -> String {
        "set-password link valid until \(isoTimestamp(expires))"
    }

    /// Sets the password of the link's account and uses the link up; returns whose password it set.
    ///
    /// One transaction. A link works once and until it expires; otherwise `KataError.notSignedIn`
    /// says why, and nothing is written.
    @discardableResult
    public func usePasswordLink(sha256: String, passwordHash: String, at now: Date) throws -> Handle {
        try write { db in
            let askAgain = "Ask an administrator for a new one."
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM password_link WHERE sha256 = ?", arguments: [sha256])
            else {
                throw KataError.notSignedIn(
                    "this set-password link is not one kata made (check that the whole link was copied). \(askAgain)")
            }
            let handle = try row.requiredHandle("handle")
            if try row.instant("used") != nil {
                throw KataError.notSignedIn(
                    "this set-password link has been used already: each link sets a password once. \(askAgain)")
            }
            let expires = try row.requiredInstant("expires")
            guard now < expires else {
                throw KataError.notSignedIn(
                    "this set-password link expired at \(SQLiteStore.isoTimestamp(expires)). \(askAgain)")
            }
            try db.execute(
                sql: "UPDATE password_link SET used = ? WHERE sha256 = ?",
                arguments: [SQLiteStore.isoTimestamp(now), sha256])
            try SQLiteStore.storePasswordHash(handle, hash: passwordHash, at: now, by: .link(account: handle), db)
            return handle
        }
    }
}
