import Foundation
import HummingbirdBcrypt
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("kata account and kata audit on the database file")
struct AccountCommandTests {
    let password = "correct horse battery staple"

    /// A runner whose database has Dee, Ann and Bob.
    func kata() async throws -> KataRunner {
        let kata = try await KataRunner()
        for (person, name) in [("dee", "Dee Park"), ("ann", "Ann Lee"), ("bob", "Bob Ray")] {
            await #expect(kata.run("person", "add", person, "--name", name).exitCode == 0)
        }
        return kata
    }

    /// The bytes of the database file and of its write-ahead log, as anyone who copies them has them.
    func databaseBytes(_ kata: KataRunner) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: kata.databasePath))
        if let log = try? Data(contentsOf: URL(fileURLWithPath: kata.databasePath + "-wal")) { bytes.append(log) }
        return bytes
    }

    /// The token at the end of the set-password link printed in `output`.
    func linkToken(_ output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.contains("/set-password/") })
        return try #require(line.components(separatedBy: "/set-password/").last)
    }

    @Test("--password-stdin keeps a bcrypt hash of cost 12; the password is in no output and not in the file")
    func passwordFromStandardInput() async throws {
        let kata = try await kata()
        let result = await kata.run("account", "add", "dee", "--role", "admin", "--password-stdin", input: [password])
        #expect(result.exitCode == 0)
        #expect(result.output == "Added an account for dee (Dee Park), roles admin, enabled.\n")
        #expect(result.errors.isEmpty)
        let (account, hash) = try #require(try kata.store().signInRecord(handle("dee")))
        #expect(account.roles == [.admin])
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(Bcrypt.verify(password, hash: hash))
        #expect(try databaseBytes(kata).range(of: Data(password.utf8)) == nil)
        await #expect(!kata.run("audit").output.contains(password))
    }

    @Test("without a password it prints a one-time link valid 24 hours; only the link's hash is kept")
    func setPasswordLink() async throws {
        let kata = try await kata()
        let result = await kata.run("account", "add", "bob")
        #expect(result.exitCode == 0)
        let token = try linkToken(result.output)
        #expect(SecretToken(presented: token) != nil)
        #expect(
            result.output == """
                Added an account for bob (Bob Ray), no roles, enabled.
                Set the password before 2026-11-21T09:00:00Z at this one-time link:
                  http://127.0.0.1:8470/set-password/\(token)
                It is shown only now: send it to bob privately.

                """)
        #expect(try databaseBytes(kata).range(of: Data(token.utf8)) == nil)
        let store = try kata.store()
        #expect(try store.signInRecord(handle("bob")) == nil)
        let hash = "$2b$12$" + String(repeating: "a", count: 53)
        let late = thrownKataError {
            try store.usePasswordLink(sha256: SecretToken.sha256(of: token), passwordHash: hash, at: kata.now + 86_400)
        }
        #expect(late?.description.hasPrefix("this set-password link expired at 2026-11-21T09:00:00.000Z.") == true)
        let used = try store.usePasswordLink(
            sha256: SecretToken.sha256(of: token), passwordHash: hash, at: kata.now + 60)
        #expect(used == handle("bob"))
        #expect(try store.signInRecord(handle("bob"))?.passwordHash == hash)
        await #expect(kata.run("account", "list").output.contains("bob     Bob Ray"))
    }

    @Test(
        "the link's address is --url, else $KATA_SERVER; one that is not http(s) is refused before anything is written")
    func linkAddress() async throws {
        let kata = try await kata()
        kata.environment["KATA_SERVER"] = "https://kata.example.org/"
        // With $KATA_SERVER set, commands go to that server; --db keeps them on the file.
        let file = ["--db", kata.databasePath]
        await #expect(
            kata.run(["account", "add", "bob"] + file).output.contains("  https://kata.example.org/set-password/kata_"))
        let given = await kata.run(["account", "add", "ann", "--url", "https://plant.example.org:8443"] + file)
        #expect(given.output.contains("  https://plant.example.org:8443/set-password/kata_"))
        let bad = await kata.run(["account", "add", "dee", "--url", "kata.example.org"] + file)
        #expect(bad.exitCode == 65)
        #expect(
            bad.errors
                == "kata: --url: 'kata.example.org' is not valid; expected the server's address, such as https://kata.example.org.\n"
        )
        #expect(try kata.store().account(handle("dee")) == nil)
    }

    @Test(
        "a short password, an unknown person, a bad role or a second account is refused, naming it, and nothing is written"
    )
    func refusals() async throws {
        let kata = try await kata()
        let short = await kata.run("account", "add", "dee", "--password-stdin", input: ["tiny secret"])
        #expect(short.exitCode == 65)
        #expect(
            short.errors
                == "kata: password: '11 characters' is not valid; expected at least 12 characters (a few words make a good one).\n"
        )
        let empty = await kata.run("account", "add", "dee", "--password-stdin", input: [])
        #expect(empty.exitCode == 64)
        #expect(empty.errors.hasPrefix("kata: missing password."))
        let unknown = await kata.run("account", "add", "anne")
        #expect(unknown.exitCode == 65)
        #expect(unknown.errors == "kata: no person 'anne'. Did you mean ann (Ann Lee)? See 'kata person list'.\n")
        let role = await kata.run("account", "add", "dee", "--role", "boss")
        #expect(role.exitCode == 65)
        #expect(role.errors == "kata: --role: 'boss' is not valid; expected lean, hr or admin.\n")
        #expect(try kata.store().accounts().isEmpty)
        await #expect(kata.run("audit").output == "No audit entries.\n")
        await #expect(kata.run("account", "add", "dee").exitCode == 0)
        let twice = await kata.run("account", "add", "dee", "--role", "admin")
        #expect(twice.exitCode == 65)
        #expect(twice.errors == "kata: account 'dee' exists already.\n")
    }

    @Test("account list shows handle, name, roles, enabled and created as text, JSON and CSV")
    func list() async throws {
        let kata = try await kata()
        await #expect(
            kata.run("account", "list").output
                == "No accounts yet. Make the first administrator with 'kata account add HANDLE --role admin'.\n")
        await kata.run("account", "add", "dee", "--role", "admin", "--role", "lean")
        kata.now += 3_600
        await kata.run("account", "add", "ann")
        await #expect(
            kata.run("account", "list").output == """
                handle  name      roles        enabled  created
                ann     Ann Lee                yes      2026-11-20T10:00:00Z
                dee     Dee Park  admin, lean  yes      2026-11-20T09:00:00Z

                """)
        await #expect(
            kata.run("account", "list", "--format", "csv").output
                == "handle,name,roles,enabled,created\r\nann,Ann Lee,,yes,2026-11-20T10:00:00Z\r\n"
                + "dee,Dee Park,\"admin, lean\",yes,2026-11-20T09:00:00Z\r\n")
        let json = await kata.run("account", "list", "--format", "json").output
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[1]["handle"] as? String == "dee")
        #expect(rows[1]["name"] as? String == "Dee Park")
        #expect(rows[1]["roles"] as? [String] == ["admin", "lean"])
        #expect(rows[1]["enabled"] as? Bool == true)
        #expect(rows[1]["created"] as? String == "2026-11-20T09:00:00Z")
    }

    @Test("account edit replaces or clears the roles and enables; account disable stops its tokens")
    func editAndDisable() async throws {
        let kata = try await kata()
        await kata.run("account", "add", "ann", "--role", "lean")
        let store = try kata.store()
        let token = APIToken(id: UUID(), handle: handle("ann"), name: "laptop", created: kata.now)
        let secret = SecretToken.random()
        try store.addToken(token, sha256: secret.sha256)
        let edited = await kata.run("account", "edit", "ann", "--role", "hr", "--role", "admin")
        #expect(edited.output == "Updated ann: roles admin, hr, enabled.\n")
        await #expect(kata.run("account", "edit", "ann", "--no-roles").output == "Updated ann: no roles, enabled.\n")
        await #expect(
            kata.run("account", "disable", "ann").output == "Disabled ann: its sessions and tokens no longer work.\n")
        #expect(try store.tokenOwner(sha256: secret.sha256, at: kata.now) == nil)
        await #expect(kata.run("account", "edit", "ann", "--enable").output == "Updated ann: no roles, enabled.\n")
        #expect(try store.tokenOwner(sha256: secret.sha256, at: kata.now)?.0.handle == handle("ann"))
        let nothing = await kata.run("account", "edit", "ann")
        #expect(nothing.exitCode == 64)
        #expect(nothing.errors.contains("Nothing to change"))
        await #expect(kata.run("account", "edit", "ann", "--role", "hr", "--no-roles").exitCode == 64)
        await #expect(kata.run("account", "edit", "ann", "--enable", "--disable").exitCode == 64)
        let unknown = await kata.run("account", "edit", "bob", "--disable")
        #expect(unknown.exitCode == 65)
        #expect(unknown.errors == "kata: no account 'bob'. See 'kata account list'.\n")
        let link = await kata.run("account", "edit", "ann", "--password-link")
        #expect(link.output.contains("  http://127.0.0.1:8470/set-password/kata_"))
        await #expect(
            kata.run("audit", "--limit", "1").output.contains("ann     password-link  set-password link valid until"))
        let reset = await kata.run("account", "edit", "ann", "--password-stdin", input: [password])
        #expect(reset.output == "Set the password of ann.\n")
        #expect(try store.signInRecord(handle("ann")).map { Bcrypt.verify(password, hash: $0.passwordHash) } == true)
        await #expect(kata.run("account", "edit", "ann", "--password-stdin", "--password-link").exitCode == 64)
    }

    @Test("kata audit lists each account write, newest first, by period and account, a page at a time")
    func audit() async throws {
        let kata = try await kata()
        await kata.run("account", "add", "dee", "--role", "admin")
        kata.now += 86_400
        kata.today = day("2026-11-21")
        await kata.run("account", "add", "ann")
        kata.now += 60
        await kata.run("account", "edit", "ann", "--role", "lean")
        kata.now += 60
        await kata.run("account", "disable", "ann")
        let store = try kata.store()
        try await store.recordAudit(
            AuditEntry(
                at: kata.now + 60,
                by: .token(UUID(uuidString: "0B5C7D8E-0000-4000-8000-000000000001") ?? UUID(), account: handle("dee")),
                kind: "cycle", record: "3f2a9c1e-0000-4000-8000-000000000000", action: "add"))
        await #expect(
            kata.run("audit").output == """
                at                    account  via             kind     record                                action   detail
                2026-11-21T09:03:00Z  dee      token:0b5c7d8e  cycle    3f2a9c1e-0000-4000-8000-000000000000  add
                2026-11-21T09:02:00Z           file            account  ann                                   disable  roles lean; disabled
                2026-11-21T09:01:00Z           file            account  ann                                   edit     roles lean; enabled
                2026-11-21T09:00:00Z           file            account  ann                                   add      roles none; enabled; set-password link valid until 2026-11-22T09:00:00.000Z
                2026-11-20T09:00:00Z           file            account  dee                                   add      roles admin; enabled; set-password link valid until 2026-11-21T09:00:00.000Z

                """)
        await #expect(kata.run("audit", "--period", "2026-10").output == "No audit entries.\n")
        let dayOne = await kata.run("audit", "--from", "2026-11-20", "--to", "2026-11-20").output
        #expect(dayOne.split(separator: "\n").count == 2)
        #expect(dayOne.contains("account  dee     add"))
        await #expect(kata.run("audit", "--to", "2026-11-20").output == dayOne)
        await #expect(kata.run("audit", "--from", "2026-11-21").output.split(separator: "\n").count == 5)
        await #expect(
            kata.run("audit", "--from", "2026-11-21", "--to", "2026-11-20").errors
                == "kata: the period ends (2026-11-20) before it starts (2026-11-21); give --to on or after --from.\n")
        let byDee = await kata.run("audit", "--account", "dee", "--format", "csv").output
        #expect(
            byDee.hasPrefix(
                "at,account,via,kind,record,action,detail,id\r\n2026-11-21T09:03:00Z,dee,token:0b5c7d8e-0000-4000-8000-000000000001,cycle,"
            ))
        #expect(byDee.split(separator: "\r\n").count == 2)
        let page = await kata.run("audit", "--limit", "2", "--offset", "1")
        #expect(
            page.output.split(separator: "\n").map { $0.prefix(20) } == [
                "at                  ", "2026-11-21T09:02:00Z", "2026-11-21T09:01:00Z", "More may follow: add",
            ])
        #expect(page.output.hasSuffix("More may follow: add --offset 3.\n"))
        let json = await kata.run("audit", "--limit", "1", "--format", "json").output
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.first?["via"] as? String == "token:0b5c7d8e-0000-4000-8000-000000000001")
        #expect(rows.first?["at"] as? String == "2026-11-21T09:03:00Z")
        await #expect(
            kata.run("audit", "--limit", "0").errors
                == "kata: --limit: '0' is not valid; expected a whole number above 0.\n")
        await #expect(kata.run("audit", "--offset", "9").output == "No more audit entries.\n")
    }
}
