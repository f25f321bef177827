import Foundation
import Hummingbird
import KataServer
import KataStore

/// The web app of DESIGN §10.5, served by `kata serve` beside the API: sign-in, Today, Log a cycle,
/// the storyboard, Practice, the coach pages and the admin pages, rendered on the server from
/// templates compiled into the binary.
///
/// ```swift
/// try await KataServer.serve(configuration: configuration, accounts: store, store: scoped,
///     readiness: ready, pages: WebApp())
/// ```
public struct WebApp: ServedPages {
    public init() {}

    public func add(to router: Router<KataRequestContext>, server: ServerParts) {
        // The templates are string literals that `TemplateTests` parses: they cannot fail here.
        guard let renderer = try? PageRenderer() else { preconditionFailure("a web app template does not parse") }
        let web = WebPages(
            server: server, renderer: renderer, cookies: SessionCookies(linkBase: server.configuration.linkBase))
        router.get("style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: Templates.stylesheet)))
        }
        SignInPages(web: web).add(to: router)
        SetPasswordPages(web: web).add(to: router)
        TodayPage(web: web).add(to: router)
        CyclePages(web: web).add(to: router)
        StoryboardPage(web: web).add(to: router)
        PracticePage(web: web).add(to: router)
        LossesPage(web: web).add(to: router)
        CoachPage(web: web).add(to: router)
        ReviewsPage(web: web).add(to: router)
        ChainPage(web: web).add(to: router)
        AdminSettingsPage(web: web).add(to: router)
        AdminHomePage(web: web).add(to: router)
    }
}
