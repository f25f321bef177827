import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import NIOCore
import Testing

@testable import KataServer

/// One route as the access matrix calls it, and the status each kind of caller gets.
struct AccessRow: Sendable {
    /// A request: where, and the JSON, bytes or web form it sends.
    ///
    /// In a form, `{csrf}` stands for the CSRF token of the caller's session and `{form-csrf}` for
    /// the pre-session token of the sign-in and set-password forms. A multipart form (`csrf`, then
    /// a file) is sent as a browser sends a form with a file input.
    struct Request {
        var uri: String
        var json: String?
        var bytes: [UInt8]?
        var form: String?
        /// The file of a `multipart/form-data` form whose other field is `csrf`.
        var multipartFile: String?
    }

    /// A record some callers may not see: to them a request about it must answer the same 404 as
    /// the same request about a missing record of its kind, the record's reference put in place of
    /// the missing one's.
    enum Hidden: Sendable {
        case danEve, danEvePrefix, boTarget, boObstacle, boStoryboard, eveEscalation

        /// The record's reference in the request, and a missing record's; their last path
        /// components are what the answer names.
        func references(_ server: AccessServer) -> (record: String, missing: String) {
            switch self {
            case .danEve: return (server.fixture.danEve.text, UUID().text)
            case .danEvePrefix: return (String(server.fixture.danEve.text.prefix(8)), "ffffffff")
            case .boTarget: return (server.fixture.boTarget.id.text, UUID().text)
            case .boObstacle: return (server.fixture.boObstacle.id.text, UUID().text)
            case .boStoryboard: return ("storyboards/bo", "storyboards/hal")
            case .eveEscalation: return (server.eveEscalation.id.text, UUID().text)
            }
        }
    }

    var method: HTTPRequest.Method
    /// The route as the router lists it: `/api/v1/cycles/{id}`.
    var route: String
    /// The statuses of learner, coach, other coach, 2nd coach, manager, lean, hr and admin.
    var statuses: [Int]
    /// The status of the anonymous, the disabled account and the revoked token.
    var unsigned: Int
    var request: @Sendable (AccessServer) -> Request
    var hidden: Hidden?

    init(
        _ method: HTTPRequest.Method, _ route: String, _ statuses: String, unsigned: Int = 401,
        hidden: Hidden? = nil,
        _ request: @escaping @Sendable (AccessServer) -> Request
    ) {
        self.method = method
        self.route = route
        self.statuses = statuses.split(separator: " ").compactMap { Int($0) }
        precondition(self.statuses.count == CallerKind.signedIn.count, "\(method) \(route): 8 statuses")
        self.unsigned = unsigned
        self.request = request
        self.hidden = hidden
    }

    var operation: String { "\(method) \(route)" }

    /// Whether the route is a page of the web app, which the caller's browser opens with its
    /// session cookie (the API's routes take the token).
    var isPage: Bool { !route.hasPrefix("/api/") && !["/healthz", "/readyz", "/metrics"].contains(route) }

    /// The status `kind` gets.
    func status(of kind: CallerKind) -> Int {
        guard let index = CallerKind.signedIn.firstIndex(of: kind) else { return unsigned }
        return statuses[index]
    }
}

/// `GET` `uri`.
private func get(_ uri: String) -> AccessRow.Request { .init(uri: uri) }
/// `uri` with a JSON body.
private func send(_ uri: String, _ json: String) -> AccessRow.Request { .init(uri: uri, json: json) }
/// `uri` with a web form.
private func submit(_ uri: String, _ form: String) -> AccessRow.Request { .init(uri: uri, form: form) }
/// `uri` with a web form of the session's CSRF token and `file`, as `multipart/form-data`.
private func upload(_ uri: String, file: String) -> AccessRow.Request { .init(uri: uri, multipartFile: file) }

