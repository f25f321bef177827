import Foundation
import HTTPTypes
import HummingbirdTesting
import ImprovementKata
import KataStore
import Testing

@testable import KataServer

@Suite("API tokens: /me, listing and revoking")
struct TokenTests {
    @Test("GET /api/v1/me answers the token's account, its person's name, roles and the token id")
    func me() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let token = try await client.signIn("root")
            let me = try await client.call(.get, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            #expect(me.object["handle"] as? String == "root")
            #expect(me.object["name"] as? String == "Rita Root")
            #expect(me.object["roles"] as? [String] == ["admin"])
            let listed = try await client.call(.get, "/api/v1/tokens", token: token)
            let tokens = try #require(listed.object["tokens"] as? [[String: Any]])
            #expect(tokens.map { $0["id"] as? String } == [me.object["tokenId"] as? String])
            #expect(tokens.first?["lastUsed"] as? String == "2026-11-25T09:46:40Z")
        }
    }

    @Test("every /api/v1 route but sign-in needs a token: none, a malformed one or an unknown one is 401")
    func denyByDefault() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let unknown = "kata_" + String(repeating: "ab", count: 32)
            for (uri, token) in [
                ("/api/v1/me", nil), ("/api/v1/me", "not-a-token"), ("/api/v1/me", unknown),
                ("/api/v1/tokens", nil), ("/api/v1/no-such-route", nil), ("/api/v1", nil),
            ] {
                let response = try await client.call(.get, uri, token: token)
                #expect(response.status == .unauthorized, "\(uri) with \(token ?? "no token")")
                #expect(response.errorCode == "not-signed-in")
            }
            let delete = try await client.call(.delete, "/api/v1/tokens/\(UUID().uuidString)")
            #expect(delete.status == .unauthorized)
        }
    }

    @Test("a revoked token fails at once, and so does the token of an account disabled after signing in")
    func revokedAndDisabled() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let laptop = try await client.signIn("ann")
            let phone = try await client.signIn("ann")
            let phoneID = try #require(
                try await client.call(.get, "/api/v1/me", token: phone).object["tokenId"] as? String)
            let revoked = try await client.call(.delete, "/api/v1/tokens/\(phoneID.uppercased())", token: laptop)
            #expect(revoked.status == .noContent)
            #expect(try await client.call(.get, "/api/v1/me", token: phone).status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/me", token: laptop).status == .ok)
            let listed = try await client.call(.get, "/api/v1/tokens", token: laptop)
            #expect((listed.object["tokens"] as? [Any])?.count == 1)
            await fixture.accounts.setEnabled(false, handle: try Handle(validating: "ann"))
            #expect(try await client.call(.get, "/api/v1/me", token: laptop).status == .unauthorized)
        }
        let actions = await fixture.accounts.auditLog.map(\.action)
        #expect(actions == ["add", "add", "revoke"])
    }

    @Test("a coach cannot revoke or list another's tokens (404 and 403); an admin can do both")
    func othersTokens() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            let root = try await client.signIn("root")
            let rootID = try #require(
                try await client.call(.get, "/api/v1/me", token: root).object["tokenId"] as? String)
            let annID = try #require(try await client.call(.get, "/api/v1/me", token: ann).object["tokenId"] as? String)
            let hidden = try await client.call(.delete, "/api/v1/tokens/\(rootID)", token: ann)
            #expect(hidden.status == .notFound)
            #expect(hidden.errorCode == "unknown")
            #expect(hidden.errorMessage == "no token '\(rootID)'. See 'kata token list'.")
            let absent = UUID().uuidString.lowercased()
            let nowhere = try await client.call(.delete, "/api/v1/tokens/\(absent)", token: ann)
            #expect(nowhere.status == .notFound)
            #expect(nowhere.errorMessage == "no token '\(absent)'. See 'kata token list'.")
            let badID = try await client.call(.delete, "/api/v1/tokens/..%2Fetc", token: ann)
            #expect(badID.status == .badRequest)
            #expect(badID.errorField == "id")
            #expect(try await client.call(.get, "/api/v1/tokens?handle=root", token: ann).status == .forbidden)
            let annsTokens = try await client.call(.get, "/api/v1/tokens?handle=ann", token: root)
            #expect((annsTokens.object["tokens"] as? [[String: Any]])?.map { $0["id"] as? String } == [annID])
            #expect(try await client.call(.delete, "/api/v1/tokens/\(annID)", token: root).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/me", token: ann).status == .unauthorized)
        }
    }
}
