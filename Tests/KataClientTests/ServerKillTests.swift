import Foundation
import ImprovementKata
import KataClient
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// `kata serve` killed with SIGKILL while clients log cycles (DESIGN §12): what it acknowledged
/// is in the file, and the clients sending everything again store the rest exactly once.
@Suite("kata serve killed under load")
struct ServerKillTests {
    /// What the clients sent: each id with whether the server acknowledged it.
    actor Sent {
        private(set) var attempted: [UUID] = []
        private(set) var acknowledged: Set<UUID> = []
        func attempt(_ id: UUID) { attempted.append(id) }
        func acknowledge(_ id: UUID) { acknowledged.insert(id) }
    }

    static func body(_ id: UUID) -> Data {
        Data(#"{"id":"\#(id.uuidString.lowercased())","learner":"bo","minutes":15,"actualCondition":"42 s"}"#.utf8)
    }

    /// Starts `kata serve` on the runner's file and waits until it listens.
    static func serve(_ kata: KataRunner, port: Int) async throws -> Process {
        let server = Process()
        server.executableURL = LoginProcessTests.executable
        server.arguments = ["serve", "--db", kata.databasePath, "--listen", "127.0.0.1:\(port)"]
        server.environment = ["HOME": kata.folder.path, "PATH": "/usr/bin:/bin"]
        server.standardError = FileHandle.nullDevice
        try server.run()
        for _ in 0..<100 where !ServeProcessTests.listening(port) {
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(ServeProcessTests.listening(port), "kata serve did not listen on port \(port)")
        return server
    }

    @Test(
        "SIGKILL while 8 clients post: every acknowledged cycle is there, kata check is clean, resending stores the rest once"
    )
    func killedWhileLogging() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: LoginProcessTests.executable.path), "build kata first")
        let kata = try await KataRunner()
        for (who, name) in [("ann", "Ann Lee"), ("bo", "Bo Chen")] {
            #expect(await kata.run("person", "add", who, "--name", name).exitCode == 0)
        }
        #expect(
            await kata.run("pair", "add", "--coach", "ann", "--learner", "bo", "--since", "2026-01-01").exitCode == 0)
        #expect(
            await kata.run("account", "add", "ann", "--password-stdin", input: ["correct horse battery"]).exitCode == 0)
        let secret = SecretToken.random()
        let token = APIToken(id: UUID(), handle: try Handle(validating: "ann"), name: "load", created: kata.now)
        try kata.store().addToken(token, sha256: secret.sha256)
        let port = try ServeProcessTests.freePort()
        let url = "http://127.0.0.1:\(port)"
        let connection = try ServerConnection(url: url, token: secret.text, timeout: .seconds(5))

        let server = try await Self.serve(kata, port: port)
        let sent = Sent()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    while true {
                        let id = UUID()
                        await sent.attempt(id)
                        guard (try? await connection.send(.post, "/api/v1/cycles", json: Self.body(id))) != nil else {
                            return  // the server is gone
                        }
                        await sent.acknowledge(id)
                    }
                }
            }
            group.addTask {
                while await sent.acknowledged.count < 150 { try? await Task.sleep(for: .milliseconds(5)) }
                kill(server.processIdentifier, SIGKILL)
            }
        }
        await server.ended()
        #expect(server.terminationReason == .uncaughtSignal)

        let acknowledged = await sent.acknowledged
        let attempted = await sent.attempted
        #expect(acknowledged.count >= 150)
        let stored = Set(try kata.store().cycles(CycleFilter()).map(\.id))
        #expect(acknowledged.isSubset(of: stored), "\(acknowledged.subtracting(stored).count) acknowledged cycles lost")
        #expect(stored.isSubset(of: Set(attempted)))
        let check = await kata.run("check")
        #expect(check.exitCode == 0, "\(check.output)\(check.errors)")

        // The clients send everything again, as their outboxes do: 200 for what is there, 201 for the rest.
        let restarted = try await Self.serve(kata, port: port)
        defer { if restarted.isRunning { restarted.terminate() } }
        var statuses: [Int: Int] = [:]
        for id in attempted {
            let answer = try await connection.send(.post, "/api/v1/cycles", json: Self.body(id))
            statuses[answer.status, default: 0] += 1
        }
        #expect(statuses[200] == stored.count)
        #expect(statuses[201] == attempted.count - stored.count)
        let cycles = try kata.store().cycles(CycleFilter())
        #expect(cycles.count == attempted.count)
        #expect(Set(cycles.map(\.id)) == Set(attempted))
        restarted.terminate()
        await restarted.ended()
    }
}
