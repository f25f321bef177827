import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Keeps a one-time set-password link of an existing account, by the SHA-256 of its token,
    /// and records it in the audit log.
    public func addPasswordLink(
        sha256: String, handle: Handle, expires: Date, at now: Date, by source: AuditSource = .file
    ) async throws {
        let expires = Instant.stored(expires)
        try await write { connection in
            let logger = pool.logger
            _ = try await PostgresStore.requireAccount(handle, connection, logger)
            try await PostgresStore.insertPasswordLink(sha256, handle: handle, expires: expires, connection, logger)
            try await AuditEntry(
                at: now, by: source, kind: "account", record: handle.rawValue, action: "password-link",
                detail: try await PostgresStore.describeLink(expires: expires, connection, logger)
            ).insert(connection, logger)
        }
    }

    static func insertPasswordLink(
        _ sha256: String, handle: Handle, expires: Date, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        try await connection.query(
            "INSERT INTO password_link (sha256, handle, expires) VALUES (\(sha256), \(handle.rawValue), \(expires))",
            logger: logger)
    }

    /// `set-password link valid until 2026-11-21T09:00:00.000Z`, for the audit log.
    static func describeLink(expires: Date, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> String
    {
        "set-password link valid until " + (try await instantText(expires, connection, logger))
    }

    /// `date` written as the SQLite store writes instants, by the database.
    static func instantText(_ date: Date, _ connection: PostgresConnection, _ logger: Logger) async throws -> String {
        try await connection.rows(
            PostgresQuery(
                unsafeSQL: "SELECT \(Instant.text("$1::timestamptz"))",
                binds: {
                    var binds = PostgresBindings()
                    binds.append(Instant.stored(date))
                    return binds
                }()), logger
        ).first?.decode(String.self) ?? ""
    }

    /// Sets the password of the link's account and uses the link up; returns whose password it set.
    ///
    /// One transaction. A link works once and until it expires; otherwise `KataError.notSignedIn`
    /// says why, and nothing is written.
    @discardableResult
    public func usePasswordLink(sha256: String, passwordHash: String, at now: Date) async throws -> Handle {
        try await write { connection in
            let logger = pool.logger
            let askAgain = "Ask an administrator for a new one."
            guard
                let row = try await connection.rows(
                    "SELECT handle, used, expires FROM password_link WHERE sha256 = \(sha256) FOR UPDATE", logger
                ).first
            else {
                throw KataError.notSignedIn(
                    "this set-password link is not one kata made (check that the whole link was copied). \(askAgain)")
            }
            let (text, used, expires) = try row.decode((String, Date?, Date).self)
            let handle = try Column.handle(text, "password_link.handle")
            if used != nil {
                throw KataError.notSignedIn(
                    "this set-password link has been used already: each link sets a password once. \(askAgain)")
            }
            guard now < expires else {
                let when = try await PostgresStore.instantText(expires, connection, logger)
                throw KataError.notSignedIn("this set-password link expired at \(when). \(askAgain)")
            }
            try await connection.query(
                "UPDATE password_link SET used = \(Instant.stored(now)) WHERE sha256 = \(sha256)", logger: logger)
            try await PostgresStore.storePasswordHash(
                handle, hash: passwordHash, at: now, by: .link(account: handle), connection, logger)
            return handle
        }
    }
}
