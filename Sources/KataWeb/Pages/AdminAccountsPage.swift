import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /admin/accounts` (every account: handle, name, roles, enabled, created) and **Add an
/// account**, `POST /admin/accounts` (fields `handle`, `roles[]`, `csrf`), for admins (DESIGN §10.2,
/// §10.5).
///
/// An account is added through the API's `DirectAccounts`, with its rules and its audit entry,
/// without a password: the answer page shows the one-time set-password link this once (it is in
/// no address and no log line). A refused form keeps what was typed and says why next to the field.
struct AdminAccountsPage {
    let web: WebPages

    /// The kinds of refusal shown next to a field of the form, not as a page of their own.
    static let refusedByForm: [KataError.Kind] = [.invalid, .usage, .conflict, .notFound]

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/accounts", on: router) { _, _, visitor in
            try AdminAccess.require(visitor)
            return try await list(visitor, form: AdminAccountForm(), errors: FieldErrors(), status: .ok)
        }
        web.page(.post, "admin/accounts", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(AdminAccountForm.self, request, visitor)
            let account: NewAccount
            switch form.newAccount() {
            case let .success(made): account = made
            case let .failure(errors): return try await list(visitor, form: form, errors: errors, status: .badRequest)
            }
            let added: AccountSummary
            do {
                added = try await web.accountService(visitor).addAccount(account)
            } catch let error as KataError where Self.refusedByForm.contains(error.kind) {
                var errors = FieldErrors()
                errors.add(error.field ?? "handle", error.description)
                return try await list(
                    visitor, form: form, errors: errors, status: APIError.status(for: error.kind))
            }
            return try await list(
                visitor, form: AdminAccountForm(), errors: FieldErrors(), added: added, status: .created)
        }
    }

    /// The page of every account, with the form as typed and the link of the account just added.
    func list(
        _ visitor: Visitor, form: AdminAccountForm, errors: FieldErrors, added: AccountSummary? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let accounts = try await web.accountService(visitor).accounts()
        let view = AdminAccountsView(accounts: accounts, added: added, form: form, csrf: visitor.csrf, errors: errors)
        let notice = added.map { "Account \($0.account.handle) added." }
        return web.renderer.page(
            "admin-accounts", view, title: "Accounts", visitor: visitor, notice: notice, status: status)
    }
}
