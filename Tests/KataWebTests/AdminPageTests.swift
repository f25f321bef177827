import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataServer
import KataStore
import KataTestSupport
import Testing

@testable import KataWeb

@Suite("Admin pages: accounts, tokens, the audit log and people")
struct AdminPageTests {
    static let newPassword = "a long enough passphrase"

    /// The path of the one-time set-password link a page shows, nil when it shows none.
    static func shownLink(_ html: String) -> String? {
        guard let code = html.firstMatch(of: /<code class="secret">([^<]*)<\/code>/),
            let start = code.1.range(of: "/set-password/")
        else { return nil }
        return String(code.1[start.lowerBound...])
    }

    /// Sets a password through `link` with a browser of its own, as the person given it would.
    static func setPassword(_ link: String, _ client: any TestClientProtocol) async throws -> TestResponse {
        var browser = Browser()
        try await client.get(link, &browser)
        return try await client.post(link, [("password", newPassword), ("confirm", newPassword)], &browser)
    }

    /// Whether signing in as `handle` with `password` gives a session.
    static func signsIn(_ handle: String, _ password: String, _ client: any TestClientProtocol) async throws -> Bool {
        var browser = Browser()
        try await client.get("/login", &browser)
        let answer = try await client.post("/login", [("handle", handle), ("password", password)], &browser)
        return answer.status == .seeOther && browser.cookies["kata_session"] != nil
    }

