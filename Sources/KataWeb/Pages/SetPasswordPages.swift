import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /set-password/{token}` and `POST /set-password/{token}` (fields `password`, `confirm`,
/// `csrf`): the one-time link `kata account add` prints, good for 24 hours (DESIGN §10.2).
struct SetPasswordPages {
    let web: WebPages

    struct SetPasswordForm: Decodable {
        var password: String?
        var confirm: String?
        var csrf: String?
    }

    struct SetPasswordView {
        var token: String
        var csrf: String
        var message: String?
        var password: FormField
        var confirm: FormField
    }

    func add(to router: Router<KataRequestContext>) {
        router.get("set-password/{token}") { request, context in
            form(request, context, message: nil)
        }
        router.post("set-password/{token}") { request, context in
            let form = try await WebPages.form(SetPasswordForm.self, request)
            guard CSRF.matches(form.csrf, SessionCookies.preSessionCSRF(of: request)) else {
                return web.problem(.forbidden(CSRF.refused), visitor: nil)
            }
            let password = form.password ?? ""
            do {
                try Password.check(password)
            } catch let error as KataError {
                return self.form(request, context, passwordError: error.description, status: .badRequest)
            }
            guard password == form.confirm else {
                return self.form(
                    request, context, confirmError: "the two passwords differ; type the same one twice.",
                    status: .badRequest)
            }
            guard let link = SecretToken(presented: context.parameters.get("token") ?? "") else {
                return self.form(request, context, message: Self.notALink, status: .unauthorized)
            }
            let hash = try await PasswordCheck.hash(password)
            do {
                _ = try await web.accounts.usePasswordLink(
                    sha256: link.sha256, passwordHash: hash, at: web.server.clock())
            } catch let error as KataError {
                return self.form(request, context, message: error.description, status: APIError.status(for: error.kind))
            }
            return PageRenderer.redirect(to: "/login?password-set=1")
        }
    }

    static let notALink =
        "this set-password link is not one kata made (check that the whole link was copied). "
        + "Ask an administrator for a new one."

    /// The form, with a pre-session CSRF token; the password typed is never shown again.
    private func form(
        _ request: Request, _ context: KataRequestContext, message: String? = nil, passwordError: String? = nil,
        confirmError: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = SessionCookies.preSessionCSRF(of: request) ?? SecretToken.random().text
        let view = SetPasswordView(
            token: context.parameters.get("token") ?? "", csrf: token, message: message,
            password: FormField(
                name: "password", label: "New password", error: passwordError,
                hint: "At least \(Password.minimumLength) characters.", type: "password",
                autocomplete: "new-password"),
            confirm: FormField(
                name: "confirm", label: "The same password again", error: confirmError, type: "password",
                autocomplete: "new-password"))
        var response = web.renderer.page(
            "set-password", view, title: "Set your password", visitor: nil, status: status)
        response.setCookie(web.cookies.preSessionCSRF(token))
        return response
    }
}
