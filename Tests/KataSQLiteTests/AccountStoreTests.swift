import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: accounts")
struct AccountStoreTests {
    let nine = AccountFixture.at(9)

    @Test("an account is kept for a person with its roles, enabled, and listed by handle")
    func addAndList() throws {
        let fixture = try Fixture()
        let store = fixture.store
        try store.addAccount(handle: handle("eve"), roles: [.lean, .hr], passwordHash: nil, at: nine)
        let added = try store.addAccount(
            handle: handle("dee"), roles: [.admin], passwordHash: AccountFixture.passwordHash(), at: nine)
        #expect(added == Account(handle: handle("dee"), roles: [.admin], enabled: true, created: nine))
        #expect(try store.account(handle("eve"))?.roles == [.hr, .lean])
        #expect(try store.account(handle("ann")) == nil)
        #expect(try store.accounts().map(\.handle.rawValue) == ["dee", "eve"])
        #expect(try store.accounts().map(\.created) == [nine, nine])
    }

    @Test("an account for a handle nobody has names the nearest person, and one account per person")
    func unknownPersonAndDuplicate() throws {
        let store = try Fixture().store
        let unknown = thrownKataError {
            try store.addAccount(handle: handle("anne"), roles: [], passwordHash: nil, at: nine)
        }
        #expect(unknown?.description == "no person 'anne'. Did you mean ann (Ann Lee)? See 'kata person list'.")
        try store.addAccount(handle: handle("ann"), roles: [], passwordHash: nil, at: nine)
        let again = thrownKataError {
            try store.addAccount(handle: handle("ann"), roles: [.admin], passwordHash: nil, at: nine)
        }
        #expect(again == .duplicate(kind: "account", reference: "ann"))
        #expect(try store.account(handle("ann"))?.roles == [])
    }

    @Test("editing replaces the roles and the enabled flag, leaving what is not given")
    func edit() throws {
        let store = try Fixture().store
        try store.addAccount(handle: handle("eve"), roles: [.lean], passwordHash: nil, at: nine)
        let hr = try store.editAccount(handle("eve"), roles: [.hr, .admin], at: nine)
        #expect(hr.roles == [.admin, .hr])
        #expect(hr.enabled)
        let disabled = try store.editAccount(handle("eve"), enabled: false, at: nine)
        #expect(disabled.roles == [.admin, .hr])
        #expect(!disabled.enabled)
        #expect(try store.editAccount(handle("eve"), roles: [], at: nine).roles == [])
        #expect(
            try store.account(handle("eve")) == Account(handle: handle("eve"), roles: [], enabled: false, created: nine)
        )
        let unknown = thrownKataError { try store.editAccount(handle("bob"), enabled: false, at: nine) }
        #expect(unknown?.unknownKind == "account")
    }

    @Test("a sign-in finds the password hash only of an enabled account that has one")
    func signInRecord() throws {
        let store = try Fixture().store
        #expect(try store.signInRecord(handle("ann")) == nil)
        try store.addAccount(handle: handle("ann"), roles: [], passwordHash: nil, at: nine)
        #expect(try store.signInRecord(handle("ann")) == nil)
        try store.setPasswordHash(handle("ann"), hash: AccountFixture.passwordHash("b"), at: nine)
        let record = try #require(try store.signInRecord(handle("ann")))
        #expect(record.0.handle == handle("ann"))
        #expect(record.passwordHash == AccountFixture.passwordHash("b"))
        try store.editAccount(handle("ann"), enabled: false, at: nine)
        #expect(try store.signInRecord(handle("ann")) == nil)
    }

    @Test("each account write is in the audit log, with who, how and what, never a password hash")
    func writesAreAudited() throws {
        let store = try Fixture().store
        try store.addAccount(handle: handle("dee"), roles: [.admin], passwordHash: nil, at: AccountFixture.at(9))
        let token = UUID()
        try store.editAccount(
            handle("dee"), roles: [.admin, .lean], at: AccountFixture.at(10), by: .token(token, account: handle("dee")))
        try store.setPasswordHash(handle("dee"), hash: AccountFixture.passwordHash(), at: AccountFixture.at(11))
        try store.editAccount(handle("dee"), enabled: false, at: AccountFixture.at(12))
        let entries = try store.audit()
        #expect(entries.map(\.action) == ["disable", "set-password", "edit", "add"])
        #expect(entries.map(\.via) == ["file", "file", "token:" + token.uuidString.lowercased(), "file"])
        #expect(entries.map(\.account) == [nil, nil, handle("dee"), nil])
        #expect(entries.map(\.kind) == ["account", "account", "account", "account"])
        #expect(entries.allSatisfy { $0.record == "dee" })
        #expect(
            entries.map(\.detail) == [
                "roles admin, lean; disabled", nil, "roles admin, lean; enabled",
                "roles admin; enabled; no password yet",
            ])
        #expect(entries.map(\.at) == [12, 11, 10, 9].map { AccountFixture.at($0) })
    }
}
