import Foundation
import ImprovementKata

/// Accounts and the audit log in the seam (DESIGN §3, §10.2): what `kata account …`, `kata audit`
/// and `kata export review --made-about-me` use, against a database file (`DirectAccounts`) and
/// through a server's API (`RemoteStore`) alike.
///
/// Passwords are taken as typed and hashed where they are kept (bcrypt, cost 12): over the API the
/// client sends the password (TLS) and the server hashes it; no answer ever holds it. A set-password
/// link is made by the store that keeps it and shown once, in the answer that made it.
///
/// Everything but `reviewPacketsMade(about:)` is for administrators: anyone else is refused
/// (`KataError.forbidden`).
///
/// ```swift
/// let added = try await accounts.addAccount(NewAccount(handle: dee, roles: [.admin], password: nil))
/// print(added.setPasswordLink?.url ?? "")   // https://kata.example.org/set-password/kata_…
/// ```
public protocol AccountService: Sendable {
    /// Every account with its person's name, sorted by handle.
    func accounts() async throws -> [AccountSummary]
    /// The account of `handle`, or nil when there is none.
    func account(_ handle: Handle) async throws -> AccountSummary?
    /// Adds an account for an existing person: with the password given, else with a one-time
    /// set-password link valid for 24 hours (in the answer, this once).
    func addAccount(_ request: NewAccount) async throws -> AccountSummary
    /// Changes an account's roles, whether it may sign in, its password, or makes a new link.
    func editAccount(_ handle: Handle, _ change: AccountChange) async throws -> AccountSummary
    /// Stops an account from signing in; its sessions and tokens stop at once.
    func disableAccount(_ handle: Handle) async throws -> AccountSummary
    /// The audit log as `query` asks for it, newest first.
    func audit(_ query: AuditQuery) async throws -> [AuditEntry]
    /// The audit entries of the review packets made about `coach`, newest first: about the caller
    /// when `coach` is nil (a file has no caller, so it needs a coach).
    func reviewPacketsMade(about coach: Handle?) async throws -> [AuditEntry]
}
