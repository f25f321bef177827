import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Adds an account for the person `handle`; records it in the audit log in the same transaction.
    ///
    /// Without a password hash the account cannot sign in until a set-password link is used:
    /// `passwordLink` (the SHA-256 of its token) is kept with the account, so that neither is kept
    /// without the other. The person must exist (the error names the nearest handles); an account
    /// exists at most once.
    @discardableResult
    public func addAccount(
        handle: Handle, roles: Set<Role>, passwordHash: String?, passwordLink: (sha256: String, expires: Date)? = nil,
        at now: Date, by source: AuditSource = .file
    ) throws -> Account {
        try write { db in
            try SQLiteStore.requirePerson(handle, as: "person", db)
            if try SQLiteStore.fetchAccount(handle, db) != nil {
                throw KataError.duplicate(kind: "account", reference: handle.rawValue)
            }
            let account = Account(handle: handle, roles: roles, enabled: true, created: now)
            try db.execute(
                sql: "INSERT INTO account (handle, roles, enabled, created, passwordHash) VALUES (?, ?, 1, ?, ?)",
                arguments: [handle, Role.stored(roles), SQLiteStore.isoTimestamp(now), passwordHash])
            var detail = account.auditDescription
            if let passwordLink {
                try SQLiteStore.insertPasswordLink(
                    passwordLink.sha256, handle: handle, expires: passwordLink.expires, db)
                detail += "; " + SQLiteStore.describeLink(expires: passwordLink.expires)
            } else if passwordHash == nil {
                detail += "; no password yet"
            }
            try SQLiteStore.appendAudit(
                db,
                AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "add", detail: detail)
            )
            return account
        }
    }

    /// The account of `handle`, or nil.
    public func account(_ handle: Handle) throws -> Account? {
        try read { db in try SQLiteStore.fetchAccount(handle, db) }
    }

    /// Every account, sorted by handle.
    public func accounts() throws -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY handle").map(Account.init(row:))
        }
    }

    /// Changes an account's roles and whether it is enabled; `nil` leaves a value as it is.
    ///
    /// Disabling an account ends its web sessions at once; its API tokens stop working because
    /// every sign-in looks at the account too.
    @discardableResult
    public func editAccount(
        _ handle: Handle, roles: Set<Role>? = nil, enabled: Bool? = nil, at now: Date, by source: AuditSource = .file
    ) throws -> Account {
        try write { db in
            var account = try SQLiteStore.requireAccount(handle, db)
            if let roles { account.roles = roles }
            if let enabled { account.enabled = enabled }
            try db.execute(
                sql: "UPDATE account SET roles = ?, enabled = ? WHERE handle = ?",
                arguments: [Role.stored(account.roles), account.enabled, handle])
            if !account.enabled {
                try db.execute(
                    sql: "UPDATE web_session SET ended = max(?, created) WHERE handle = ? AND ended IS NULL",
                    arguments: [SQLiteStore.isoTimestamp(now), handle])
            }
            try SQLiteStore.appendAudit(
                db,
                AuditEntry(
                    at: now, by: source, kind: "account", record: handle.rawValue,
                    action: enabled == false ? "disable" : "edit", detail: account.auditDescription))
            return account
        }
    }

    /// Sets the bcrypt hash of an account's password (the password itself never reaches the store).
    public func setPasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource = .file) throws {
        try write { db in
            _ = try SQLiteStore.requireAccount(handle, db)
            try SQLiteStore.storePasswordHash(handle, hash: hash, at: now, by: source, db)
        }
    }

    /// What a sign-in checks a password against: the account and its password hash; nil when there
    /// is no such account, it has no password yet, or it is disabled (all three refused alike).
    public func signInRecord(_ handle: Handle) throws -> (Account, passwordHash: String)? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM account WHERE handle = ? AND enabled = 1 AND passwordHash IS NOT NULL",
                    arguments: [handle])
            else { return nil }
            return (try Account(row: row), row["passwordHash"])
        }
    }

    static func storePasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource, _ db: Database)
        throws
    {
        try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE handle = ?", arguments: [hash, handle])
        try appendAudit(
            db, AuditEntry(at: now, by: source, kind: "account", record: handle.rawValue, action: "set-password"))
    }

    static func fetchAccount(_ handle: Handle, _ db: Database) throws -> Account? {
        try Row.fetchOne(db, sql: "SELECT * FROM account WHERE handle = ?", arguments: [handle]).map(Account.init(row:))
    }

    /// The account of `handle`; `KataError.unknown` when there is none.
    static func requireAccount(_ handle: Handle, _ db: Database) throws -> Account {
        guard let account = try fetchAccount(handle, db) else {
            throw KataError.unknownAccount(handle)
        }
        return account
    }
}
