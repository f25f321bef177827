import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: set-password links and the audit log")
struct AccountLinkAndAuditTests {
    /// A store where Bob has an account without a password and a link valid until 09:00 tomorrow.
    func bobWithLink() throws -> (SQLiteStore, link: String) {
        let store = try Fixture().store
        try store.addAccount(handle: handle("bob"), roles: [], passwordHash: nil, at: AccountFixture.at(9))
        let link = SecretToken.random().sha256
        try store.addPasswordLink(
            sha256: link, handle: handle("bob"), expires: AccountFixture.at(9, plusDays: 1), at: AccountFixture.at(9))
        return (store, link)
    }

    @Test("a link sets the password once, and its use is in the audit log as Bob's through the link")
    func linkWorksOnce() throws {
        let (store, link) = try bobWithLink()
        let hash = AccountFixture.passwordHash("q")
        #expect(try store.usePasswordLink(sha256: link, passwordHash: hash, at: AccountFixture.at(10)) == handle("bob"))
        #expect(try store.signInRecord(handle("bob"))?.passwordHash == hash)
        let again = thrownKataError {
            try store.usePasswordLink(
                sha256: link, passwordHash: AccountFixture.passwordHash("r"), at: AccountFixture.at(11))
        }
        #expect(again?.kind == .notSignedIn)
        #expect(again?.description.contains("used already") == true)
        #expect(try store.signInRecord(handle("bob"))?.passwordHash == hash)
        let entry = try #require(try store.audit(limit: 1).first)
        #expect(entry.account == handle("bob"))
        #expect(entry.via == "link")
        #expect(entry.action == "set-password")
    }

    @Test("an expired or unknown link is refused with a reason, and sets nothing")
    func expiredOrUnknownLink() throws {
        let (store, link) = try bobWithLink()
        let expired = thrownKataError {
            try store.usePasswordLink(
                sha256: link, passwordHash: AccountFixture.passwordHash(), at: AccountFixture.at(9, plusDays: 1))
        }
        #expect(
            expired
                == .notSignedIn(
                    "this set-password link expired at 2026-11-21T09:00:00.000Z. Ask an administrator for a new one."))
        let unknown = thrownKataError {
            try store.usePasswordLink(
                sha256: SecretToken.random().sha256, passwordHash: AccountFixture.passwordHash(),
                at: AccountFixture.at(10))
        }
        #expect(unknown?.kind == .notSignedIn)
        #expect(unknown?.description.contains("not one kata made") == true)
        #expect(try store.signInRecord(handle("bob")) == nil)
        #expect(try store.audit().map(\.action) == ["password-link", "add"])
        // Still usable before it expires.
        #expect(
            try store.usePasswordLink(
                sha256: link, passwordHash: AccountFixture.passwordHash(), at: AccountFixture.at(8, 59, plusDays: 1))
                == handle("bob"))
    }

    @Test("an audit entry appended inside another write is lost with it when that write fails")
    func auditInsideATransaction() throws {
        let store = try Fixture().store
        let failed = thrownKataError {
            try store.write { db in
                try SQLiteStore.appendAudit(
                    db,
                    AuditEntry(
                        at: AccountFixture.at(9), account: nil, via: "file", kind: "cycle", record: "x", action: "add"))
                throw KataError.ruleBroken("the write after it broke a rule.")
            }
        }
        #expect(failed == .ruleBroken("the write after it broke a rule."))
        #expect(try store.audit().isEmpty)
    }

    @Test("the audit log lists newest first, by period and account, a page at a time")
    func auditListing() throws {
        let store = try Fixture().store
        try store.addAccount(handle: handle("dee"), roles: [.admin], passwordHash: nil, at: AccountFixture.at(8))
        let token = UUID()
        for hour in 9...14 {
            try store.recordAudit(
                AuditEntry(
                    at: AccountFixture.at(hour),
                    by: hour.isMultiple(of: 2) ? .token(token, account: handle("dee")) : .file,
                    kind: "cycle", record: "c\(hour)", action: "add"))
        }
        #expect(try store.audit().map(\.record) == ["c14", "c13", "c12", "c11", "c10", "c9", "dee"])
        #expect(
            try store.audit(from: AccountFixture.at(10), to: AccountFixture.at(13)).map(\.record) == [
                "c12", "c11", "c10",
            ])
        #expect(try store.audit(account: handle("dee")).map(\.record) == ["c14", "c12", "c10"])
        #expect(try store.audit(limit: 2).map(\.record) == ["c14", "c13"])
        #expect(try store.audit(limit: 2, offset: 2).map(\.record) == ["c12", "c11"])
        #expect(try store.audit(limit: 2, offset: 6).map(\.record) == ["dee"])
        #expect(
            try store.audit(from: AccountFixture.at(11), account: handle("dee"), limit: 1, offset: 1).map(\.record) == [
                "c12"
            ])
        #expect(thrownKataError { try store.audit(limit: 0) }?.invalidField == "limit")
        #expect(thrownKataError { try store.audit(offset: -1) }?.invalidField == "offset")
    }
}
