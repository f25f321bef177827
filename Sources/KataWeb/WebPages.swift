import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// What every page shares: the server's parts, the templates, the cookies, and the gate that lets
/// only a signed-in visitor in (deny by default: a page is added with `page`, which asks for a
/// session, unless it is one of the few that need none).
struct WebPages: Sendable {
    typealias Handler = @Sendable (Request, KataRequestContext, Visitor) async throws -> Response

    let server: ServerParts
    let renderer: PageRenderer
    let cookies: SessionCookies
    /// The import page's checked files, kept until the admin confirms them (at most an hour).
    let uploads = ImportUploads()

    var accounts: any AccountStore { server.accounts }

    /// Adds a page that needs a session.
    ///
    /// Without one the visitor is sent to `/login` (303), and back to the page after signing in
    /// when it was a GET. A POST checks its `csrf` field itself.
    func page(
        _ method: HTTPRequest.Method, _ path: RouterPath, on router: Router<KataRequestContext>,
        handler: @escaping Handler
    ) {
        router.on(path, method: method) { request, context in
            guard let visitor = try await visitor(of: request, context) else {
                let page = request.method == .get ? request.uri.description : "/"
                return PageRenderer.redirect(to: ReturnPath.signIn(returningTo: page))
            }
            do {
                return try await handler(request, context, visitor)
            } catch let error as KataError {
                if error.kind == .notSignedIn { return PageRenderer.redirect(to: "/login") }
                return problem(error, visitor: visitor)
            }
        }
    }

    /// The signed-in visitor of the request's session cookie; nil without a session that works.
    func visitor(of request: Request, _ context: KataRequestContext) async throws -> Visitor? {
        guard let secret = SessionCookies.sessionSecret(of: request),
            let session = try await accounts.session(sha256: secret.sha256, at: server.clock())
        else { return nil }
        context.notes.account = session.account.handle.rawValue
        var visitor = Visitor(account: session.account, csrf: session.csrf, sessionSHA256: secret.sha256)
        // Lean staff and admins without a query; anyone else is a manager when someone reports to them.
        if visitor.caller.readScope == nil {
            visitor.seesLosses = true
        } else {
            visitor.manages = try await server.store(.owner).hasReports(session.account.handle)
            visitor.seesLosses = visitor.manages  // LossReport.mayRead for a caller with a read scope
        }
        return visitor
    }

    /// The page for a refusal, with the status the API gives it.
    func problem(_ error: KataError, visitor: Visitor?) -> Response {
        renderer.problem(error, visitor: visitor, status: APIError.status(for: error.kind))
    }

    /// The store that answers for `visitor` (DESIGN §10.3).
    func store(_ visitor: Visitor) -> any KataService { server.store(visitor.caller) }

    /// Today in the organisation's time zone, by the server's clock.
    func today() async throws -> Day {
        try await server.store(.owner).settings().today(at: server.clock())
    }

    /// Appends the audit entry of a write made through `visitor`'s session.
    func audit(_ visitor: Visitor, kind: String, record: String, action: String, detail: String? = nil) async throws {
        try await accounts.recordAudit(
            AuditEntry(
                at: server.clock(), by: visitor.source, kind: kind, record: record, action: action, detail: detail))
    }

    /// The fields of a form body (`application/x-www-form-urlencoded`) as `Form`.
    ///
    /// Forms are small: a body over 1 MB, or one that is not a form, is refused with a message.
    static func form<Form: Decodable>(_ type: Form.Type, _ request: Request) async throws -> Form {
        let buffer: ByteBuffer
        do {
            buffer = try await BodyDeadline.collect(request, upTo: 1024 * 1024, within: BodyDeadline.standard)
        } catch let timeout as BodyTimeout {
            throw timeout
        } catch {
            throw KataError.usage("the form is larger than 1 MB; send less at a time.")
        }
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))
        } catch {
            throw KataError.usage("the form could not be read; reload the page and send it again.")
        }
    }
}