/// Every route of the server for every kind of caller, over HTTP (DESIGN §10.3, §12): 401 without
/// a working token, 403 for what the caller may not do, 404 for what they may not see (exactly as
/// if it did not exist), 2xx for the rest. The web app's pages take the caller's session cookie
/// instead: without a session that works they send the browser to `/login` (303).
@Suite("Access over HTTP: every route × every kind of caller")
struct AccessMatrixTests {
    //                                       learner coach other 2nd manager lean hr admin
    static let rows: [AccessRow] = [
        AccessRow(.get, "/healthz", "200 200 200 200 200 200 200 200", unsigned: 200) { _ in get("/healthz") },
        AccessRow(.get, "/readyz", "200 200 200 200 200 200 200 200", unsigned: 200) { _ in get("/readyz") },
        AccessRow(.get, "/metrics", "403 403 403 403 403 403 403 200") { _ in get("/metrics") },
        AccessRow(.post, "/api/v1/tokens", "201 201 201 201 201 201 201 201", unsigned: 201) { _ in
            send("/api/v1/tokens", #"{"handle":"ann","password":"\#(AccessServer.password)","name":"phone"}"#)
        },
        AccessRow(.get, "/api/v1/tokens", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/tokens") },
        AccessRow(.get, "/api/v1/tokens", "403 200 403 403 403 403 403 200") { _ in get("/api/v1/tokens?handle=ann") },
        AccessRow(.get, "/api/v1/me", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/me") },
        AccessRow(.get, "/api/v1/settings", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/settings") },
        AccessRow(.patch, "/api/v1/settings", "403 403 403 403 403 403 403 204") { _ in
            send("/api/v1/settings", #"{"addHolidays":["2026-12-25"]}"#)
        },
        AccessRow(.get, "/api/v1/people", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/people") },
        AccessRow(.get, "/api/v1/people/{handle}", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/people/bo")
        },
        AccessRow(.post, "/api/v1/people", "403 403 403 403 403 403 403 201") { _ in
            send("/api/v1/people", #"{"handle":"gus","name":"Gus Pratt","active":true}"#)
        },
        AccessRow(.patch, "/api/v1/people/{handle}", "403 403 403 403 403 403 403 200") { _ in
            send("/api/v1/people/bo", #"{"unit":"Final"}"#)
        },
        AccessRow(.get, "/api/v1/pairings", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/pairings?coach=dan")
        },
        AccessRow(.post, "/api/v1/pairings", "403 403 403 403 403 403 403 201") { _ in
            send("/api/v1/pairings", #"{"id":"\#(UUID().text)","coach":"carl","learner":"hal","since":"2026-11-02"}"#)
        },
        AccessRow(.get, "/api/v1/challenges", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/challenges") },
        AccessRow(.get, "/api/v1/challenges/{id}", "200 200 200 200 200 200 200 200") { server in
            get("/api/v1/challenges/\(server.challenge.id.text)")
        },
        AccessRow(.post, "/api/v1/challenges", "403 403 403 403 403 201 403 201") { _ in
            send("/api/v1/challenges", #"{"id":"\#(UUID().text)","title":"Ship in a day"}"#)
        },
        AccessRow(.get, "/api/v1/targets", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/targets?learner=bo")
        },
        AccessRow(
            .get, "/api/v1/targets/{id}", "200 200 404 404 404 200 404 200",
            hidden: .boTarget
        ) { server in get("/api/v1/targets/\(server.fixture.boTarget.id.text)") },
        AccessRow(.post, "/api/v1/targets", "403 201 403 403 403 403 403 201") { _ in
            send(
                "/api/v1/targets",
                #"""
                {"id":"\#(UUID().text)","learner":"bo","focusProcess":"Kitting","condition":"No search",
                "achieveBy":"2026-12-31","outcomeMetrics":[],"processMetrics":[],"createdOn":"2026-11-20",
                "status":"active","amendments":[]}
                """#)
        },
        AccessRow(.post, "/api/v1/targets/{id}/amendments", "403 200 404 404 404 403 404 200", hidden: .boTarget) {
            server in
            send(
                "/api/v1/targets/\(server.fixture.boTarget.id.text)/amendments",
                #"{"on":"2026-11-20","text":"Changeover in 18 min"}"#)
        },
        AccessRow(.get, "/api/v1/targets/{id}/conditions", "200 200 200 200 200 200 200 200") { server in
            get("/api/v1/targets/\(server.fixture.boTarget.id.text)/conditions")
        },
        AccessRow(.get, "/api/v1/targets/{id}/current", "200 200 200 200 200 200 200 200") { server in
            get("/api/v1/targets/\(server.fixture.boTarget.id.text)/current")
        },
        AccessRow(.post, "/api/v1/conditions", "201 201 404 404 404 403 404 201", hidden: .boTarget) { server in
            send(
                "/api/v1/conditions",
                #"""
                {"id":"\#(UUID().text)","target":"\#(server.fixture.boTarget.id.text)","date":"2026-11-20",
                "text":"30 min","metrics":[]}
                """#)
        },
        AccessRow(.get, "/api/v1/obstacles", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/obstacles?learner=bo")
        },
        AccessRow(.post, "/api/v1/obstacles", "201 201 404 404 404 403 404 201", hidden: .boTarget) { server in
            send(
                "/api/v1/obstacles",
                #"""
                {"id":"\#(UUID().text)","target":"\#(server.fixture.boTarget.id.text)","text":"Wrong bolts",
                "status":"parked","createdOn":"2026-11-20"}
                """#)
        },
        AccessRow(.post, "/api/v1/obstacles/{id}/work", "200 200 404 404 404 403 404 200", hidden: .boObstacle) {
            server in
            send("/api/v1/obstacles/\(server.fixture.boObstacle.id.text)/work", "{}")
        },
        AccessRow(.post, "/api/v1/cycles", "403 201 403 403 403 403 403 201") { server in
            send(
                "/api/v1/cycles",
                #"""
                {"id":"\#(UUID().text)","learner":"bo","target":"\#(server.fixture.boTarget.id.text)",
                "date":"2026-11-20","minutes":15}
                """#)
        },
        AccessRow(.get, "/api/v1/cycles", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/cycles") },
        AccessRow(
            .get, "/api/v1/cycles/{id}", "404 404 200 404 404 200 404 200",
            hidden: .danEve
        ) { server in get("/api/v1/cycles/\(server.fixture.danEve.text)") },
        AccessRow(
            .patch, "/api/v1/cycles/{id}", "404 404 200 404 404 403 404 200",
            hidden: .danEve
        ) { server in send("/api/v1/cycles/\(server.fixture.danEve.text)", #"{"minutes":12}"#) },
        AccessRow(.get, "/api/v1/escalations", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/escalations?open=true")
        },
        AccessRow(.post, "/api/v1/escalations", "403 201 404 404 404 403 404 201", hidden: .boObstacle) { server in
            send(
                "/api/v1/escalations",
                #"{"id":"\#(UUID().text)","obstacle":"\#(server.fixture.boObstacle.id.text)","to":"carl","toldOn":"2026-11-20"}"#
            )
        },
        AccessRow(
            .post, "/api/v1/escalations/{id}/decision", "404 404 403 404 200 403 404 200", hidden: .eveEscalation
        ) { server in
            send(
                "/api/v1/escalations/\(server.eveEscalation.id.text)/decision",
                #"{"date":"2026-11-20","action":"accepted"}"#)
        },
        AccessRow(
            .post, "/api/v1/escalations/{id}/resolution", "404 404 200 404 200 403 404 200", hidden: .eveEscalation
        ) { server in
            send(
                "/api/v1/escalations/\(server.eveEscalation.id.text)/resolution",
                #"{"date":"2026-11-20","action":"resolved"}"#)
        },
        AccessRow(.get, "/api/v1/losses", "403 200 200 403 200 200 403 200") { _ in
            get("/api/v1/losses?from=2026-11-01&to=2026-11-30")
        },
        AccessRow(.get, "/api/v1/observations", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/observations")
        },
        AccessRow(.post, "/api/v1/observations", "403 403 403 201 403 201 403 201") { _ in
            send(
                "/api/v1/observations",
                #"{"id":"\#(UUID().text)","date":"2026-11-20","secondCoach":"lena","coach":"ann","focus":"Q4"}"#)
        },
        AccessRow(.get, "/api/v1/walks", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/walks") },
        AccessRow(.post, "/api/v1/walks", "403 403 403 403 201 201 403 201") { _ in
            send(
                "/api/v1/walks",
                #"{"id":"\#(UUID().text)","walker":"carl","date":"2026-11-20","learners":["bo"],"mode":"go-see"}"#)
        },
        AccessRow(.get, "/api/v1/walk-plans", "200 200 200 200 200 200 200 200") { _ in get("/api/v1/walk-plans") },
        AccessRow(.put, "/api/v1/walk-plans/{walker}", "403 403 403 403 200 200 403 200") { _ in
            send("/api/v1/walk-plans/carl", #"{"every":"2w"}"#)
        },
        // Ann and Dan manage (Bo and Eve report to them): each reads the chain of their own line.
        AccessRow(.get, "/api/v1/chain", "403 200 200 403 200 200 403 200") { _ in get("/api/v1/chain?weeks=4") },
        AccessRow(.get, "/api/v1/chain", "403 200 404 403 200 200 403 200") { _ in get("/api/v1/chain?from=bo") },
        AccessRow(
            .get, "/api/v1/ids/{kind}/{prefix}", "404 404 200 404 404 200 404 200",
            hidden: .danEvePrefix
        ) { server in get("/api/v1/ids/cycle/\(server.fixture.danEve.text.prefix(8))") },
        AccessRow(
            .get, "/api/v1/storyboards/{learner}", "200 200 404 404 404 200 404 200",
            hidden: .boStoryboard
        ) { _ in get("/api/v1/storyboards/bo") },
        AccessRow(.get, "/api/v1/due", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/due?coach=ann&date=2026-11-20")
        },
        AccessRow(.get, "/api/v1/practice", "404 200 404 200 200 200 404 200") { _ in
            get("/api/v1/practice?from=2026-11-01&to=2026-11-20&coach=ann")
        },
        AccessRow(.get, "/api/v1/reviews/{coach}", "403 200 403 403 403 403 200 200") { _ in
            get("/api/v1/reviews/ann?from=2026-11-01&to=2026-11-20")
        },
        AccessRow(.get, "/api/v1/reviews", "403 403 403 403 403 403 200 200") { _ in
            get("/api/v1/reviews?from=2026-11-01&to=2026-11-20")
        },
        AccessRow(.get, "/api/v1/check", "403 403 403 403 403 403 403 200") { _ in get("/api/v1/check") },
        AccessRow(.get, "/api/v1/export", "403 403 403 403 403 403 403 200") { _ in get("/api/v1/export") },
        AccessRow(.post, "/api/v1/import", "403 403 403 403 403 403 403 200") { server in
            .init(uri: "/api/v1/import?dry-run=true", bytes: server.export())
        },
        AccessRow(.get, "/api/v1/accounts", "403 403 403 403 403 403 403 200") { _ in get("/api/v1/accounts") },
        AccessRow(.post, "/api/v1/accounts", "403 403 403 403 403 403 403 201") { _ in
            send("/api/v1/accounts", #"{"handle":"gus","roles":["lean"]}"#)
        },
        AccessRow(.get, "/api/v1/accounts/{handle}", "403 403 403 403 403 403 403 200") { _ in
            get("/api/v1/accounts/ann")
        },
        AccessRow(.patch, "/api/v1/accounts/{handle}", "403 403 403 403 403 403 403 200") { _ in
            send("/api/v1/accounts/ann", #"{"roles":["hr"]}"#)
        },
        AccessRow(.get, "/api/v1/audit", "403 403 403 403 403 403 403 200") { _ in
            get("/api/v1/audit?from=2026-11-01T00:00:00Z&account=ada")
        },
        AccessRow(.get, "/api/v1/me/review-packets", "200 200 200 200 200 200 200 200") { _ in
            get("/api/v1/me/review-packets")
        },
        // The web app (DESIGN §10.5): the caller's browser with its session.
        AccessRow(.get, "/style.css", "200 200 200 200 200 200 200 200", unsigned: 200) { _ in get("/style.css") },
        AccessRow(.get, "/login", "303 303 303 303 303 303 303 303", unsigned: 200) { _ in get("/login") },
        // Signing in with a form that did not come from the sign-in page is refused before its
        // password is checked: 403 for everyone, and no bcrypt work taken from the other suites'
        // servers (KataWebTests signs in for real).
        AccessRow(.post, "/login", "403 403 403 403 403 403 403 403", unsigned: 403) { _ in
            submit("/login", "handle=ann&password=\(formEncoded(AccessServer.password))&csrf={csrf}")
        },
        AccessRow(.get, "/set-password/{token}", "200 200 200 200 200 200 200 200", unsigned: 200) { server in
            get("/set-password/\(server.passwordLink)")
        },
        // A password too short to be hashed: the page is open to everyone (the link decides), and
        // the matrix spends no bcrypt work on it.
        AccessRow(.post, "/set-password/{token}", "400 400 400 400 400 400 400 400", unsigned: 400) { server in
            let password = formEncoded("too short")
            return submit(
                "/set-password/\(server.passwordLink)", "password=\(password)&confirm=\(password)&csrf={form-csrf}")
        },
        AccessRow(.get, "/", "200 200 200 200 200 200 200 200", unsigned: 303) { _ in get("/") },
        AccessRow(.get, "/cycles/new", "403 200 404 404 404 403 404 200", unsigned: 303) { _ in
            get("/cycles/new?learner=bo")
        },
        AccessRow(.post, "/cycles", "403 303 403 403 403 403 403 303", unsigned: 303) { server in
            submit(
                "/cycles",
                "learner=bo&target=\(server.fixture.boTarget.id.text)&date=2026-11-20&minutes=12&csrf={csrf}")
        },
        AccessRow(
            .get, "/storyboards/{learner}", "200 200 404 404 404 200 404 200", unsigned: 303,
            hidden: .boStoryboard
        ) { _ in get("/storyboards/bo") },
        // Practice shows each caller the coaches whose practice they may see (their own at least).
        AccessRow(.get, "/practice", "200 200 200 200 200 200 200 200", unsigned: 303) { _ in
            get("/practice?period=2026-11&group=unit")
        },
        AccessRow(.get, "/coaches/{handle}", "404 200 404 200 200 200 404 200", unsigned: 303) { _ in
            get("/coaches/ann?period=2026-11")
        },
        // Reviews: the choice is open to everyone (their own packet at least); the packets as the API
        // makes them: a coach their own, HR and admins anyone's and every coach's.
        // Ann and Dan manage (Bo and Eve report to them): the Chain page of their own line.
        AccessRow(.get, "/chain", "403 200 200 403 200 200 403 200", unsigned: 303) { _ in get("/chain?weeks=4") },
        AccessRow(.get, "/reviews", "200 200 200 200 200 200 200 200", unsigned: 303) { _ in get("/reviews") },
        AccessRow(.get, "/reviews", "403 200 403 403 403 403 200 200", unsigned: 303) { _ in
            get("/reviews?coach=ann&from=2026-11-01&to=2026-11-20")
        },
        AccessRow(.get, "/reviews", "403 403 403 403 403 403 200 200", unsigned: 303) { _ in
            get("/reviews?coach=%2A&from=2026-11-01&to=2026-11-20")
        },
        AccessRow(.get, "/reviews/download", "403 200 403 403 403 403 200 200", unsigned: 303) { _ in
            get("/reviews/download?coach=ann&from=2026-11-01&to=2026-11-20&format=csv")
        },
        // Refused forms (a handle that is no handle, a coach who is no one) show the page again: 400
        // and 404 for an admin, nothing written for anyone.
        AccessRow(.post, "/admin/people", "403 403 403 403 403 403 403 400", unsigned: 303) { _ in
            submit("/admin/people", "handle=Not%20A%20Handle&name=X&csrf={csrf}")
        },
        AccessRow(.post, "/admin/pairings", "403 403 403 403 403 403 403 404", unsigned: 303) { _ in
            submit("/admin/pairings", "coach=nobody&learner=bo&csrf={csrf}")
        },
        AccessRow(.post, "/admin/pairings/end", "403 403 403 403 403 403 403 404", unsigned: 303) { _ in
            submit("/admin/pairings/end", "coach=nobody&learner=bo&csrf={csrf}")
        },
        AccessRow(.get, "/admin/settings", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/settings")
        },
        // A refused change (no working day) shows the form again: 400 for an admin, and nothing
        // written for anyone.
        AccessRow(.post, "/admin/settings", "403 403 403 403 403 403 403 400", unsigned: 303) { _ in
            submit("/admin/settings", "timeZone=UTC&csrf={csrf}")
        },
        AccessRow(.post, "/admin/holidays", "403 403 403 403 403 403 403 400", unsigned: 303) { _ in
            submit("/admin/holidays", "date=24.12.2026&csrf={csrf}")
        },
        AccessRow(.post, "/admin/holidays/remove", "403 403 403 403 403 403 403 303", unsigned: 303) { _ in
            submit("/admin/holidays/remove", "date=2026-12-24&csrf={csrf}")
        },
        AccessRow(.get, "/losses", "403 200 200 403 200 200 403 200", unsigned: 303) { _ in
            get("/losses?period=this-month")
        },
        AccessRow(.post, "/coaches/{handle}/observations", "403 403 403 303 403 303 403 303", unsigned: 303) { _ in
            submit(
                "/coaches/ann/observations",
                "date=2026-11-20&notes=Asked%20Q4%20first&focus=Q2%20first&trigger=At%20the%20board&csrf={csrf}")
        },
        // The admin pages: admins only, everyone else signed in gets the 403 page.
        AccessRow(.get, "/admin", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in get("/admin") },
        AccessRow(.get, "/admin/accounts", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/accounts")
        },
        AccessRow(.get, "/admin/accounts/{handle}", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/accounts/ann")
        },
        AccessRow(.get, "/admin/audit", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/audit?account=ada&kind=account")
        },
        AccessRow(.get, "/admin/people", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/people")
        },
        // The import page: a dry run writes nothing, and no checked file has the id confirmed.
        AccessRow(.get, "/admin/import", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            get("/admin/import")
        },
        AccessRow(.post, "/admin/import", "403 403 403 403 403 403 403 200", unsigned: 303) { _ in
            upload("/admin/import", file: #"{"kind":"person","handle":"zed","name":"Zed"}"# + "\n")
        },
        AccessRow(.post, "/admin/import/confirm", "403 403 403 403 403 403 403 404", unsigned: 303) { _ in
            submit("/admin/import/confirm", "upload=0123456789abcdef0123456789abcdef&csrf={csrf}")
        },
        // The writes that end something come last, so that the rows above find it still there.
        // The admin pages' writes are about ivy, who has no account before, and a spare token.
        AccessRow(.post, "/admin/accounts", "403 403 403 403 403 403 403 201", unsigned: 303) { _ in
            submit("/admin/accounts", "handle=ivy&roles%5B%5D=lean&csrf={csrf}")
        },
        AccessRow(.post, "/admin/accounts/{handle}/roles", "403 403 403 403 403 403 403 303", unsigned: 303) { _ in
            submit("/admin/accounts/ivy/roles", "roles%5B%5D=hr&csrf={csrf}")
        },
        AccessRow(
            .post, "/admin/accounts/{handle}/password-link", "403 403 403 403 403 403 403 200", unsigned: 303
        ) { _ in submit("/admin/accounts/ivy/password-link", "csrf={csrf}") },
        AccessRow(.post, "/admin/accounts/{handle}/disable", "403 403 403 403 403 403 403 303", unsigned: 303) { _ in
            submit("/admin/accounts/ivy/disable", "csrf={csrf}")
        },
        AccessRow(.post, "/admin/tokens/{id}/revoke", "403 403 403 403 403 403 403 303", unsigned: 303) { server in
            submit("/admin/tokens/\(server.adminSpareToken.id.text)/revoke", "csrf={csrf}")
        },
        AccessRow(.delete, "/api/v1/tokens/{id}", "404 204 404 404 404 404 404 204") { server in
            .init(uri: "/api/v1/tokens/\(server.spareToken.id.text)")
        },
        AccessRow(.post, "/api/v1/obstacles/{id}/close", "200 200 404 404 404 403 404 200", hidden: .boObstacle) {
            server in
            send(
                "/api/v1/obstacles/\(server.fixture.boObstacle.id.text)/close",
                #"{"status":"overcome","on":"2026-11-20"}"#)
        },
        AccessRow(.post, "/api/v1/targets/{id}/close", "403 200 404 404 404 403 404 200", hidden: .boTarget) { server in
            send("/api/v1/targets/\(server.fixture.boTarget.id.text)/close", #"{"status":"dropped","on":"2026-11-20"}"#)
        },
        AccessRow(
            .delete, "/api/v1/cycles/{id}", "404 404 204 404 404 403 404 204",
            hidden: .danEve
        ) { server in .init(uri: "/api/v1/cycles/\(server.fixture.danEve.text)") },
        AccessRow(.post, "/api/v1/pairings/end", "403 403 403 403 403 403 403 200") { _ in
            send("/api/v1/pairings/end", #"{"coach":"dan","learner":"eve","on":"2026-11-20"}"#)
        },
        AccessRow(.post, "/api/v1/accounts/{handle}/disable", "403 403 403 403 403 403 403 200") { _ in
            .init(uri: "/api/v1/accounts/ann/disable")
        },
        AccessRow(.post, "/logout", "303 303 303 303 303 303 303 303", unsigned: 303) { _ in
            submit("/logout", "csrf={csrf}")
        },
    ]

    /// What an answer says about the record asked for: the whole body of the API's, the `<main>` of
    /// a page (its header names the caller, whose handle may be the missing record's).
    static func content(_ body: String, _ row: AccessRow) -> String {
        guard row.isPage, let start = body.range(of: "<main>"), let end = body.range(of: "</main>") else { return body }
        return String(body[start.lowerBound..<end.upperBound])
    }

    @Test("every route the server has has a row, and every row is a route the server has")
    func everyRouteHasARow() async throws {
        let server = try await AccessServer()
        let routes = Set(try server.router().routes.map { "\($0.method) \($0.path)" })
        let rows = Set(Self.rows.map(\.operation))
        #expect(routes.subtracting(rows).sorted() == [], "routes without a row in AccessMatrixTests.rows")
        #expect(rows.subtracting(routes).sorted() == [], "rows of routes the server does not have")
    }

    @Test("each kind of caller gets the status §10.3 gives on every route", arguments: CallerKind.allCases)
    func statuses(of kind: CallerKind) async throws {
        let server = try await AccessServer()
        let token = server.tokens[kind]
        let session = server.sessions[kind]
        let answers = try await server.test { client in
            var answers: [(row: AccessRow, status: Int, body: String, missingBody: String?)] = []
            func call(_ row: AccessRow, _ request: AccessRow.Request) async throws -> TestResponse {
                guard row.isPage else {
                    return try await client.call(
                        row.method, request.uri, token: token, json: request.json, bytes: request.bytes)
                }
                var cookies = "kata_csrf=\(AccessServer.formToken)"
                if let session { cookies += "; kata_session=\(session.secret)" }
                var headers: HTTPFields = [.cookie: cookies]
                var body: ByteBuffer?
                if let form = request.form {
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    body = ByteBuffer(
                        string: form.replacingOccurrences(of: "{csrf}", with: session?.csrf ?? "")
                            .replacingOccurrences(of: "{form-csrf}", with: AccessServer.formToken))
                }
                if let file = request.multipartFile {
                    let boundary = "----kata-access-matrix"
                    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                    body = ByteBuffer(
                        string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                            + "\(session?.csrf ?? "")\r\n--\(boundary)\r\n"
                            + "Content-Disposition: form-data; name=\"file\"; filename=\"access.jsonl\"\r\n\r\n"
                            + "\(file)\r\n--\(boundary)--\r\n")
                }
                return try await client.execute(uri: request.uri, method: row.method, headers: headers, body: body)
            }
            for row in Self.rows {
                let request = row.request(server)
                let response = try await call(row, request)
                var missingBody: String?
                if response.status.code == 404, let (record, other) = row.hidden?.references(server) {
                    #expect(
                        request.uri.contains(record) || request.json?.contains(record) == true,
                        "\(row.operation): the request names the hidden record")
                    var missingRequest = request
                    missingRequest.uri = request.uri.replacingOccurrences(of: record, with: other)
                    missingRequest.json = request.json?.replacingOccurrences(of: record, with: other)
                    let missing = try await call(row, missingRequest)
                    let named = (record.split(separator: "/").last ?? "", other.split(separator: "/").last ?? "")
                    missingBody = Self.content(missing.text, row).replacingOccurrences(of: named.1, with: named.0)
                }
                answers.append((row, response.status.code, response.text, missingBody))
            }
            return answers
        }
        for (row, status, body, missingBody) in answers {
            #expect(status == row.status(of: kind), "\(kind): \(row.operation) \(row.request(server).uri): \(body)")
            if let missingBody {
                #expect(
                    Self.content(body, row) == missingBody,
                    "\(kind): \(row.operation) answers a hidden record unlike a missing one")
            }
            if row.isPage && status == 403 {
                #expect(body.contains("<h1>Not allowed</h1>"), "\(kind): \(row.operation): \(body)")
            } else if status == 401 || status == 403 {
                #expect(body.contains(#""error""#), "\(kind): \(row.operation): \(body)")
            }
        }
    }
}

/// `text` as a form value: everything but letters and digits percent-encoded.
private func formEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}
