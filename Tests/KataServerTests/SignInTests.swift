import Foundation
import HTTPTypes
import HummingbirdTesting
import ImprovementKata
import KataStore
import Testing

@testable import KataServer

@Suite("Signing in for an API token")
struct SignInTests {
    @Test("the right password answers 201 with a kata_ token of 256 bits, of which the server keeps only the SHA-256")
    func signInMakesToken() async throws {
        let fixture = try await ServerFixture()
        let made = try await fixture.test { client in try await client.signInResponse("ann") }
        #expect(made.status == .created)
        let token = try #require(made.object["token"] as? String)
        #expect(token.wholeMatch(of: /kata_[0-9a-f]{64}/) != nil)
        #expect(made.object["handle"] as? String == "ann")
        #expect(made.object["name"] as? String == "laptop")
        #expect(made.object["created"] as? String == "2026-11-25T09:46:40Z")
        let id = try #require(made.object["id"] as? String)
        #expect(id == id.lowercased() && UUID(uuidString: id) != nil)
        let digests = await fixture.accounts.storedDigests
        #expect(digests == [TokenSecret.sha256Hex(token)])
        let audit = await fixture.accounts.auditLog
        #expect(
            audit.map { "\($0.account?.rawValue ?? "-") \($0.via) \($0.kind) \($0.record) \($0.action)" } == [
                "ann password token \(id) add"
            ])
    }

    @Test("a wrong password and an unknown handle get the same 401, which does not say which was wrong")
    func wrongHandleOrPassword() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for (handle, password) in [("ann", "not the password at all"), ("nobody", ServerFixture.password)] {
                let response = try await client.signInResponse(handle, password: password)
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "not-signed-in")
                #expect(response.errorMessage == "wrong handle or password.")
            }
        }
        #expect(await fixture.accounts.storedDigests.isEmpty)
    }

    @Test("a disabled account cannot sign in, even with its password")
    func disabledAccount() async throws {
        let fixture = try await ServerFixture()
        let response = try await fixture.test { client in try await client.signInResponse("bo") }
        #expect(response.status == .unauthorized)
        #expect(response.errorMessage == "wrong handle or password.")
    }

    @Test("after 10 failures in 15 minutes an account answers 429 for 15 minutes, the right password included")
    func accountLockOut() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for _ in 1...10 {
                #expect(try await client.signInResponse("ann", password: "guess guess guess").status == .unauthorized)
            }
            let locked = try await client.signInResponse("ann")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.errorCode == "too-many-attempts")
            #expect(locked.headers[.retryAfter] == "900")
            fixture.clock.advance(minutes: 14)
            let stillLocked = try await client.signInResponse("ann")
            #expect(stillLocked.status == .tooManyRequests)
            #expect(stillLocked.headers[.retryAfter] == "60")
            #expect(try await client.signInResponse("root").status == .created)
            fixture.clock.advance(minutes: 1)
            #expect(try await client.signInResponse("ann").status == .created)
        }
    }

    @Test("failures older than 15 minutes do not count towards the lock-out")
    func failuresAgeOut() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for _ in 1...9 { try await client.signInResponse("ann", password: "guess guess guess") }
            fixture.clock.advance(minutes: 16)
            try await client.signInResponse("ann", password: "guess guess guess")
            #expect(try await client.signInResponse("ann").status == .created)
        }
    }

    @Test("one address gets 100 failures in 15 minutes; behind the trusted proxy the address is the forwarded one")
    func addressLimit() async throws {
        let fixture = try await ServerFixture(trustedProxy: "127.0.0.1")
        for index in 0..<11 { try await fixture.addAccount("c\(index)", name: "Coach \(index)") }
        try await fixture.test(.live) { client in
            let attacker: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7, 203.0.113.9"]
            for index in 0..<10 {
                for _ in 1...10 {
                    let response = try await client.signInResponse(
                        "c\(index)", password: "guess guess", headers: attacker)
                    #expect(response.status == .unauthorized)
                }
            }
            let refused = try await client.signInResponse("c10", headers: attacker)
            #expect(refused.status == .tooManyRequests)
            let elsewhere: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.10"]
            #expect(try await client.signInResponse("c10", headers: elsewhere).status == .created)
        }
    }

    @Test("X-Forwarded-For is ignored unless the peer is the trusted proxy")
    func forwardedForFromUntrustedPeer() {
        #expect(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: "1.2.3.4", trustedProxy: nil) == "10.0.0.5")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: "1.2.3.4", trustedProxy: "10.0.0.6") == "10.0.0.5")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.6", forwardedFor: "9.9.9.9, 1.2.3.4", trustedProxy: "10.0.0.6")
                == "1.2.3.4")
    }
}
