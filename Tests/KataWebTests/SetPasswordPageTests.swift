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

@Suite("Setting a password from the one-time link")
struct SetPasswordPageTests {
    @Test("the link sets the password once: the account signs in with it, and the link is refused after")
    func setsOnce() async throws {
        let fixture = try await WebFixture()
        let link = SecretToken.random()
        _ = try await fixture.accounts.addAccount(
            handle: handle("hal"), roles: [.hr], passwordHash: nil,
            passwordLink: (link.sha256, AccessFixture.now.addingTimeInterval(86_400)), at: AccessFixture.now, by: .file)
        let password = "a long enough passphrase"
        let (short, differ, set, again, signedIn) = try await fixture.test { client in
            var browser = Browser()
            let form = try await client.get("/set-password/\(link.text)", &browser)
            #expect(form.text.contains(#"action="/set-password/\#(link.text)""#))
            let short = try await client.post(
                "/set-password/\(link.text)", [("password", "short"), ("confirm", "short")], &browser)
            let differ = try await client.post(
                "/set-password/\(link.text)", [("password", password), ("confirm", password + "!")], &browser)
            let set = try await client.post(
                "/set-password/\(link.text)", [("password", password), ("confirm", password)], &browser)
            let again = try await client.post(
                "/set-password/\(link.text)", [("password", password), ("confirm", password)], &browser)
            let signedIn = try await client.signIn("hal", password: password)
            return (short, differ, set, again, signedIn)
        }
        #expect(short.status == .badRequest)
        #expect(short.text.contains("password: &#39;5 characters&#39; is not valid; expected at least 12 characters"))
        #expect(!short.text.contains(#"value="short""#), "a password is never shown again")
        #expect(differ.status == .badRequest && differ.text.contains("the two passwords differ"))
        #expect(set.status == .seeOther && set.location == "/login?password-set=1")
        #expect(again.status == .unauthorized)
        #expect(again.text.contains("this set-password link has been used already"))
        #expect(signedIn.cookies["kata_session"] != nil)
        let lines = fixture.log.all
        #expect(lines.contains { $0.contains(#""route":"/set-password/{token}""#) })
        for secret in [link.text, password, signedIn.cookies["kata_session"] ?? "", signedIn.csrf ?? ""] {
            #expect(!lines.contains { $0.contains(secret) }, "no link, password, cookie or form token is logged")
        }
    }
}
