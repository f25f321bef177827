import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /login`, `POST /login` (fields `handle`, `password`, `csrf`) and `POST /logout` (DESIGN §10.2,
/// §10.5): sessions in the database, the sign-in limits of the API, and a failure message that
/// never says whether the handle exists.
struct SignInPages {
    let web: WebPages

    struct SignInForm: Decodable {
        var handle: String?
        var password: String?
        var csrf: String?
        /// The page to go back to (`ReturnPath`).
        var next: String?
    }

    struct SignInView {
        var csrf: String
        var handle: String
        var message: String?
        var next: String?
    }

    func add(to router: Router<KataRequestContext>) {
        router.get("login") { request, context in
            if try await web.visitor(of: request, context) != nil { return PageRenderer.redirect(to: "/") }
            let notice = request.uri.queryParameters["password-set"] != nil ? "Your password is set: sign in." : nil
            let next = ReturnPath.checked(request.uri.queryParameters["next"].map(String.init))
            return form(request, handle: "", message: nil, next: next, notice: notice)
        }
        router.post("login") { request, context in try await signIn(request, context) }
        web.page(.post, "logout", on: router) { request, _, visitor in
            let form = try await WebPages.form(SignInForm.self, request)
            guard CSRF.matches(form.csrf, visitor.csrf) else {
                return web.problem(.forbidden(CSRF.refused), visitor: visitor)
            }
            try await web.accounts.endSession(sha256: visitor.sessionSHA256, at: web.server.clock())
            try await web.audit(visitor, kind: "session", record: visitor.account.handle.rawValue, action: "end")
            var response = PageRenderer.redirect(to: "/login")
            response.setCookie(web.cookies.expired(SessionCookies.sessionName))
            return response
        }
    }

    /// The sign-in form, with a fresh pre-session CSRF token unless the browser has one.
    func form(
        _ request: Request, handle: String, message: String?, next: String?, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = SessionCookies.preSessionCSRF(of: request) ?? SecretToken.random().text
        var response = web.renderer.page(
            "login", SignInView(csrf: token, handle: handle, message: message, next: next), title: "Sign in",
            visitor: nil, notice: notice, status: status)
        response.setCookie(web.cookies.preSessionCSRF(token))
        return response
    }

    func signIn(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let form = try await WebPages.form(SignInForm.self, request)
        guard CSRF.matches(form.csrf, SessionCookies.preSessionCSRF(of: request)) else {
            return web.problem(.forbidden(CSRF.refused), visitor: nil)
        }
        let typed = (form.handle ?? "").trimmingCharacters(in: .whitespaces)
        let next = ReturnPath.checked(form.next)
        let account = typed.lowercased()
        let address = context.clientAddress ?? "in-process"
        let now = web.server.clock()
        if let wait = await web.server.limiter.wait(account: account, address: address, at: now) {
            let minutes = max(1, (wait + 59) / 60)
            var response = self.form(
                request, handle: typed, message: "too many failed sign-ins; try again in \(minutes) minute(s).",
                next: next, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        var record: SignInRecord?
        if let handle = try? Handle(validating: account) {
            record = try await web.accounts.signInRecord(handle: handle)
        }
        let matches = await PasswordCheck.verify(form.password ?? "", against: record?.passwordHash)
        guard matches, let signedIn = record?.account, signedIn.enabled else {
            await web.server.limiter.recordFailure(account: account, address: address, at: now)
            return self.form(
                request, handle: typed, message: TokenRoutes.wrongHandleOrPassword, next: next, status: .unauthorized)
        }
        await web.server.limiter.recordSuccess(account: account)
        let secret = SecretToken.random()
        let csrf = SecretToken.random().text
        try await web.accounts.addSession(sha256: secret.sha256, handle: signedIn.handle, csrf: csrf, at: now)
        try await web.accounts.recordAudit(
            AuditEntry(
                at: now, account: signedIn.handle, via: "password", kind: "session",
                record: signedIn.handle.rawValue, action: "add"))
        context.notes.account = signedIn.handle.rawValue
        var response = PageRenderer.redirect(to: next ?? "/")
        response.setCookie(web.cookies.session(secret))
        response.setCookie(web.cookies.expired(SessionCookies.csrfName))
        return response
    }
}
