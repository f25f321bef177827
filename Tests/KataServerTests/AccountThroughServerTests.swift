import Foundation
import Hummingbird
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataServer

/// `kata serve` on the runner's database file, on a free loopback port, until `stop()`; its public
/// address is `publicURL`.
final class ServedFile: @unchecked Sendable {
    /// The request log.
    let log = LogCapture()

    /// The address the server says users reach it at, which its set-password links start with.
    static let publicURL = "https://kata.example.org/"
    let url: String
    private let task: Task<Void, any Error>

    init(_ kata: KataRunner) async throws {
        let sqlite = try kata.store()
        let clock = kata.now
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = buildApplication(
            configuration: try ServerConfiguration(
                host: "127.0.0.1", port: 0, publicURL: URL(string: ServedFile.publicURL)),
            accounts: sqlite,
            store: { sqlite.scoped(to: $0) }, readiness: {}, clock: { clock }, log: log.requestLog,
            onServerRunning: { port in
                portSink.yield(port)
                portSink.finish()
            })
        task = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        url = "http://127.0.0.1:\(port)"
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// `kata account`, `kata audit` and `kata export review --made-about-me` through a server
/// (DESIGN §10.2): the same commands and output as on the file, for administrators; exit 77 for
/// anyone else.
@Suite("kata account and kata audit through the server", .serialized)
struct AccountThroughServerTests {
    static let password = "correct horse battery staple"

    /// A database with rita (admin), ann (coach of bo, no roles) and bo (no account), served.
    static func served() async throws -> (KataRunner, ServedFile) {
        let kata = try await KataRunner(today: "2026-11-20")
        for (who, name) in [("rita", "Rita Root"), ("ann", "Ann Lee"), ("bo", "Bo Chen")] {
            await #expect(kata.run("person", "add", who, "--name", name).exitCode == 0)
        }
        await #expect(
            kata.run("pair", "add", "--coach", "ann", "--learner", "bo", "--since", "2026-11-02").exitCode == 0)
        await #expect(
            kata.run("account", "add", "rita", "--role", "admin", "--password-stdin", input: [password]).exitCode == 0)
        await #expect(kata.run("account", "add", "ann", "--password-stdin", input: [password]).exitCode == 0)
        return (kata, try await ServedFile(kata))
    }

    static func login(_ kata: KataRunner, _ server: ServedFile, as who: String) async throws {
        let login = await kata.run("login", server.url, "--handle", who, "--password-stdin", input: [password])
        try #require(login.exitCode == 0, "\(login.errors)")
    }

