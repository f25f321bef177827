import Foundation
import ImprovementKata
import KataCLI
import KataTestSupport
import Testing

@testable import KataClient

extension KataRunner {
    /// The client files of this runner's environment.
    var clientFiles: ClientFiles { ClientFiles(folder: folder.appendingPathComponent("config/kata").path) }

    /// Signs in as ann, whose password the test server knows.
    func signIn(to server: WireServer) async -> CommandResult {
        await run(
            "login", server.url, "--handle", "ann", "--password-stdin", input: [WireServerPassword.ann])
    }
}

enum WireServerPassword {
    static let ann = "correct horse battery"
}

@Suite("kata login, logout, token, sync and outbox against a server", .serialized)
struct AccountCommandTests {
    @Test("login keeps the token in a 0600 credentials file and never shows the password")
    func loginStoresCredentials() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            let result = await kata.signIn(to: server)
            #expect(result.exitCode == 0, "\(result.errors)")
            #expect(result.output == "Signed in to \(server.url) as ann.\n")
            let credentials = try #require(try Credentials.read(from: kata.clientFiles))
            #expect(credentials.server == server.url)
            #expect(credentials.handle == handle("ann"))
            #expect(await server.state.tokenID(of: credentials.token) == credentials.tokenId)
            let attributes = try FileManager.default.attributesOfItem(atPath: kata.clientFiles.credentials)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
            let stored = try String(contentsOfFile: kata.clientFiles.credentials, encoding: .utf8)
            for text in [result.output, result.errors, stored] { #expect(!text.contains(WireServerPassword.ann)) }
            #expect(!result.output.contains(credentials.token))
            #expect(await server.state.tokenNames() == [ProcessInfo.processInfo.hostName])
        }
    }

    @Test("on a terminal login asks for the handle and the password, and shows neither the password nor the token")
    func loginAsks() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            let result = await kata.run(
                "login", server.url, input: ["ann", WireServerPassword.ann], terminal: true)
            #expect(result.exitCode == 0, "\(result.errors)")
            #expect(result.output == "Handle > Password > \nSigned in to \(server.url) as ann.\n")
        }
    }

    @Test("signing in again to the same server revokes this computer's former token there")
    func loginAgain() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            _ = await kata.signIn(to: server)
            let first = try #require(try Credentials.read(from: kata.clientFiles))
            #expect(await kata.signIn(to: server).exitCode == 0)
            let second = try #require(try Credentials.read(from: kata.clientFiles))
            #expect(second.tokenId != first.tokenId)
            #expect(await server.state.tokenID(of: first.token) == nil)
            #expect(await server.state.tokenID(of: second.token) == second.tokenId)
        }
    }

    @Test("a wrong password is exit 77 with the server's message, and nothing is stored")
    func wrongPassword() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            let result = await kata.run(
                "login", server.url, "--handle", "ann", "--password-stdin", input: ["not the password"])
            #expect(result.exitCode == 77)
            #expect(result.errors == "kata: wrong handle or password.\n")
            #expect(!result.errors.contains("not the password"))
            let stored = try Credentials.read(from: kata.clientFiles)
            #expect(stored == nil)
        }
    }

    @Test("a server that cannot be reached is exit 69, saying which and why")
    func unreachable() async throws {
        let kata = try await KataRunner(initialise: false)
        let url = try await WireServer.with { $0.url }
        let result = await kata.run("login", url, "--handle", "ann", "--password-stdin", input: ["x"])
        #expect(result.exitCode == 69)
        #expect(result.errors.hasPrefix("kata: cannot reach the server at \(url): connection refused"))
    }

    @Test("without a terminal and without --password-stdin login is a usage error that says what to do")
    func loginWithoutTerminal() async throws {
        let kata = try await KataRunner(initialise: false)
        let result = await kata.run("login", "http://127.0.0.1:9", "--handle", "ann")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("--password-stdin"))
        let noURL = await kata.run("login")
        #expect(noURL.exitCode == 64)
        #expect(await kata.run("login", "kata.example.org").exitCode == 65)
    }

    @Test("logout revokes the token on the server and removes the credentials and the cache")
    func logoutOnline() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            _ = await kata.signIn(to: server)
            try ResponseCache(files: kata.clientFiles).store(Data("{}".utf8), as: "due/ann", fetched: kata.now)
            let result = await kata.run("logout")
            #expect(result.exitCode == 0, "\(result.errors)")
            #expect(result.output == "Signed out of \(server.url).\n")
            #expect(result.errors.isEmpty)
            #expect(await server.state.tokenNames().isEmpty)
            #expect(try Credentials.read(from: kata.clientFiles) == nil)
            #expect(try ResponseCache(files: kata.clientFiles).document("due/ann") == nil)
        }
    }

    @Test("logout with the server out of reach removes the credentials all the same, and says the token stays valid")
    func logoutOffline() async throws {
        let kata = try await KataRunner(initialise: false)
        let url = try await WireServer.with { server in
            _ = await kata.signIn(to: server)
            return server.url
        }
        try Outbox(files: kata.clientFiles).add(cycleEntry())
        let result = await kata.run("logout")
        #expect(result.exitCode == 0)
        #expect(result.output == "Signed out of \(url).\n1 record waits in the outbox.\n")
        #expect(result.errors.contains("cannot reach the server at \(url)"))
        #expect(result.errors.contains("kata token revoke"))
        #expect(try Credentials.read(from: kata.clientFiles) == nil)
        #expect(await kata.run("logout").output == "Not signed in; nothing to do.\n")
    }

    @Test("token list marks this computer's token, and token revoke takes the short id it shows")
    func tokens() async throws {
        let kata = try await KataRunner(initialise: false)
        try await WireServer.with { server in
            let (other, _) = await server.state.issue(handle: "ann", name: "phone")
            _ = await kata.signIn(to: server)
            let mine = try #require(try Credentials.read(from: kata.clientFiles)).tokenId
            let listed = await kata.run("token", "list", "--format", "csv")
            #expect(listed.exitCode == 0, "\(listed.errors)")
            let lines = listed.output.components(separatedBy: "\r\n")
            #expect(lines.first == "id,name,created,lastUsed,current")
            #expect(
                lines.contains(
                    "\(mine.uuidString.lowercased()),\(ProcessInfo.processInfo.hostName),2026-11-20T09:00:00Z,,yes"))
            #expect(lines.contains("\(other.uuidString.lowercased()),phone,2026-11-20T09:00:00Z,,"))
            let short = String(other.uuidString.lowercased().prefix(8))
            let revoked = await kata.run("token", "revoke", short)
            #expect(revoked.exitCode == 0, "\(revoked.errors)")
            #expect(revoked.output == "Revoked token \(short) (phone).\n")
            #expect(await server.state.tokenNames() == [ProcessInfo.processInfo.hostName])
            let unknown = await kata.run("token", "revoke", "ffffffff")
            #expect(unknown.exitCode == 65)
            #expect(unknown.errors == "kata: no token 'ffffffff'. 'kata token list' shows your tokens.\n")
            let own = await kata.run("token", "revoke", String(mine.uuidString.prefix(8)))
            #expect(own.output.hasSuffix("It was this computer's token: signed out of \(server.url).\n"))
            #expect(try Credentials.read(from: kata.clientFiles) == nil)
        }
    }

    @Test("commands that need the server say how to sign in when not signed in, exit 77")
    func notSignedIn() async throws {
        let kata = try await KataRunner(initialise: false)
        let result = await kata.run("token", "list")
        #expect(result.exitCode == 77)
        #expect(result.errors == "kata: not signed in; sign in with 'kata login URL' first.\n")
        let other = await kata.run("token", "list", "--server", "https://other.example.org")
        #expect(
            other.errors == "kata: not signed in to https://other.example.org; sign in with "
                + "'kata login https://other.example.org'.\n")
    }

    @Test("sync sends the outbox, keeps what the server refuses with its message, and exit 65 says what to do")
    func sync() async throws {
        let kata = try await KataRunner(initialise: false)
        let entries = (0..<3).map { _ in cycleEntry() }
        for entry in entries { try Outbox(files: kata.clientFiles).add(entry) }
        try await WireServer.with { server in
            _ = await kata.signIn(to: server)
            await server.state.refuse(entries[1].id, "you do not coach bo.")
            let result = await kata.run("sync")
            #expect(result.exitCode == 65)
            let short = entries.map { String($0.id.uuidString.lowercased().prefix(8)) }
            #expect(
                result.output == """
                    Sent cycle \(short[0]) (kept 2026-11-20T09:00:00Z).
                    Sent cycle \(short[2]) (kept 2026-11-20T09:00:00Z).
                    Kept cycle \(short[1]): you do not coach bo.

                    """)
            #expect(result.errors.contains("kata outbox drop ID"))
            let listed = await kata.run("outbox", "list")
            #expect(listed.output.contains("\(short[1])  cycle  2026-11-20T09:00:00Z  you do not coach bo."))
            let shown = await kata.run("outbox", "show", short[1])
            #expect(shown.output.contains("Refused:  2026-11-20T09:00:00Z (rule-broken): you do not coach bo."))
            #expect(shown.output.contains(#""learner" : "bo""#))
            let again = await kata.run("sync")
            #expect(again.exitCode == 65)
            for entry in [entries[0], entries[2]] { #expect(await server.state.postCount(entry.id) == 1) }
            let dropped = await kata.run("outbox", "drop", short[1])
            #expect(dropped.output == "Dropped cycle \(short[1]) from the outbox; it will not be sent.\n")
            #expect(await kata.run("sync").output == "Nothing waits in the outbox.\n")
        }
    }

    @Test("sync with the server out of reach is exit 69 and leaves the outbox as it was")
    func syncOffline() async throws {
        let kata = try await KataRunner(initialise: false)
        let url = try await WireServer.with { server in
            _ = await kata.signIn(to: server)
            return server.url
        }
        let entries = (0..<2).map { _ in cycleEntry() }
        for entry in entries { try Outbox(files: kata.clientFiles).add(entry) }
        let result = await kata.run("sync")
        #expect(result.exitCode == 69)
        #expect(result.output == "2 records wait in the outbox.\n")
        #expect(result.errors.hasPrefix("kata: cannot reach the server at \(url)"))
        #expect(try Outbox(files: kata.clientFiles).entries() == entries)
    }
}
