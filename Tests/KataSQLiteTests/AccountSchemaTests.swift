import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataSchema
import KataStore
import KataTestSupport
import Testing

/// The rules of migration 0003, kept by the schema even against raw SQL.
@Suite("Store: account rules kept by the schema")
struct AccountSchemaTests {
    let now = "'2026-11-20T09:00:00.000Z'"
    let sha = "'" + String(repeating: "ab", count: 32) + "'"

    /// Runs raw SQL in a store transaction, as a tool or a bug could; the error, nil when it passed.
    func execute(_ store: SQLiteStore, _ sql: String) -> KataError? {
        thrownKataError { try store.write { db in try db.execute(sql: sql) } }
    }

    /// A store where Ann has an account.
    func store() throws -> SQLiteStore {
        let store = try Fixture().store
        #expect(execute(store, "INSERT INTO account (handle, created) VALUES ('ann', \(now))") == nil)
        return store
    }

    @Test("roles are lean, hr and admin only, sorted, each once; an account belongs to a person")
    func roles() throws {
        let store = try store()
        #expect(execute(store, "UPDATE account SET roles = 'admin,lean'") == nil)
        for bad in ["boss", "lean,admin", "admin,admin", "admin, lean", "Admin"] {
            #expect(execute(store, "UPDATE account SET roles = '\(bad)'") != nil, "\(bad)")
        }
        #expect(execute(store, "INSERT INTO account (handle, created) VALUES ('zed', \(now))") != nil)
        #expect(try store.account(handle("ann"))?.roles == [.admin, .lean])
    }

    @Test("a password is kept only as a bcrypt hash of cost 12 or more")
    func passwordHash() throws {
        let store = try store()
        let body = String(repeating: "a", count: 53)
        #expect(execute(store, "UPDATE account SET passwordHash = '$2b$12$\(body)'") == nil)
        #expect(execute(store, "UPDATE account SET passwordHash = '$2b$14$\(body)'") == nil)
        for bad in ["$2b$10$\(body)", "$2b$12$\(body.dropLast())", "correct horse battery staple", "$1$12$\(body)"] {
            #expect(execute(store, "UPDATE account SET passwordHash = '\(bad)'") != nil, "\(bad)")
        }
    }

    @Test("tokens, sessions and links are kept as 64 lower-case hex digits, each once")
    func hashes() throws {
        let store = try store()
        let id = "'0b5c7d8e-0000-4000-8000-000000000001'"
        #expect(
            execute(
                store,
                "INSERT INTO api_token (id, handle, name, sha256, created) VALUES (\(id), 'ann', 'x', \(sha), \(now))")
                == nil)
        let other = "'0b5c7d8e-0000-4000-8000-000000000002'"
        let twice = execute(
            store,
            "INSERT INTO api_token (id, handle, name, sha256, created) VALUES (\(other), 'ann', 'y', \(sha), \(now))")
        #expect(twice == .ruleBroken("that record exists already."))
        for bad in [
            String(repeating: "a", count: 63), String(repeating: "A", count: 64),
            "kata_" + String(repeating: "a", count: 64),
        ] {
            #expect(
                execute(
                    store,
                    "INSERT INTO api_token (id, handle, name, sha256, created) VALUES (\(other), 'ann', 'y', '\(bad)', \(now))"
                )
                    != nil, "\(bad)")
            #expect(
                execute(store, "INSERT INTO password_link (sha256, handle, expires) VALUES ('\(bad)', 'ann', \(now))")
                    != nil)
            #expect(
                execute(
                    store,
                    "INSERT INTO web_session (sha256, handle, csrf, created, lastSeen) VALUES ('\(bad)', 'ann', '\(String(repeating: "c", count: 43))', \(now), \(now))"
                )
                    != nil)
        }
        #expect(
            execute(
                store,
                "INSERT INTO web_session (sha256, handle, csrf, created, lastSeen) VALUES (\(sha), 'ann', 'short', \(now), \(now))"
            )
                != nil)
    }

    @Test("instants are UTC timestamps of real dates, and a token is not used or revoked before it was made")
    func instants() throws {
        let store = try store()
        for bad in [
            "2026-02-30T09:00:00.000Z", "2026-11-20 09:00:00", "2026-11-20T09:00:00Z", "2026-11-20T25:00:00.000Z",
            "yesterday",
        ] {
            #expect(execute(store, "UPDATE account SET created = '\(bad)'") != nil, "\(bad)")
        }
        let id = "'0b5c7d8e-0000-4000-8000-000000000001'"
        #expect(
            execute(
                store,
                "INSERT INTO api_token (id, handle, name, sha256, created) VALUES (\(id), 'ann', 'x', \(sha), \(now))")
                == nil)
        #expect(execute(store, "UPDATE api_token SET lastUsed = '2026-11-20T08:59:59.999Z'") != nil)
        #expect(execute(store, "UPDATE api_token SET revoked = '2026-11-19T09:00:00.000Z'") != nil)
        #expect(execute(store, "UPDATE api_token SET revoked = '2026-11-20T09:00:00.001Z'") == nil)
    }

    @Test("the audit log is append-only, and names an account exactly when it was not written on the file")
    func audit() throws {
        let store = try store()
        let columns = "INSERT INTO audit (id, at, account, via, kind, record, action) VALUES"
        let id = "'0b5c7d8e-0000-4000-8000-00000000000a'"
        #expect(execute(store, "\(columns) (\(id), \(now), NULL, 'file', 'cycle', 'c1', 'add')") == nil)
        let other = "'0b5c7d8e-0000-4000-8000-00000000000b'"
        #expect(execute(store, "\(columns) (\(other), \(now), 'ann', 'file', 'cycle', 'c1', 'add')") != nil)
        #expect(execute(store, "\(columns) (\(other), \(now), NULL, 'session', 'cycle', 'c1', 'add')") != nil)
        #expect(execute(store, "\(columns) (\(other), \(now), 'ann', 'token:0b5c7d8e', 'cycle', 'c1', 'add')") != nil)
        #expect(execute(store, "\(columns) (\(other), \(now), 'ann', 'phone', 'cycle', 'c1', 'add')") != nil)
        #expect(
            execute(
                store,
                "\(columns) (\(other), \(now), 'ann', 'token:\(String(id.dropFirst().dropLast()))', 'cycle', 'c1', 'add')"
            ) == nil)
        let appendOnly = KataError.ruleBroken("the audit log is append-only.")
        #expect(execute(store, "UPDATE audit SET action = 'edit'") == appendOnly)
        #expect(execute(store, "DELETE FROM audit") == appendOnly)
        #expect(try store.audit().count == 2)
    }

    @Test("a database of the kata before accounts gains their tables and keeps its people")
    func migratesForward() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("before-accounts.sqlite")
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        for migration in KataSchema.migrations.prefix(while: { $0.identifier != "0003-accounts" }) {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        try migrator.migrate(queue)
        try queue.write { db in try db.execute(sql: "INSERT INTO person (handle, name) VALUES ('ann', 'Ann Lee')") }
        try queue.close()
        let store = try SQLiteStore.open(path: path, create: false)
        try store.addAccount(handle: handle("ann"), roles: [.admin], passwordHash: nil, at: AccountFixture.at(9))
        #expect(try store.accounts().map(\.handle) == [handle("ann")])
        #expect(try store.person(handle("ann"))?.name == "Ann Lee")
    }
}
