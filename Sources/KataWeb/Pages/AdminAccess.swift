import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// The gate of the admin pages (DESIGN §10.3, §10.5): only an admin opens them; anyone else
/// signed in gets the 403 page, and a POST is refused for a wrong CSRF token before that.
///
/// ```swift
/// web.page(.get, "admin/audit", on: router) { request, _, visitor in
///     try AdminAccess.require(visitor)
///     …
/// }
/// ```
enum AdminAccess {
    /// Refuses a visitor who is not an admin, in the words of the API's account routes.
    static func require(_ visitor: Visitor) throws {
        try visitor.caller.requireAdmin("manage accounts and read the audit log")
    }

    /// The form of an admin page's POST once its `csrf` field is the session's and the visitor is
    /// an admin; a refusal (403) otherwise, before anything is read from the store or written.
    static func form<Form: AdminForm>(_ type: Form.Type, _ request: Request, _ visitor: Visitor) async throws -> Form {
        let form = try await WebPages.form(Form.self, request)
        guard CSRF.matches(form.csrf, visitor.csrf) else { throw KataError.forbidden(CSRF.refused) }
        try require(visitor)
        return form
    }
}

/// A form the admin pages take: it carries its session's CSRF token.
protocol AdminForm: Decodable, Sendable {
    var csrf: String? { get }
}

/// A form with nothing but its CSRF token: disable an account, make a new set-password link,
/// revoke a token.
struct AdminButtonForm: AdminForm {
    var csrf: String?
}

extension WebPages {
    /// The accounts as `visitor` may manage them: the `DirectAccounts` of the API's account routes,
    /// with the rules, password hashing and set-password links of those, its writes audited as the
    /// visitor's session.
    func accountService(_ visitor: Visitor) -> DirectAccounts {
        DirectAccounts.onServer(
            accounts, caller: visitor.caller, source: visitor.source, clock: server.clock,
            linkBase: server.configuration.linkBase)
    }

    /// Instants as the admin pages show them, in ISO 8601 UTC as the API writes them:
    /// `2026-11-20T08:00:00Z`.
    static func instant(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
