import Foundation
import ImprovementKata

/// The web app's sessions and the one-time set-password links, as the server reaches them
/// (DESIGN §10.2): kept in the database, so that several servers share them.
///
/// A session is kept by the SHA-256 of the secret in its cookie, never by the secret itself, with
/// the CSRF token its forms carry. It ends after `WebSession.idleLimit` without a request, after
/// `WebSession.lifetime` however busy, at sign-out, and when its account is disabled.
///
/// ```swift
/// let secret = SecretToken.random()
/// try await accounts.addSession(sha256: secret.sha256, handle: ann, csrf: csrf, at: now)
/// let session = try await accounts.session(sha256: secret.sha256, at: now)   // ann's, until it ends
/// ```
public protocol WebSessionDirectory: Sendable {
    /// Keeps a new session of the existing account `handle`.
    func addSession(sha256: String, handle: Handle, csrf: String, at now: Date) async throws
    /// The session whose cookie secret hashes to `sha256`, noting the request; nil when there is
    /// none, it has ended or expired, or its account is disabled.
    func session(sha256: String, at now: Date) async throws -> WebSession?
    /// Ends the session (signing out); ending an ended or unknown one does nothing.
    func endSession(sha256: String, at now: Date) async throws
    /// Sets the password of the account of the set-password link whose token hashes to `sha256`,
    /// and uses the link up; returns whose password it set. A link works once and until it
    /// expires, else `KataError.notSignedIn` says why, and nothing is written.
    func usePasswordLink(sha256: String, passwordHash: String, at now: Date) async throws -> Handle
}

/// A signed-in web session: whose it is and the CSRF token every form of it carries.
public struct WebSession: Sendable, Equatable {
    /// A session ends after this long without a request: 12 hours.
    public static let idleLimit: TimeInterval = 12 * 3_600
    /// A session ends this long after it began, however busy: 30 days.
    public static let lifetime: TimeInterval = 30 * 86_400

    public var account: Account
    /// The token a form of this session must send back in its `csrf` field.
    public var csrf: String

    public init(account: Account, csrf: String) {
        self.account = account
        self.csrf = csrf
    }
}
