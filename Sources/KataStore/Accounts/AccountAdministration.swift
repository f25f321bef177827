import Foundation
import ImprovementKata

/// What a store that keeps accounts does for the people who run it: list, add and change accounts,
/// set passwords and links, read the audit log (DESIGN §10.2).
///
/// The store's side of account administration: passwords arrive hashed, links as the SHA-256 of
/// their token, and every write names who made it, so that the write and its audit entry are one
/// transaction. Commands and the API use `AccountService` instead, which takes a password as typed
/// and decides who may. The SQLite store implements it, and `InMemoryAccountDirectory` for tests.
public protocol AccountAdministration: Sendable {
    /// Every account, sorted by handle.
    func accounts() async throws -> [Account]
    /// The account of `handle`, or nil.
    func account(_ handle: Handle) async throws -> Account?
    /// Adds an account for the existing person `handle`, with a password hash, or a set-password
    /// link kept with it (by the SHA-256 of its token), or neither.
    func addAccount(
        handle: Handle, roles: Set<Role>, passwordHash: String?, passwordLink: (sha256: String, expires: Date)?,
        at now: Date, by source: AuditSource
    ) async throws -> Account
    /// Changes an account's roles and whether it is enabled; nil leaves a value as it is.
    func editAccount(_ handle: Handle, roles: Set<Role>?, enabled: Bool?, at now: Date, by source: AuditSource)
        async throws -> Account
    /// Sets the bcrypt hash of an account's password.
    func setPasswordHash(_ handle: Handle, hash: String, at now: Date, by source: AuditSource) async throws
    /// Keeps a new one-time set-password link of an existing account, by the SHA-256 of its token.
    func addPasswordLink(sha256: String, handle: Handle, expires: Date, at now: Date, by source: AuditSource)
        async throws
    /// The audit entries `query` asks for, newest first.
    func audit(_ query: AuditQuery) async throws -> [AuditEntry]
}

/// A store of accounts: the sign-in the server needs, the web app's sessions and the
/// administration of accounts.
public typealias AccountStore = AccountDirectory & AccountAdministration & WebSessionDirectory
