import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// Accounts in the database (DESIGN §10.2), with the SQLite store's rules and words: every write
/// and its audit entry in one transaction, and nothing in one server's memory that another needs.
extension PostgresStore: AccountDirectory, AccountAdministration, WebSessionDirectory {
    /// Adds an account for the person `handle`; records it in the audit log in the same transaction.
    ///
    /// Without a password hash the account cannot sign in until a set-password link is used:
    /// `passwordLink` (the SHA-256 of its token) is kept with the account.
    @discardableResult
    public func addAccount(
        handle: Handle, roles: Set<Role>, passwordHash: String?, passwordLink: (sha256: String, expires: Date)? = nil,
        at now: Date, by source: AuditSource = .file
    ) async throws -> Account {
        let link = passwordLink.map { (sha256: $0.sha256, expires: Instant.stored($0.expires)) }
        return try await write { connection in
            let logger = pool.logger
            try await PostgresStore.requirePerson(handle, as: "person", connection, logger)
            if try await PostgresStore.fetchAccount(handle, connection, logger) != nil {
                throw KataError.duplicate(kind: "account", reference: handle.rawValue)
            }
            let account = Account(handle: handle, roles: roles, enabled: true, created: Instant.stored(now))
            try await connection.query(
                """
                INSERT INTO account (handle, roles, enabled, created, password_hash)
                VALUES (\(handle.rawValue), \(Role.stored(roles)), true, \(account.created), \(passwordHash))
                """, logger: logger)
            var detail = account.auditDescription
            if let link {
                try await PostgresStore.insertPasswordLink(
                    link.sha256, handle: handle, expires: link.expires, connection, logger)
                detail += "; " + (try await PostgresStore.describeLink(expires: link.expires, connection, logger))
            } else if passwordHash == nil {
                detail += "; no password yet"
            }
            try await AuditEntry(
                at: now, by: source, kind: "account", record: handle.rawValue, action: "add", detail: detail
            ).insert(connection, logger)
            return account
        }
    }

    /// The account of `handle`, or nil.
    public func account(_ handle: Handle) async throws -> Account? {
        try await read { connection in try await PostgresStore.fetchAccount(handle, connection, pool.logger) }
    }

    /// Every account, sorted by handle.
    public func accounts() async throws -> [Account] {
        try await read { connection in
            try await connection.rows(
                "SELECT \(unescaped: Account.columns()) FROM account ORDER BY handle", pool.logger
            ).map { try Account(row: $0.makeRandomAccess()) }
        }
    }

    /// Changes an account's roles and whether it is enabled; `nil` leaves a value as it is.
    ///
    /// Disabling an account ends its web sessions at once; its API tokens stop working because
    /// every sign-in looks at the account too.
    @discardableResult
    public func editAccount(
        _ handle: Handle, roles: Set<Role>? = nil, enabled: Bool? = nil, at now: Date, by source: AuditSource = .file
    ) async throws -> Account {
        try await write { connection in
            let logger = pool.logger
            var account = try await PostgresStore.requireAccount(handle, connection, logger, forUpdate: true)
            if let roles { account.roles = roles }
            if let enabled { account.enabled = enabled }
            try await connection.query(
                """
                UPDATE account SET roles = \(Role.stored(account.roles)), enabled = \(account.enabled)
                WHERE handle = \(handle.rawValue)
                """, logger: logger)
            if !account.enabled {
                try await connection.query(
                    """
                    UPDATE web_session SET ended = greatest(\(Instant.stored(now)), created)
                    WHERE handle = \(handle.rawValue) AND ended IS NULL
                    """, logger: logger)
            }
            try await AuditEntry(
                at: now, by: source, kind: "account", record: handle.rawValue,
                action: enabled == false ? "disable" : "edit", detail: account.auditDescription
            ).insert(connection, logger)
            return account
        }
    }

    /// Sets the bcrypt hash of an account's password (the password itself never reaches the store).
    public func setPasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource = .file)
        async throws
    {
        try await write { connection in
            let logger = pool.logger
            _ = try await PostgresStore.requireAccount(handle, connection, logger)
            try await PostgresStore.storePasswordHash(handle, hash: hash, at: now, by: source, connection, logger)
        }
    }

    /// The account and its password hash; nil when there is no such account, it has no password
    /// yet, or it is disabled (all three refused alike).
    public func signInRecord(handle: Handle) async throws -> SignInRecord? {
        try await read { connection in
            guard
                let row = try await connection.rows(
                    """
                    SELECT \(unescaped: Account.columns()), password_hash FROM account
                    WHERE handle = \(handle.rawValue) AND enabled AND password_hash IS NOT NULL
                    """, pool.logger
                ).first?.makeRandomAccess()
            else { return nil }
            return SignInRecord(account: try Account(row: row), passwordHash: try row[4].decode(String.self))
        }
    }

    /// The name of the person with `handle`, nil when there is none.
    public func personName(handle: Handle) async throws -> String? { try await person(handle)?.name }

    static func storePasswordHash(
        _ handle: Handle, hash: String, at now: Date, by source: AuditSource, _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        try await connection.query(
            "UPDATE account SET password_hash = \(hash) WHERE handle = \(handle.rawValue)", logger: logger)
        try await AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "set-password")
            .insert(connection, logger)
    }

    static func fetchAccount(
        _ handle: Handle, _ connection: PostgresConnection, _ logger: Logger, forUpdate: Bool = false
    ) async throws -> Account? {
        try await connection.rows(
            """
            SELECT \(unescaped: Account.columns()) FROM account WHERE handle = \(handle.rawValue)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger
        ).first.map { try Account(row: $0.makeRandomAccess()) }
    }

    /// The account of `handle`; `KataError.unknown` when there is none.
    static func requireAccount(
        _ handle: Handle, _ connection: PostgresConnection, _ logger: Logger, forUpdate: Bool = false
    ) async throws -> Account {
        guard let account = try await fetchAccount(handle, connection, logger, forUpdate: forUpdate) else {
            throw KataError.unknownAccount(handle)
        }
        return account
    }
}
