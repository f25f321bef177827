import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// One account for admins (DESIGN §10.2, §10.5), with its API tokens and its forms.
///
/// `GET /admin/accounts/{handle}` shows the account and its API tokens (name, id, created, last
/// used); its forms:
///
/// - `POST /admin/accounts/{handle}/roles` (fields `roles[]`, `csrf`): the roles it is to have
/// - `POST /admin/accounts/{handle}/disable`: it can no longer sign in; it is never deleted
/// - `POST /admin/accounts/{handle}/password-link`: a new one-time set-password link, shown once on
///   the answer page
/// - `POST /admin/tokens/{id}/revoke`: the token fails at once, with the rule and audit entry of
///   `DELETE /api/v1/tokens/{id}`
///
/// Every change goes through what the API's routes use, and a change that worked sends the browser
/// back to the page with a notice (`?done=roles|disabled|revoked`).
struct AdminAccountPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/accounts/{handle}", on: router) { request, context, visitor in
            try AdminAccess.require(visitor)
            let handle = try Self.handle(context)
            return try await show(
                handle, visitor, errors: FieldErrors(), notice: Self.notice(request.uri.queryParameters["done"]),
                status: .ok)
        }
        web.page(.post, "admin/accounts/{handle}/roles", on: router) { request, context, visitor in
            let form = try await AdminAccess.form(AdminRolesForm.self, request, visitor)
            let handle = try Self.handle(context)
            var errors = FieldErrors()
            do {
                let roles = try Role.set(named: form.roles ?? [])
                _ = try await web.accountService(visitor).editAccount(handle, AccountChange(roles: roles))
            } catch let error as KataError where [.invalid, .usage, .conflict].contains(error.kind) {
                errors.add(error.field ?? "roles", error.description)
                return try await show(
                    handle, visitor, roles: form.roles ?? [], errors: errors, status: APIError.status(for: error.kind))
            }
            return PageRenderer.redirect(to: "/admin/accounts/\(handle)?done=roles")
        }
        web.page(.post, "admin/accounts/{handle}/disable", on: router) { request, context, visitor in
            _ = try await AdminAccess.form(AdminButtonForm.self, request, visitor)
            let handle = try Self.handle(context)
            _ = try await web.accountService(visitor).disableAccount(handle)
            return PageRenderer.redirect(to: "/admin/accounts/\(handle)?done=disabled")
        }
        web.page(.post, "admin/accounts/{handle}/password-link", on: router) { request, context, visitor in
            _ = try await AdminAccess.form(AdminButtonForm.self, request, visitor)
            let handle = try Self.handle(context)
            let made = try await web.accountService(visitor).editAccount(handle, AccountChange(passwordLink: true))
            return try await show(
                handle, visitor, errors: FieldErrors(), link: made,
                notice: "A new set-password link for \(handle) is below; it is shown only this once.", status: .ok)
        }
        web.page(.post, "admin/tokens/{id}/revoke", on: router) { request, context, visitor in
            _ = try await AdminAccess.form(AdminButtonForm.self, request, visitor)
            let token = try await TokenRoutes.revoke(
                context.parameters.get("id") ?? "", caller: visitor.caller, source: visitor.source,
                accounts: web.accounts, at: web.server.clock())
            return PageRenderer.redirect(to: "/admin/accounts/\(token.handle)?done=revoked#tokens")
        }
    }

    /// The page of the account `handle`, its roles form as sent, and the link `link` just made.
    func show(
        _ handle: Handle, _ visitor: Visitor, roles: [String]? = nil, errors: FieldErrors,
        link: AccountSummary? = nil, notice: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        guard let summary = try await web.accountService(visitor).account(handle) else {
            throw DirectAccounts.unknown(handle)
        }
        let tokens = try await web.accounts.tokens(of: handle)
        let view = AdminAccountView(
            summary: summary, tokens: tokens, roles: roles, csrf: visitor.csrf, errors: errors, link: link)
        return web.renderer.page(
            "admin-account", view, title: "Account \(handle)", visitor: visitor, notice: notice, status: status)
    }

    /// The account the address names.
    static func handle(_ context: KataRequestContext) throws -> Handle {
        try Handle(typed: context.parameters.get("handle") ?? "", field: "account")
    }

    /// The notice after a change sent the browser back here; only known words are taken.
    static func notice(_ done: Substring?) -> String? {
        guard let done else { return nil }
        switch done {
        case "roles": return "Roles changed."
        case "disabled": return "Account disabled: it can no longer sign in, and its tokens and sessions fail."
        case "revoked": return "Token revoked: it fails at once."
        default: return nil
        }
    }
}
