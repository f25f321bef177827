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

@Suite("Signing in to the web app")
struct SignInPageTests {
    @Test(
        "the right password starts a session in a kata_session cookie (HttpOnly, SameSite=Lax, Path=/) and opens Today")
    func signsIn() async throws {
        let fixture = try await WebFixture(accountsInDatabase: true)
        let (cookie, today, audit) = try await fixture.test { client in
            var browser = Browser()
            let form = try await client.get("/login", &browser)
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<input type="hidden" name="csrf" value="kata_"#))
            let answer = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password)], &browser)
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/")
            let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("kata_session=") } ?? ""
            return (cookie, try await client.get("/", &browser), try await fixture.audit("session"))
        }
        let parts = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(parts.contains("HttpOnly") && parts.contains("SameSite=Lax") && parts.contains("Path=/"))
        #expect(!parts.contains("Secure"), "no Secure flag on a server whose public URL is http")
        let secret = try #require(cookie.firstMatch(of: /kata_session=(kata_[0-9a-f]{64})/)).1
        #expect(today.status == .ok)
        #expect(today.text.contains("<h1>Today</h1>"))
        #expect(today.text.contains(#"<span class="who">ann</span>"#))
        #expect(audit.map { "\($0.account?.rawValue ?? "") \($0.via) \($0.action)" } == ["ann password add"])
        let stored = try fixture.owner.session(sha256: SecretToken.sha256(of: String(secret)), at: AccessFixture.now)
        #expect(stored?.account.handle == handle("ann"), "the session is kept by the SHA-256 of its secret")
    }

    @Test("behind an https public URL the session and form cookies are Secure too")
    func secureCookies() async throws {
        let fixture = try await WebFixture(publicURL: "https://kata.example.org")
        let cookies = try await fixture.test { client in
            var browser = Browser()
            let form = try await client.get("/login", &browser)
            let answer = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password)], &browser)
            return form.headers[values: .setCookie] + answer.headers[values: .setCookie]
        }
        #expect(cookies.count == 3)
        for cookie in cookies {
            let parts = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(parts.isSuperset(of: ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]), "\(cookie)")
        }
    }

    @Test("a wrong password and an unknown handle re-show the form with one message that does not say which")
    func wrongPassword() async throws {
        let fixture = try await WebFixture()
        let (wrong, unknown) = try await fixture.test { client in
            var browser = Browser()
            try await client.get("/login", &browser)
            let wrong = try await client.post(
                "/login", [("handle", "ann"), ("password", "not the password")], &browser)
            let unknown = try await client.post(
                "/login", [("handle", "nobody"), ("password", WebFixture.password)], &browser)
            return (wrong, unknown)
        }
        for (answer, typed) in [(wrong, "ann"), (unknown, "nobody")] {
            #expect(answer.status == .unauthorized)
            #expect(answer.text.contains(#"<p class="error" role="alert">wrong handle or password.</p>"#))
            #expect(answer.text.contains(#"name="handle" value="\#(typed)""#), "the handle typed is kept")
            #expect(!answer.headers[values: .setCookie].contains { $0.hasPrefix("kata_session=") })
        }
        #expect(try await fixture.audit("session").isEmpty)
    }

    @Test("after 10 failures in 15 minutes the account answers 429 for 15 minutes, the right password included")
    func lockOut() async throws {
        let fixture = try await WebFixture()
        let statuses = try await fixture.test { client in
            var browser = Browser()
            try await client.get("/login", &browser)
            var statuses: [Int] = []
            for _ in 1...10 {
                let answer = try await client.post("/login", [("handle", "ann"), ("password", "wrong")], &browser)
                statuses.append(answer.status.code)
            }
            let locked = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password)], &browser)
            statuses.append(locked.status.code)
            #expect(locked.text.contains("too many failed sign-ins; try again in 15 minute(s)."))
            #expect(locked.headers[.retryAfter] == "900")
            fixture.clock.advance(hours: 0.25)
            let later = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password)], &browser)
            statuses.append(later.status.code)
            return statuses
        }
        #expect(statuses == Array(repeating: 401, count: 10) + [429, 303])
    }

    @Test("a sign-in whose csrf field is missing or not its cookie's is 403 and starts no session")
    func signInNeedsCSRF() async throws {
        let fixture = try await WebFixture()
        let answers = try await fixture.test { client in
            var browser = Browser()
            try await client.get("/login", &browser)
            let wrong = try await client.post(
                "/login",
                [
                    ("handle", "ann"), ("password", WebFixture.password),
                    ("csrf", "kata_" + String(repeating: "0", count: 64)),
                ],
                &browser)
            var fresh = Browser()
            let missing = try await client.post(
                "/login", [("handle", "ann"), ("password", WebFixture.password)], &fresh)
            return [wrong, missing]
        }
        for answer in answers {
            #expect(answer.status == .forbidden)
            #expect(answer.text.contains("csrf token is missing or wrong"))
            #expect(!answer.headers[values: .setCookie].contains { $0.hasPrefix("kata_session=") })
        }
        #expect(try await fixture.audit("session").isEmpty)
    }
}