    @Test("the admin home links to every admin page, and the nav links to it for admins alone")
    func home() async throws {
        let fixture = try await WebFixture()
        let (admin, annToday, annAdmin, anonymous) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            var ann = try await client.signIn("ann")
            let admin = try await client.get("/admin", &ada)
            let annToday = try await client.get("/", &ann)
            let annAdmin = try await client.get("/admin", &ann)
            let anonymous = try await client.execute(uri: "/admin", method: .get, headers: [:], body: nil)
            return (admin, annToday, annAdmin, anonymous)
        }
        #expect(admin.status == .ok)
        for page in ["/admin/accounts", "/admin/audit", "/admin/people", "/admin/settings"] {
            #expect(admin.text.contains(#"<a href="\#(page)">"#), "\(page)")
        }
        #expect(
            admin.text.contains(
                #"<a href="/practice">Practice</a> <a href="/losses">Losses</a> <a href="/chain">Chain</a> <a href="/reviews">Reviews</a> <a href="/admin">Admin</a></nav>"#
            ))
        #expect(!annToday.text.contains(#"href="/admin""#), "no Admin link for a coach")
        #expect(annAdmin.status == .forbidden)
        #expect(annAdmin.text.contains("<h1>Not allowed</h1>"))
        #expect(annAdmin.text.contains("only an admin may manage accounts and read the audit log."))
        #expect(anonymous.status == .seeOther && anonymous.location == "/login?next=%2Fadmin")
    }

    @Test("an admin adds an account: listed with its roles, the link shown once works, the entry audited")
    func addsAnAccount() async throws {
        let fixture = try await WebFixture(accountsInDatabase: true)
        let (added, listed, setPassword, halSignsIn, audit) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts", &ada)
            let added = try await client.post(
                "/admin/accounts", [("handle", " Hal "), ("roles[]", "hr"), ("roles[]", "lean")], &ada)
            let listed = try await client.get("/admin/accounts", &ada)
            let link = try #require(Self.shownLink(added.text), "\(added.text)")
            let setPassword = try await Self.setPassword(link, client)
            let halSignsIn = try await Self.signsIn("hal", Self.newPassword, client)
            let audit = try await client.get("/admin/audit?kind=account", &ada)
            return (added, listed, setPassword, halSignsIn, audit)
        }
        #expect(added.status == .created)
        #expect(added.text.contains("Account hal added."))
        #expect(added.text.contains("<h2 id=\"link-heading\">Set-password link for hal</h2>"))
        let row = #"<th scope="row"><a href="/admin/accounts/hal">hal</a></th><td>Hal Hart</td><td>hr, lean</td>"#
        #expect(added.text.contains(row + "<td>enabled</td><td>2026-11-20T08:00:00Z</td>"))
        #expect(listed.text.contains(row), "listed on the next visit")
        #expect(Self.shownLink(listed.text) == nil, "the link is shown once, on the answer to the form")
        let account = try await fixture.accounts.account(handle("hal"))
        #expect(account?.roles == [.hr, .lean])
        #expect(setPassword.status == .seeOther && setPassword.location == "/login?password-set=1")
        #expect(halSignsIn, "the link set hal's password")
        let entries = try await fixture.audit("account")
        let entry = try #require(entries.first { $0.record == "hal" && $0.action == "add" })
        #expect(entry.account == handle("ada") && entry.via == "session")
        #expect(audit.text.contains("<td>ada</td><td>session</td><td>account</td><td>hal</td><td>add</td>"))
        let secret = try #require(Self.shownLink(added.text)?.split(separator: "/").last.map(String.init))
        #expect(!fixture.log.all.contains { $0.contains(secret) }, "the link is never logged")
    }

    @Test("a refused account keeps what was typed and says why next to the field; nothing is added")
    func refusedAccount() async throws {
        let fixture = try await WebFixture()
        let (spaces, existing, empty) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts", &ada)
            let spaces = try await client.post("/admin/accounts", [("handle", "h al"), ("roles[]", "lean")], &ada)
            let existing = try await client.post("/admin/accounts", [("handle", "bo"), ("roles[]", "hr")], &ada)
            let empty = try await client.post("/admin/accounts", [("handle", " ")], &ada)
            return (spaces, existing, empty)
        }
        #expect(spaces.status == .badRequest)
        #expect(spaces.text.contains(#"<p class="error" id="handle-error">"#))
        #expect(spaces.text.contains(#"value="h al""#), "the handle as typed")
        #expect(spaces.text.contains(#"name="roles[]" value="lean" checked>"#), "the role as ticked")
        #expect(spaces.text.contains(#"name="roles[]" value="hr">"#))
        #expect(existing.status == .conflict)
        #expect(existing.text.contains(#"<p class="error" id="handle-error">"#))
        #expect(existing.text.contains(#"value="bo""#))
        #expect(existing.text.contains(#"name="roles[]" value="hr" checked>"#))
        #expect(empty.status == .badRequest)
        #expect(empty.text.contains("Give the handle of the person the account is for."))
        #expect(Self.shownLink(spaces.text + existing.text + empty.text) == nil)
        #expect(try await fixture.accounts.accounts().count == 8, "the fixture's eight, no more")
        #expect(try await fixture.audit("account").isEmpty)
    }

    @Test("an account for a handle that is no person's is refused next to the field, as the API refuses it")
    func noSuchPerson() async throws {
        let fixture = try await WebFixture(accountsInDatabase: true)
        let answer = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts", &ada)
            return try await client.post("/admin/accounts", [("handle", "zed"), ("roles[]", "admin")], &ada)
        }
        #expect(answer.status == .notFound)
        #expect(answer.text.contains(#"<p class="error" id="handle-error">"#) && answer.text.contains("zed"))
        #expect(answer.text.contains(#"value="zed""#))
        #expect(answer.text.contains(#"name="roles[]" value="admin" checked>"#))
        #expect(try await fixture.accounts.account(handle("zed")) == nil)
    }

    @Test("a form whose CSRF token is not the session's is refused with 403 and writes nothing")
    func csrfMismatch() async throws {
        let fixture = try await WebFixture()
        let token = APIToken(id: UUID(), handle: handle("bo"), name: "phone", created: AccessFixture.now)
        try await fixture.accounts.addToken(token, sha256: SecretToken.random().sha256)
        let id = token.id.uuidString.lowercased()
        let answers = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts", &ada)
            var answers: [TestResponse] = []
            for (uri, fields) in [
                ("/admin/accounts", [("handle", "eve"), ("roles[]", "admin")]),
                ("/admin/accounts/bo/roles", [("roles[]", "admin")]), ("/admin/accounts/bo/disable", []),
                ("/admin/accounts/bo/password-link", []), ("/admin/tokens/\(id)/revoke", []),
            ] {
                answers.append(try await client.post(uri, fields + [("csrf", "kata_not-the-session-s")], &ada))
                answers.append(try await client.post(uri, fields + [("csrf", "")], &ada))
            }
            return answers
        }
        for answer in answers {
            #expect(answer.status == .forbidden)
            #expect(answer.text.contains("<h1>Not allowed</h1>") && answer.text.contains("csrf token is missing"))
        }
        #expect(try await fixture.accounts.accounts().count == 8)
        #expect(
            try await fixture.accounts.account(handle("bo"))
                == Account(handle: handle("bo"), created: AccessFixture.now))
        #expect(try await fixture.accounts.tokens(of: handle("bo")).map(\.id) == [token.id])
        #expect(try await fixture.accounts.audit(AuditQuery()).allSatisfy { $0.kind == "session" })
    }

    @Test("the roles form changes an account's roles, and Disable makes its sign-in fail")
    func rolesAndDisable() async throws {
        let fixture = try await WebFixture()
        let (changed, page, refused, disabled, after, boSignsIn) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts/bo", &ada)
            let changed = try await client.post("/admin/accounts/bo/roles", [("roles[]", "lean")], &ada)
            let page = try await client.get(changed.location ?? "/", &ada)
            let refused = try await client.post(
                "/admin/accounts/bo/roles", [("roles[]", "hr"), ("roles[]", "root")], &ada)
            let disabled = try await client.post("/admin/accounts/bo/disable", [], &ada)
            let after = try await client.get(disabled.location ?? "/", &ada)
            let boSignsIn = try await Self.signsIn("bo", WebFixture.password, client)
            return (changed, page, refused, disabled, after, boSignsIn)
        }
        #expect(changed.status == .seeOther && changed.location == "/admin/accounts/bo?done=roles")
        #expect(page.text.contains("Roles changed."))
        #expect(page.text.contains(#"<dd id="account-roles">lean</dd>"#))
        #expect(page.text.contains(#"name="roles[]" value="lean" checked>"#))
        #expect(refused.status == .badRequest)
        #expect(refused.text.contains(#"<p class="error" id="roles-error">roles: &#39;root&#39; is not valid"#))
        #expect(refused.text.contains(#"name="roles[]" value="hr" checked>"#), "the roles as ticked")
        #expect(disabled.status == .seeOther && disabled.location == "/admin/accounts/bo?done=disabled")
        #expect(after.text.contains("Account disabled"))
        #expect(after.text.contains(#"<dd id="account-state">disabled</dd>"#))
        #expect(!after.text.contains("/admin/accounts/bo/disable"), "no Disable for a disabled account")
        let bo = try await fixture.accounts.account(handle("bo"))
        #expect(bo?.roles == [.lean] && bo?.enabled == false)
        #expect(!boSignsIn, "a disabled account cannot sign in")
        let edits = try await fixture.audit("account")
        #expect(edits.count == 2 && edits.allSatisfy { $0.record == "bo" && $0.via == "session" })
    }

    @Test("a new set-password link is shown once on the answer page and sets the password")
    func newPasswordLink() async throws {
        let fixture = try await WebFixture()
        let (made, later, set, signsIn) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/accounts/bo", &ada)
            let made = try await client.post("/admin/accounts/bo/password-link", [], &ada)
            let later = try await client.get("/admin/accounts/bo", &ada)
            let set = try await Self.setPassword(try #require(Self.shownLink(made.text)), client)
            return (made, later, set, try await Self.signsIn("bo", Self.newPassword, client))
        }
        #expect(made.status == .ok)
        #expect(made.text.contains("A new set-password link for bo is below; it is shown only this once."))
        #expect(Self.shownLink(made.text)?.hasPrefix("/set-password/kata_") == true)
        #expect(Self.shownLink(later.text) == nil)
        #expect(set.status == .seeOther)
        #expect(signsIn, "bo signs in with the password the link set")
    }

    @Test("the account page lists its API tokens; Revoke makes one fail on the API at once, audited")
    func revokesAToken() async throws {
        let fixture = try await WebFixture()
        let secret = SecretToken.random()
        let token = APIToken(id: UUID(), handle: handle("bo"), name: "phone <old>", created: AccessFixture.now)
        try await fixture.accounts.addToken(token, sha256: secret.sha256)
        let id = token.id.uuidString.lowercased()
        let (before, page, revoked, after, again) = try await fixture.test { client in
            let before = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret.text)"], body: nil)
            var ada = try await client.signIn("ada")
            let page = try await client.get("/admin/accounts/bo", &ada)
            let revoked = try await client.post("/admin/tokens/\(id)/revoke", [], &ada)
            let after = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret.text)"], body: nil)
            let again = try await client.post("/admin/tokens/\(id)/revoke", [], &ada)
            return (before, page, revoked, after, again)
        }
        #expect(before.status == .ok)
        #expect(page.text.contains(#"<th scope="row">phone &lt;old&gt;</th><td><code>\#(id)</code></td>"#))
        #expect(page.text.contains("<td>2026-11-20T08:00:00Z</td><td>2026-11-20T08:00:00Z</td>"), "created, last used")
        #expect(page.text.contains(#"action="/admin/tokens/\#(id)/revoke""#))
        #expect(revoked.status == .seeOther && revoked.location == "/admin/accounts/bo?done=revoked#tokens")
        #expect(after.status == .unauthorized, "the revoked token fails at once")
        #expect(again.status == .notFound, "revoked already: as the API answers")
        #expect(try await fixture.accounts.tokens(of: handle("bo")).isEmpty)
        let entries = try await fixture.audit("token")
        #expect(entries.map(\.record) == [id] && entries.first?.action == "revoke")
        #expect(entries.first?.account == handle("ada") && entries.first?.via == "session")
    }

    @Test("the audit log shows the newest entries first, 50 a page, with Newer and Older keeping the filters")
    func auditPages() async throws {
        let fixture = try await WebFixture()
        for index in 0..<60 {
            try await fixture.accounts.recordAudit(
                AuditEntry(
                    at: AccessFixture.now.addingTimeInterval(Double(index)), account: handle("ann"), via: "file",
                    kind: "cycle", record: "r\(index)", action: "add"))
        }
        try await fixture.accounts.recordAudit(
            AuditEntry(
                at: AccessFixture.now, account: handle("dan"), via: "file", kind: "cycle", record: "d", action: "add"))
        let (first, second, bad) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            let first = try await client.get("/admin/audit?account=ann&kind=cycle", &ada)
            let second = try await client.get("/admin/audit?account=ann&kind=cycle&offset=50", &ada)
            let bad = try await client.get("/admin/audit?account=a%20b&kind=cycle", &ada)
            return (first, second, bad)
        }
        func records(_ page: TestResponse) -> [String] {
            page.text.matches(of: /<td>ann<\/td><td>file<\/td><td>cycle<\/td><td>(r\d+)<\/td>/).map { String($0.1) }
        }
        #expect(first.status == .ok)
        #expect(records(first) == (10..<60).reversed().map { "r\($0)" })
        #expect(first.text.contains("Entries 1 to 50, newest first"))
        #expect(
            first.text.contains(
                #"<a href="/admin/audit?account=ann&amp;kind=cycle&amp;offset=50" rel="next">Older</a>"#))
        #expect(!first.text.contains("Newer"))
        #expect(!first.text.contains("<td>dan</td>"), "the account filter")
        #expect(records(second) == (0..<10).reversed().map { "r\($0)" })
        #expect(second.text.contains(#"<a href="/admin/audit?account=ann&amp;kind=cycle" rel="prev">Newer</a>"#))
        #expect(!second.text.contains("Older"))
        #expect(bad.status == .badRequest)
        #expect(bad.text.contains(#"<p class="error" id="account-error">"#) && bad.text.contains(#"value="a b""#))
    }

    @Test("the people page lists everyone with their unit and today's pairings")
    func people() async throws {
        let fixture = try await WebFixture()
        let (page, forLean) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            var lea = try await client.signIn("lea")
            return (try await client.get("/admin/people", &ada), try await client.get("/admin/people", &lea))
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains("pairings active on 2026-11-20"))
        func row(_ handle: String, _ cells: String) -> String {
            #"<th scope="row">\#(handle)</th><td>"# + cells.split(separator: "|").joined(separator: "</td><td>")
                + "</td>"
        }
        #expect(html.contains(row("ann", "Ann Lee|Assembly|active|bo|none|none")), "ann's pairing with fay ended")
        #expect(html.contains(row("lena", "Lena Berg|Assembly|active|none|none|ann")), "2nd coach of ann")
        #expect(html.contains(row("fay", "Fay Wu|Assembly|active|none|dan|none")))
        #expect(html.contains("Every person (10), by unit"))
        #expect(forLean.status == .forbidden, "lean staff see people elsewhere, not on the admin pages")
    }
}
