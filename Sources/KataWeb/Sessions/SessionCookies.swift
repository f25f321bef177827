import Foundation
import Hummingbird
import KataStore

/// The cookies of the web app (DESIGN §10.2): `kata_session`, the 256-bit secret of a session, and
/// `kata_csrf`, the token the sign-in and set-password forms carry before there is a session
/// (their form must send back the cookie's value: a page on another site can do neither).
///
/// Both are `HttpOnly; SameSite=Lax; Path=/`, and `Secure` whenever the server's public URL is
/// https (behind a TLS proxy).
///
/// ```swift
/// let cookies = SessionCookies(secure: true)
/// response.setCookie(cookies.session(secret))   // kata_session=kata_…; HttpOnly; SameSite=Lax; Path=/; Secure
/// ```
struct SessionCookies: Sendable {
    static let sessionName = "kata_session"
    static let csrfName = "kata_csrf"

    /// Whether the cookies are for https only.
    let secure: Bool

    init(secure: Bool) {
        self.secure = secure
    }

    /// The cookies for a server reached at `linkBase` (its public URL, else the address it listens on).
    init(linkBase: String) {
        self.init(secure: linkBase.lowercased().hasPrefix("https://"))
    }

    /// The cookie that carries a new session's secret; the browser drops it when it closes or the
    /// session's lifetime is over.
    func session(_ secret: SecretToken) -> Cookie {
        cookie(Self.sessionName, secret.text, maxAge: Int(WebSession.lifetime))
    }

    /// The cookie of a form's token before there is a session.
    func preSessionCSRF(_ token: String) -> Cookie {
        cookie(Self.csrfName, token, maxAge: nil)
    }

    /// A cookie that makes the browser forget `name` (at sign-out).
    func expired(_ name: String) -> Cookie {
        cookie(name, "", maxAge: 0)
    }

    /// The session secret a request presents, when it has the form of one.
    static func sessionSecret(of request: Request) -> SecretToken? {
        request.cookies[sessionName].flatMap { SecretToken(presented: $0.value) }
    }

    /// The pre-session CSRF token a request presents, when it has the form of one.
    static func preSessionCSRF(of request: Request) -> String? {
        request.cookies[csrfName].flatMap { SecretToken(presented: $0.value)?.text }
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
