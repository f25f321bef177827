import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// A store of accounts the contract runs against, with the writes that set up its people.
typealias ContractAccountStore = AccountStore & KataServiceWrites

/// The two stores of accounts (DESIGN §10.2): the SQLite file and PostgreSQL, where several
/// servers share one database.
enum AccountBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL where a cluster is there (or CI requires one).
    static let available: [AccountBackend] = TestCluster.runs ? allCases : [.sqlite]

    /// Runs `body` with a fresh store of this kind in which ann, bob and dee exist, none with an account.
    func with(_ body: (any ContractAccountStore) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let store = try SQLiteStore.inMemory()
            try await Self.addPeople(store)
            try await body(store)
        case .postgres:
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                do {
                    try await Self.addPeople(store)
                    try await body(store)
                    await store.close()
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }

    private static func addPeople(_ store: any ContractAccountStore) async throws {
        for (handle, name) in [("ann", "Ann Lee"), ("bob", "Bob Marsh"), ("dee", "Dee Diaz")] {
            try await store.addPerson(Person(handle: Handle(validating: handle), name: name))
        }
    }
}

extension PostgresTests {
    /// One suite of the rules of accounts, tokens, sessions, set-password links and the audit log,
    /// run against every store that keeps them: the same answers and the same refusals.
    @Suite("Accounts: the same rules in every store")
    struct AccountStoreContractTests {
        /// 2026-11-20 at `hour`:`minute` UTC, plus `days`.
        static func at(_ hour: Int, _ minute: Int = 0, plusDays days: Int = 0) -> Date {
            let ordinal = (Day("2026-11-20")?.ordinal ?? 0) + days
            return Date(timeIntervalSince1970: TimeInterval(ordinal * 86_400 + hour * 3_600 + minute * 60))
        }

        static func hash(_ seed: Character = "a") -> String { "$2b$12$" + String(repeating: seed, count: 53) }

        static func handle(_ text: String) throws -> Handle { try Handle(validating: text) }

        /// The error `work` throws as a `KataError`, nil when it succeeds or throws another.
        static func refusal(_ work: () async throws -> Void) async -> KataError? {
            do {
                try await work()
                return nil
            } catch let error as KataError {
                return error
            } catch {
                Issue.record("not a KataError: \(String(reflecting: error))")
                return nil
            }
        }

        /// A token of `owner` made at 09:00, with the SHA-256 of a fresh secret.
        static func token(_ owner: String, name: String = "laptop") throws -> (APIToken, sha256: String) {
            (APIToken(id: UUID(), handle: try handle(owner), name: name, created: at(9)), SecretToken.random().sha256)
        }

