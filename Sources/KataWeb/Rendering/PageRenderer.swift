import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore
import Mustache

/// Renders a page template inside the layout and answers it as HTML.
///
/// ```swift
/// let renderer = try PageRenderer()
/// return renderer.page("today", TodayView(…), title: "Today", visitor: visitor)
/// ```
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        library = try Templates.library()
    }

    /// The page `template` shows `model` with, as a response: in the layout, never cached.
    func page(
        _ template: String, _ model: Any, title: String, visitor: Visitor?, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let body = render(template, model)
        let layout = Layout(
            title: title,
            visitor: visitor.map {
                .init(
                    handle: $0.account.handle.rawValue, csrf: $0.csrf,
                    losses: $0.seesLosses, chain: $0.caller.has(.lean) || $0.caller.has(.admin) || $0.manages,
                    reviews: $0.caller.has(.hr) || $0.caller.has(.admin), admin: $0.caller.has(.admin))
            },
            notice: notice, body: body)
        return Self.html(render("layout", layout), status: status)
    }

    /// The page for a refusal: a heading for its kind and the message, with the status the API
    /// answers the same refusal with.
    func problem(_ error: KataError, visitor: Visitor?, status: HTTPResponse.Status) -> Response {
        let heading: String
        switch error.kind {
        case .notFound, .missingFile: heading = "Not found"
        case .forbidden: heading = "Not allowed"
        case .tooManyAttempts: heading = "Too many attempts"
        case .unavailable, .failure: heading = "The server could not answer"
        default: heading = "Refused"
        }
        return page(
            "problem", Problem(heading: heading, message: error.description), title: heading, visitor: visitor,
            status: status)
    }

    /// `template` rendered with `model`; every value escaped.
    func render(_ template: String, _ model: Any) -> String {
        library.render(model, withTemplate: template) ?? ""
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A `303 See Other` to `location`: after a form, and to `/login` without a session.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private struct Layout {
        struct Signed {
            var handle: String
            var csrf: String
            /// Whether the nav links to Losses and Chain (lean staff, managers, admins), to Reviews
            /// (HR and admins) and to Admin (admins).
            var losses: Bool
            var chain: Bool
            var reviews: Bool
            var admin: Bool
        }
        var title: String
        var visitor: Signed?
        var notice: String?
        var body: String
    }

    private struct Problem {
        var heading: String
        var message: String
    }
}
