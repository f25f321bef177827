import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataWeb

@Suite("Web sessions: lifetimes, signing out, pages that need one")
struct SessionPageTests {
    @Test("a session ends after 12 idle hours: its next page sends the browser to /login")
    func idleLimit() async throws {
        let fixture = try await WebFixture()
        let statuses = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            fixture.clock.advance(hours: 11.9)
            let before = try await client.get("/", &browser).status.code
            fixture.clock.advance(hours: 11.9)  // idle again for 11.9 h: the page above counted
            let stillOpen = try await client.get("/", &browser).status.code
            fixture.clock.advance(hours: 12.1)
            let after = try await client.get("/", &browser)
            return [before, stillOpen, after.status.code, after.location == "/login" ? 1 : 0]
        }
        #expect(statuses == [200, 200, 303, 1])
    }

    @Test("a session ends 30 days after it began, however busy")
    func lifetime() async throws {
        let fixture = try await WebFixture()
        let statuses = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            var statuses: [Int] = []
            for _ in 1...65 {  // a page every 11 hours, for 715 hours (29.8 days)
                fixture.clock.advance(hours: 11)
                statuses.append(try await client.get("/", &browser).status.code)
            }
            fixture.clock.advance(hours: 6)  // 721 hours after signing in
            statuses.append(try await client.get("/", &browser).status.code)
            return statuses
        }
        #expect(statuses.dropLast().allSatisfy { $0 == 200 })
        #expect(statuses.last == 303)
    }

    @Test("signing out ends the session: the same cookie no longer opens a page, and the sign-out is audited")
    func signOut() async throws {
        let fixture = try await WebFixture()
        let (refused, stillIn, out, after) = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            let stolen = browser
            let refused = try await client.post("/logout", [("csrf", "wrong")], &browser)
            let stillIn = try await client.get("/", &browser)
            let out = try await client.post("/logout", [], &browser)
            var replayed = stolen
            let after = try await client.get("/", &replayed)
            return (refused, stillIn, out, after)
        }
        #expect(refused.status == .forbidden, "a sign-out without the session's csrf is refused")
        #expect(stillIn.status == .ok)
        #expect(out.status == .seeOther && out.location == "/login")
        #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("kata_session=;") && $0.contains("Max-Age=0") })
        #expect(after.status == .seeOther && after.location == "/login", "the old cookie is refused")
        let actions = try await fixture.audit("session").map { "\($0.via) \($0.action)" }
        #expect(actions == ["session end", "password add"])
    }

    @Test(
        "without a session every page but /login, /set-password and /style.css sends the browser to /login",
        arguments: ["/", "/cycles/new?learner=bo", "/storyboards/bo", "/storyboards/nobody"])
    func redirectsWithoutSession(_ page: String) async throws {
        let fixture = try await WebFixture()
        let (get, post) = try await fixture.test { client in
            var browser = Browser()
            let get = try await client.get(page, &browser)
            let post = try await client.post("/cycles", [("learner", "bo"), ("minutes", "10")], &browser)
            return (get, post)
        }
        let expected = page == "/" ? "/login" : "/login?next=" + formEncoded(page)
        #expect(get.status == .seeOther && get.location == expected)
        #expect(post.status == .seeOther && post.location == "/login")
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 2, "nothing written")
    }

    @Test("signing in goes back to the page asked for without a session, never to another site")
    func returnsAfterSignIn() async throws {
        let fixture = try await WebFixture()
        let (back, elsewhere) = try await fixture.test { client in
            var browser = Browser()
            let asked = try await client.get("/cycles/new?learner=bo", &browser)
            let form = try await client.get(asked.location ?? "", &browser)
            #expect(form.text.contains(#"<input type="hidden" name="next" value="/cycles/new?learner=bo">"#))
            let back = try await client.post(
                "/login",
                [("handle", "ann"), ("password", WebFixture.password), ("next", "/cycles/new?learner=bo")], &browser)
            var other = Browser()
            try await client.get("/login?next=%2F%2Fevil.example%2F", &other)
            let elsewhere = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password), ("next", "//evil.example/")], &other)
            return (back, elsewhere)
        }
        #expect(back.status == .seeOther && back.location == "/cycles/new?learner=bo")
        #expect(
            elsewhere.status == .seeOther && elsewhere.location == "/", "an address of another site is not followed")
        #expect(ReturnPath.checked("https://evil.example/") == nil && ReturnPath.checked("/\\evil.example") == nil)
    }

    @Test("the sign-in page, a set-password link and the stylesheet need no session")
    func openPages() async throws {
        let fixture = try await WebFixture()
        let answers = try await fixture.test { client in
            var browser = Browser()
            return [
                try await client.get("/login", &browser), try await client.get("/set-password/kata_abc", &browser),
                try await client.get("/style.css", &browser),
            ]
        }
        #expect(answers.map(\.status) == [.ok, .ok, .ok])
        #expect(answers[2].headers[.contentType] == "text/css; charset=utf-8")
        #expect(answers[2].text.contains("@media print"))
    }

    @Test(
        "every page carries the security headers of §10.2", arguments: ["/login", "/", "/storyboards/bo", "/style.css"])
    func securityHeaders(_ page: String) async throws {
        let fixture = try await WebFixture()
        let answer = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            return try await client.get(page, &browser)
        }
        #expect(answer.status.code < 400)
        #expect(answer.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'")
        #expect(answer.headers[.xContentTypeOptions] == "nosniff")
        #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
    }
}