        @Test(
            "accounts: added once for an existing person, listed, edited, and the same refusals",
            arguments: AccountBackend.available)
        func accounts(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let ann = try Self.handle("ann")
                let added = try await store.addAccount(
                    handle: ann, roles: [.lean, .admin], passwordHash: Self.hash(), passwordLink: nil, at: Self.at(8),
                    by: .file)
                #expect(added == Account(handle: ann, roles: [.admin, .lean], enabled: true, created: Self.at(8)))
                #expect(try await store.accounts() == [added])
                #expect(try await store.account(ann) == added)
                #expect(try await store.account(Self.handle("bob")) == nil)
                let twice = await Self.refusal {
                    _ = try await store.addAccount(
                        handle: ann, roles: [], passwordHash: nil, passwordLink: nil, at: Self.at(9), by: .file)
                }
                #expect(twice == .duplicate(kind: "account", reference: "ann"))
                let nobody = await Self.refusal {
                    _ = try await store.addAccount(
                        handle: Self.handle("zed"), roles: [], passwordHash: nil, passwordLink: nil, at: Self.at(9),
                        by: .file)
                }
                #expect(nobody?.unknownKind == "person")
                let edited = try await store.editAccount(ann, roles: [.hr], enabled: nil, at: Self.at(10), by: .file)
                #expect(edited.roles == [.hr])
                #expect(try await store.signInRecord(handle: ann)?.passwordHash == Self.hash())
                try await store.setPasswordHash(ann, hash: Self.hash("b"), at: Self.at(11), by: .session(account: ann))
                #expect(try await store.signInRecord(handle: ann)?.passwordHash == Self.hash("b"))
                let unknown = await Self.refusal {
                    _ = try await store.editAccount(
                        Self.handle("bob"), roles: [], enabled: nil, at: Self.at(10), by: .file)
                }
                #expect(
                    unknown
                        == .unknown(
                            kind: "account", reference: "bob",
                            hint: "See 'kata account list', or add one with 'kata account add bob'."))
                #expect(try await store.personName(handle: ann) == "Ann Lee")
                #expect(
                    try await store.audit(AuditQuery()).map { "\($0.action) \($0.detail ?? "-") \($0.via)" } == [
                        "set-password - session", "edit roles hr; enabled file", "add roles admin, lean; enabled file",
                    ])
            }
        }

        @Test(
            "a token signs in as its account and records when it was last used, to the minute",
            arguments: AccountBackend.available)
        func tokenOwner(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                _ = try await store.addAccount(
                    handle: Self.handle("ann"), roles: [.lean], passwordHash: nil, passwordLink: nil, at: Self.at(8),
                    by: .file)
                let (token, sha256) = try Self.token("ann")
                try await store.addToken(token, sha256: sha256)
                #expect(try await store.token(id: token.id)?.lastUsed == nil)
                let owner = try #require(try await store.owner(ofToken: sha256, at: Self.at(10)))
                #expect(owner.account.handle == (try Self.handle("ann")))
                #expect(owner.account.roles == [.lean])
                #expect(owner.token.id == token.id)
                #expect(owner.token.lastUsed == Self.at(10))
                #expect(try await store.token(id: token.id)?.lastUsed == Self.at(10))
                _ = try await store.owner(ofToken: sha256, at: Self.at(10).addingTimeInterval(30))
                #expect(try await store.token(id: token.id)?.lastUsed == Self.at(10))
                _ = try await store.owner(ofToken: sha256, at: Self.at(10, 5))
                #expect(try await store.token(id: token.id)?.lastUsed == Self.at(10, 5))
                #expect(try await store.owner(ofToken: SecretToken.random().sha256, at: Self.at(10)) == nil)
            }
        }

        @Test(
            "a revoked token fails at once; revoking it again keeps the first instant; an unknown id is not found",
            arguments: AccountBackend.available)
        func revokedToken(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let ann = try Self.handle("ann")
                _ = try await store.addAccount(
                    handle: ann, roles: [], passwordHash: nil, passwordLink: nil, at: Self.at(8), by: .file)
                let (token, sha256) = try Self.token("ann")
                var (other, otherHash) = try Self.token("ann", name: "phone")
                other.created = Self.at(8, 30)
                try await store.addToken(token, sha256: sha256)
                try await store.addToken(other, sha256: otherHash)
                #expect(try await store.tokens(of: ann).map(\.name) == ["phone", "laptop"])
                try await store.revokeToken(id: token.id, at: Self.at(11))
                #expect(try await store.token(id: token.id)?.revoked == Self.at(11))
                #expect(try await store.owner(ofToken: sha256, at: Self.at(11)) == nil)
                try await store.revokeToken(id: token.id, at: Self.at(12))
                #expect(try await store.token(id: token.id)?.revoked == Self.at(11))
                #expect(try await store.tokens(of: ann).map(\.id) == [other.id])
                #expect(try await store.owner(ofToken: otherHash, at: Self.at(12))?.token.id == other.id)
                let unknown = await Self.refusal { try await store.revokeToken(id: UUID(), at: Self.at(12)) }
                #expect(unknown?.unknownKind == "token")
                #expect(try await store.token(id: UUID()) == nil)
            }
        }

        @Test(
            "a disabled account's token and session fail, and work again once it is enabled (the session stays ended)",
            arguments: AccountBackend.available)
        func disabledAccount(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let ann = try Self.handle("ann")
                _ = try await store.addAccount(
                    handle: ann, roles: [], passwordHash: Self.hash(), passwordLink: nil, at: Self.at(8), by: .file)
                let (token, sha256) = try Self.token("ann")
                try await store.addToken(token, sha256: sha256)
                let session = SecretToken.random().sha256
                let csrf = String(repeating: "c", count: 43)
                try await store.addSession(sha256: session, handle: ann, csrf: csrf, at: Self.at(9))
                #expect(try await store.session(sha256: session, at: Self.at(10))?.csrf == csrf)
                _ = try await store.editAccount(ann, roles: nil, enabled: false, at: Self.at(11), by: .file)
                #expect(try await store.owner(ofToken: sha256, at: Self.at(11, 1)) == nil)
                #expect(try await store.session(sha256: session, at: Self.at(11, 1)) == nil)
                #expect(try await store.signInRecord(handle: ann) == nil)
                _ = try await store.editAccount(ann, roles: nil, enabled: true, at: Self.at(12), by: .file)
                #expect(try await store.owner(ofToken: sha256, at: Self.at(12, 1))?.account.handle == ann)
                #expect(try await store.session(sha256: session, at: Self.at(12, 1)) == nil)
                #expect(try await store.audit(AuditQuery(limit: 2)).map(\.action) == ["edit", "disable"])
            }
        }

        @Test("a token or session of an account that does not exist is refused", arguments: AccountBackend.available)
        func credentialsNeedAnAccount(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let (token, sha256) = try Self.token("bob")
                let added = await Self.refusal { try await store.addToken(token, sha256: sha256) }
                #expect(added?.unknownKind == "account")
                let session = await Self.refusal {
                    try await store.addSession(
                        sha256: sha256, handle: Self.handle("bob"), csrf: String(repeating: "c", count: 43),
                        at: Self.at(9))
                }
                #expect(session?.unknownKind == "account")
            }
        }

        @Test(
            "a session ends after 12 idle hours from the last request, 30 days after it began, and at sign-out",
            arguments: AccountBackend.available)
        func sessionEnds(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let ann = try Self.handle("ann")
                _ = try await store.addAccount(
                    handle: ann, roles: [], passwordHash: nil, passwordLink: nil, at: Self.at(8), by: .file)
                let csrf = String(repeating: "c", count: 43)
                let idle = SecretToken.random().sha256
                try await store.addSession(sha256: idle, handle: ann, csrf: csrf, at: Self.at(9))
                // A request at 20:00 keeps it going until 08:00 tomorrow, not after.
                #expect(try await store.session(sha256: idle, at: Self.at(20)) != nil)
                #expect(try await store.session(sha256: idle, at: Self.at(7, 59, plusDays: 1)) != nil)
                #expect(try await store.session(sha256: idle, at: Self.at(20, plusDays: 1)) == nil)
                let busy = SecretToken.random().sha256
                try await store.addSession(sha256: busy, handle: ann, csrf: csrf, at: Self.at(9))
                // A request every 8 hours keeps it from idling out, but not past 30 days.
                var working = true
                for hours in stride(from: 8, to: 30 * 24, by: 8) {
                    working = try await store.session(sha256: busy, at: Self.at(9 + hours)) != nil && working
                }
                #expect(working)
                #expect(try await store.session(sha256: busy, at: Self.at(9, plusDays: 30)) == nil)
                let signedOut = SecretToken.random().sha256
                try await store.addSession(sha256: signedOut, handle: ann, csrf: csrf, at: Self.at(9))
                try await store.endSession(sha256: signedOut, at: Self.at(10))
                try await store.endSession(sha256: signedOut, at: Self.at(11))
                try await store.endSession(sha256: SecretToken.random().sha256, at: Self.at(11))
                #expect(try await store.session(sha256: signedOut, at: Self.at(10, 1)) == nil)
            }
        }

        @Test(
            "a set-password link works once and until it expires, in the audit log as the account's through the link",
            arguments: AccountBackend.available)
        func passwordLink(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let bob = try Self.handle("bob")
                let first = SecretToken.random().sha256
                _ = try await store.addAccount(
                    handle: bob, roles: [], passwordHash: nil, passwordLink: (first, Self.at(9, plusDays: 1)),
                    at: Self.at(9), by: .file)
                let second = SecretToken.random().sha256
                try await store.addPasswordLink(
                    sha256: second, handle: bob, expires: Self.at(10, plusDays: 1), at: Self.at(10), by: .file)
                let expired = await Self.refusal {
                    _ = try await store.usePasswordLink(
                        sha256: first, passwordHash: Self.hash(), at: Self.at(9, plusDays: 1))
                }
                #expect(
                    expired
                        == .notSignedIn(
                            "this set-password link expired at 2026-11-21T09:00:00.000Z. Ask an administrator for a new one."
                        ))
                let unknown = await Self.refusal {
                    _ = try await store.usePasswordLink(
                        sha256: SecretToken.random().sha256, passwordHash: Self.hash(), at: Self.at(10))
                }
                #expect(unknown?.description.contains("not one kata made") == true)
                #expect(try await store.signInRecord(handle: bob) == nil)
                #expect(
                    try await store.usePasswordLink(sha256: second, passwordHash: Self.hash("q"), at: Self.at(11))
                        == bob)
                #expect(try await store.signInRecord(handle: bob)?.passwordHash == Self.hash("q"))
                let again = await Self.refusal {
                    _ = try await store.usePasswordLink(sha256: second, passwordHash: Self.hash("r"), at: Self.at(12))
                }
                #expect(again?.description.contains("used already") == true)
                #expect(try await store.signInRecord(handle: bob)?.passwordHash == Self.hash("q"))
                let entries = try await store.audit(AuditQuery())
                #expect(
                    entries.map { "\($0.action) \($0.account?.rawValue ?? "-") \($0.via)" } == [
                        "set-password bob link", "password-link - file", "add - file",
                    ])
                #expect(
                    entries.last?.detail
                        == "roles none; enabled; set-password link valid until 2026-11-21T09:00:00.000Z")
                #expect(entries.dropFirst().first?.detail == "set-password link valid until 2026-11-21T10:00:00.000Z")
            }
        }

        @Test(
            "the audit log lists newest first, by period, account, kind and record, a page at a time",
            arguments: AccountBackend.available)
        func auditListing(_ backend: AccountBackend) async throws {
            try await backend.with { store in
                let dee = try Self.handle("dee")
                _ = try await store.addAccount(
                    handle: dee, roles: [.admin], passwordHash: nil, passwordLink: nil, at: Self.at(8), by: .file)
                let token = UUID()
                for hour in 9...14 {
                    try await store.recordAudit(
                        AuditEntry(
                            at: Self.at(hour), by: hour.isMultiple(of: 2) ? .token(token, account: dee) : .file,
                            kind: hour == 13 ? "review" : "cycle", record: "c\(hour)",
                            action: hour == 13 ? "make" : "add"))
                }
                func records(_ query: AuditQuery) async throws -> [String] {
                    try await store.audit(query).map(\.record)
                }
                #expect(try await records(AuditQuery()) == ["c14", "c13", "c12", "c11", "c10", "c9", "dee"])
                #expect(try await records(AuditQuery(from: Self.at(10), to: Self.at(13))) == ["c12", "c11", "c10"])
                #expect(try await records(AuditQuery(account: dee)) == ["c14", "c12", "c10"])
                #expect(try await records(AuditQuery(kind: "review", action: "make")) == ["c13"])
                #expect(try await records(AuditQuery(record: "c9")) == ["c9"])
                #expect(try await records(AuditQuery(limit: 2)) == ["c14", "c13"])
                #expect(try await records(AuditQuery(limit: 2, offset: 2)) == ["c12", "c11"])
                #expect(try await records(AuditQuery(limit: 2, offset: 6)) == ["dee"])
                #expect(try await records(AuditQuery(from: Self.at(11), account: dee, limit: 1, offset: 1)) == ["c12"])
                #expect(
                    try await store.audit(AuditQuery(account: dee)).first?.via
                        == "token:\(token.uuidString.lowercased())")
                let noLimit = await Self.refusal { _ = try await store.audit(AuditQuery(limit: 0)) }
                #expect(noLimit?.invalidField == "limit")
                let before = await Self.refusal { _ = try await store.audit(AuditQuery(offset: -1)) }
                #expect(before?.invalidField == "offset")
            }
        }
    }
}
