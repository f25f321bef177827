import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: API tokens and web sessions")
struct AccountCredentialTests {
    /// A store where Ann has an account and a token made at 09:00.
    func annWithToken() throws -> (SQLiteStore, APIToken, sha256: String) {
        let store = try Fixture().store
        try store.addAccount(handle: handle("ann"), roles: [.lean], passwordHash: nil, at: AccountFixture.at(8))
        let (token, sha256) = AccountFixture.token("ann")
        try store.addToken(token, sha256: sha256)
        return (store, token, sha256)
    }

    @Test("a token signs in as its account and records when it was last used, to the minute")
    func tokenOwner() throws {
        let (store, token, sha256) = try annWithToken()
        #expect(try store.token(token.id)?.lastUsed == nil)
        let (account, used) = try #require(try store.tokenOwner(sha256: sha256, at: AccountFixture.at(10)))
        #expect(account.handle == handle("ann"))
        #expect(account.roles == [.lean])
        #expect(used.id == token.id)
        #expect(used.lastUsed == AccountFixture.at(10))
        #expect(try store.token(token.id)?.lastUsed == AccountFixture.at(10))
        // Within the minute nothing is written; after it, the new instant is.
        _ = try store.tokenOwner(sha256: sha256, at: AccountFixture.at(10).addingTimeInterval(30))
        #expect(try store.token(token.id)?.lastUsed == AccountFixture.at(10))
        _ = try store.tokenOwner(sha256: sha256, at: AccountFixture.at(10, 5))
        #expect(try store.token(token.id)?.lastUsed == AccountFixture.at(10, 5))
        #expect(try store.tokenOwner(sha256: SecretToken.random().sha256, at: AccountFixture.at(10)) == nil)
    }

    @Test("a revoked token fails at once; revoking it again keeps the first instant; an unknown id is not found")
    func revokedToken() throws {
        let (store, token, sha256) = try annWithToken()
        var (other, otherHash) = AccountFixture.token("ann", name: "phone")
        other.created = AccountFixture.at(8, 30)
        try store.addToken(other, sha256: otherHash)
        #expect(try store.tokens(handle: handle("ann")).map(\.name) == ["phone", "laptop"])
        let revoked = try store.revokeToken(token.id, at: AccountFixture.at(11))
        #expect(revoked.revoked == AccountFixture.at(11))
        #expect(try store.tokenOwner(sha256: sha256, at: AccountFixture.at(11)) == nil)
        #expect(try store.revokeToken(token.id, at: AccountFixture.at(12)).revoked == AccountFixture.at(11))
        #expect(try store.tokens(handle: handle("ann")).map(\.id) == [other.id])
        #expect(try store.tokenOwner(sha256: otherHash, at: AccountFixture.at(12))?.1.id == other.id)
        let unknown = thrownKataError { try store.revokeToken(UUID(), at: AccountFixture.at(12)) }
        #expect(unknown?.unknownKind == "token")
    }

    @Test("a disabled account's token and session fail, and work again once it is enabled (the session stays ended)")
    func disabledAccount() throws {
        let (store, _, sha256) = try annWithToken()
        let session = SecretToken.random().sha256
        try store.addSession(
            sha256: session, handle: handle("ann"), csrf: String(repeating: "c", count: 43), at: AccountFixture.at(9))
        #expect(
            try store.sessionOwner(sha256: session, at: AccountFixture.at(10))?.csrf
                == String(repeating: "c", count: 43))
        try store.editAccount(handle("ann"), enabled: false, at: AccountFixture.at(11))
        #expect(try store.tokenOwner(sha256: sha256, at: AccountFixture.at(11, 1)) == nil)
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(11, 1)) == nil)
        try store.editAccount(handle("ann"), enabled: true, at: AccountFixture.at(12))
        #expect(try store.tokenOwner(sha256: sha256, at: AccountFixture.at(12, 1))?.0.handle == handle("ann"))
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(12, 1)) == nil)
    }

    @Test("a token or session of an account that does not exist is refused")
    func credentialsNeedAnAccount() throws {
        let store = try Fixture().store
        let (token, sha256) = AccountFixture.token("bob")
        #expect(thrownKataError { try store.addToken(token, sha256: sha256) }?.unknownKind == "account")
        let session = thrownKataError {
            try store.addSession(
                sha256: sha256, handle: handle("bob"), csrf: String(repeating: "c", count: 43), at: AccountFixture.at(9)
            )
        }
        #expect(session?.unknownKind == "account")
    }

    @Test("a session ends after 12 idle hours, counted from the last request")
    func idleSession() throws {
        let (store, _, _) = try annWithToken()
        let session = SecretToken.random().sha256
        let csrf = String(repeating: "x", count: 64)
        try store.addSession(sha256: session, handle: handle("ann"), csrf: csrf, at: AccountFixture.at(9))
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(20, 59))?.csrf == csrf)
        // Seen at 20:59, it is open 11 h 59 min later, and that request keeps it open 12 h more.
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(8, 58, plusDays: 1)) != nil)
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(20, 57, plusDays: 1)) != nil)
        let idle = SecretToken.random().sha256
        try store.addSession(sha256: idle, handle: handle("ann"), csrf: csrf, at: AccountFixture.at(9))
        #expect(try store.sessionOwner(sha256: idle, at: AccountFixture.at(21)) == nil)
        #expect(try store.sessionOwner(sha256: session, at: AccountFixture.at(8, 57, plusDays: 2)) == nil)
    }

    @Test("a session ends 30 days after it began, however busy, and at sign-out")
    func sessionLifetime() throws {
        let (store, _, _) = try annWithToken()
        let busy = SecretToken.random().sha256
        let csrf = String(repeating: "y", count: 64)
        try store.addSession(sha256: busy, handle: handle("ann"), csrf: csrf, at: AccountFixture.at(9))
        // A request every 11 hours keeps it from going idle, up to 715 hours after it began.
        for step in 1...65 {
            #expect(try store.sessionOwner(sha256: busy, at: AccountFixture.at(9 + 11 * step)) != nil, "step \(step)")
        }
        #expect(try store.sessionOwner(sha256: busy, at: AccountFixture.at(8, 59, plusDays: 30)) != nil)
        #expect(try store.sessionOwner(sha256: busy, at: AccountFixture.at(9, plusDays: 30)) == nil)
        let signedOut = SecretToken.random().sha256
        try store.addSession(sha256: signedOut, handle: handle("ann"), csrf: csrf, at: AccountFixture.at(9))
        try store.endSession(sha256: signedOut, at: AccountFixture.at(10))
        try store.endSession(sha256: signedOut, at: AccountFixture.at(11))
        #expect(try store.sessionOwner(sha256: signedOut, at: AccountFixture.at(10, 1)) == nil)
    }
}