    @Test("an admin adds, lists, edits and disables accounts through the API; each write is audited as the token")
    func adminThroughServer() async throws {
        let (kata, server) = try await Self.served()
        try await Self.login(kata, server, as: "rita")
        let added = await kata.run("account", "add", "bo", "--role", "lean", "--url", "https://ignored.example.org")
        #expect(added.exitCode == 0, "\(added.errors)")
        let lines = added.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Added an account for bo (Bo Chen), roles lean, enabled.")
        #expect(lines.count == 4)
        #expect(lines[1] == "Set the password before 2026-11-21T09:00:00Z at this one-time link:")
        #expect(lines[2].hasPrefix("  https://kata.example.org/set-password/kata_"), "the server makes the link")
        #expect(lines[3] == "It is shown only now: send it to bo privately.")
        let link = String(lines[2].split(separator: "/").last ?? "")
        let linkHash = try await PasswordCheck.hash("a password bo chose himself")
        #expect(
            try kata.store().usePasswordLink(sha256: SecretToken.sha256(of: link), passwordHash: linkHash, at: kata.now)
                == handle("bo"), "the server kept the link it showed")
        let listed = await kata.run("account", "list", "--format", "csv")
        #expect(listed.output.contains("bo,Bo Chen,lean,yes,2026-11-20T09:00:00Z"), "\(listed.output)")
        #expect(await kata.run("account", "edit", "bo", "--role", "hr").output == "Updated bo: roles hr, enabled.\n")
        let reset = await kata.run("account", "edit", "bo", "--password-stdin", input: [Self.password])
        #expect(reset.output == "Set the password of bo.\n", "\(reset.errors)")
        let serverHash = try #require(try kata.store().signInRecord(handle("bo"))).passwordHash
        #expect(serverHash.hasPrefix("$2b$12$"), "the server hashed the password sent with bcrypt, cost 12")
        #expect(
            await kata.run("account", "disable", "bo").output
                == "Disabled bo: its sessions and tokens no longer work.\n")
        let unknown = await kata.run("account", "edit", "nobody", "--disable")
        #expect(unknown.exitCode == 65)
        #expect(unknown.errors == "kata: no account 'nobody'. See 'kata account list'.\n")

        let store = try kata.store()
        let account = try #require(try store.account(handle("bo")))
        #expect(account.roles == [.hr])
        #expect(!account.enabled)
        let written = try store.audit(account: handle("rita"), kind: "account")
        #expect(written.map(\.action) == ["disable", "set-password", "edit", "add"])
        #expect(written.allSatisfy { $0.via.hasPrefix("token:") && $0.record == "bo" })
        #expect(server.log.lines.count > 8)
        #expect(server.log.lines.allSatisfy { !$0.contains(Self.password) }, "no password in the request log")
        let audit = await kata.run("audit", "--account", "rita", "--format", "json")
        #expect(audit.exitCode == 0, "\(audit.errors)")
        #expect(!audit.output.contains(Self.password))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(audit.output.utf8)) as? [[String: Any]])
        #expect(rows.prefix(4).compactMap { $0["action"] as? String } == ["disable", "set-password", "edit", "add"])
        await server.stop()
    }

    @Test("a coach who is not an admin exits 77 with the reason, and nothing is written")
    func coachRefused() async throws {
        let (kata, server) = try await Self.served()
        try await Self.login(kata, server, as: "ann")
        for arguments in [["account", "list"], ["account", "add", "bo"], ["account", "disable", "rita"], ["audit"]] {
            let result = await kata.run(arguments)
            #expect(result.exitCode == 77, "\(arguments)")
            #expect(
                result.errors
                    == "kata: only an administrator may manage accounts and read the audit log; ann is not one.\n",
                "\(arguments)")
        }
        #expect(try kata.store().account(handle("bo")) == nil)
        #expect(try kata.store().account(handle("rita"))?.enabled == true)
        await server.stop()
    }

    @Test("--made-about-me lists the packets made about the caller through the server; a file needs --coach")
    func madeAboutMe() async throws {
        let (kata, server) = try await Self.served()
        try await Self.login(kata, server, as: "ann")
        #expect(
            await kata.run("export", "review", "--made-about-me").output
                == "No review packets have been made about you.\n")
        try await Self.login(kata, server, as: "rita")
        let made = await kata.run("export", "review", "--coach", "ann", "--period", "2026-11", "--include-notes")
        #expect(made.exitCode == 0, "\(made.errors)")
        try await Self.login(kata, server, as: "ann")
        let listed = await kata.run("export", "review", "--made-about-me")
        #expect(listed.exitCode == 0, "\(listed.errors)")
        let lines = listed.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(listed.output)")
        #expect(lines.last?.hasPrefix("2026-11-20T09:00:00Z  rita     token:") == true, "\(listed.output)")
        #expect(lines.last?.hasSuffix("2026-11-01..2026-11-30 learnerNames=false notes=true") == true)
        let other = await kata.run("export", "review", "--made-about-me", "--coach", "rita")
        #expect(other.exitCode == 64)
        #expect(
            other.errors
                == "kata: through a server, --made-about-me lists the packets made about you: leave out --coach.\n")
        let file = await kata.run("export", "review", "--made-about-me", "--db", kata.databasePath)
        #expect(file.exitCode == 64)
        #expect(
            file.errors
                == "kata: a database file (--db) has no signed-in coach: give --coach HANDLE with --made-about-me.\n"
        )
        let json = await kata.run(
            "export", "review", "--made-about-me", "--coach", "ann", "--db", kata.databasePath, "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["account"] as? String } == ["rita"])
        #expect(rows.first?["record"] as? String == "ann")
        await server.stop()
    }
}
