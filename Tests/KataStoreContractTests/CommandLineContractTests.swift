import Foundation
import ImprovementKata
import KataClient
import KataStore
import KataTestSupport
import Testing

/// `kata` commands through a server print what they print against a file (DESIGN §10.1), and keep
/// working at the gemba while the server cannot be reached (§10.4).
@Suite("kata against a server: the same output as against a file, and offline")
struct CommandLineContractTests {
    /// The cycle's id is made anew each run; everything else is the same.
    static func withoutIDs(_ text: String) -> String {
        text.replacing(/\b[0-9a-f]{8}\b/, with: "########")
    }

    /// What `arguments` print in a world of each backend.
    static func outputs(_ arguments: [String], input: [String]? = nil) async throws -> [Backend: CommandResult] {
        var results: [Backend: CommandResult] = [:]
        for backend in Backend.allCases {
            results[backend] = try await ContractWorld.with(backend) { world, _ in
                await world.kata.run(arguments, input: input)
            }
        }
        return results
    }

    @Test("kata cycle log with flags prints the same through the server as against the file")
    func cycleLogFlags() async throws {
        let results = try await Self.outputs([
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "15", "--actual", "58 s on average",
            "--next-step", "Stage screws at station 4", "--expect", "No stop for screws", "--go-see", "+1d",
        ])
        let file = try #require(results[.file])
        #expect(file.exitCode == 0, "\(file.errors)")
        #expect(file.output.contains("Logged cycle "))
        for backend in Backend.allCases.dropFirst() {
            let other = try #require(results[backend])
            #expect(other.exitCode == 0, "\(backend): \(other.errors)")
            #expect(Self.withoutIDs(other.output) == Self.withoutIDs(file.output), "\(backend)")
            #expect(other.errors == file.errors, "\(backend)")
        }
    }

    @Test("the guided cycle log reads the storyboard through the server and prints the same dialogue")
    func guidedDialogue() async throws {
        let results = try await Self.outputs(
            ["cycle", "log", "--coach", "ann", "--learner", "bo"],
            input: ["58 s on average", "1", "Stage screws at station 4", "No stop for screws", "", "15"])
        let file = try #require(results[.file])
        #expect(file.exitCode == 0, "\(file.errors)")
        #expect(file.output.contains("Screws run out twice a shift"))
        for backend in Backend.allCases.dropFirst() {
            let other = try #require(results[backend])
            #expect(other.exitCode == 0, "\(backend): \(other.errors)")
            #expect(Self.withoutIDs(other.output) == Self.withoutIDs(file.output), "\(backend)")
        }
    }

    @Test("through a server, cycle log and observe act as the account signed in when no coach is given")
    func signedInCoach() async throws {
        try await ContractWorld.with(.server) { world, _ in
            try world.expectSuccess(
                await world.kata.run(
                    "account", "add", "ann", "--password-stdin", input: [ContractWorld.password]))
            try await world.signIn("ann")
            let logged = await world.kata.run("cycle", "log", "--learner", "bo", "--minutes", "12", "--no-prompt")
            try world.expectSuccess(logged)
            #expect(logged.output.hasPrefix("Logged cycle "), "\(logged.output)")
            #expect(logged.output.contains(": ann coached bo on 2026-11-20 (12 min)."), "\(logged.output)")
            // Without a server and without --coach, nothing says who coached.
            let file = await world.kata.run(
                "cycle", "log", "--db", world.kata.databasePath, "--learner", "bo", "--minutes", "12", "--no-prompt")
            #expect(file.exitCode == 64, "\(file.output)\(file.errors)")
            #expect(file.errors.contains("--coach"))
        }
    }

    @Test(
        "kata practice as a lean account prints the practice of the coaches, as the file's owner sees it",
        arguments: Backend.servers)
    func practiceAsLean(_ backend: Backend) async throws {
        let arguments = ["practice", "--from", "2026-11-16", "--to", "2026-11-20", "--format", "json"]
        let cycle = ["cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "25", "--no-prompt"]
        let file = try await ContractWorld.with(.file) { world, _ in
            try world.expectSuccess(await world.kata.run(cycle))
            return await world.kata.run(arguments)
        }
        let lean = try await ContractWorld.with(backend) { world, _ in
            try world.expectSuccess(await world.kata.run(cycle))
            try await world.addAccount("lou", name: "Lou Lean", role: "lean")
            try await world.signIn("lou")
            let me = try Credentials.read(from: world.files)
            #expect(me?.handle.rawValue == "lou")
            return await world.kata.run(arguments)
        }
        #expect(lean.exitCode == 0, "\(lean.errors)")
        #expect(lean.output.contains("\"coach\" : \"ann\""))
        #expect(lean.output == file.output)
    }

    @Test("with the server stopped a cycle is kept in the outbox; kata sync then sends it once")
    func offlineCycleThenSync() async throws {
        try await ContractWorld.with(.server) { world, store in
            let kata = world.kata
            await world.stop()
            let kept = await kata.run(
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "10", "--no-prompt")
            #expect(kept.exitCode == 0, "\(kept.errors)")
            #expect(kept.output == "Kept in the outbox: the server cannot be reached. 'kata sync' sends it.\n")
            #expect(try Outbox(files: world.files).entries().map(\.kind) == [.cycle])
            try await world.start()
            let sync = await kata.run("sync")
            #expect(sync.exitCode == 0, "\(sync.errors)")
            #expect(sync.output.hasPrefix("Sent cycle "))
            #expect(await kata.run("sync").output == "Nothing waits in the outbox.\n")
            let cycles = try await store.cycles(CycleFilter(coach: .of("ann")))
            #expect(cycles.map(\.minutes) == [10])
            #expect(try Outbox(files: world.files).entries().isEmpty)
        }
    }

    @Test("storyboard and due answer from the copy while the server cannot be reached, saying how old it is")
    func offlineReads() async throws {
        try await ContractWorld.with(.server) { world, _ in
            let kata = world.kata
            let board = await kata.run("storyboard", "bo")
            let due = await kata.run("due", "--coach", "ann")
            #expect(board.exitCode == 0, "\(board.errors)")
            #expect(board.errors.isEmpty)
            await world.stop()
            let cachedBoard = await kata.run("storyboard", "bo")
            let cachedDue = await kata.run("due", "--coach", "ann")
            #expect(cachedBoard.exitCode == 0, "\(cachedBoard.errors)")
            // The growth figures need every target condition of the learner, which the copy does not
            // keep: offline the board is shown without them.
            let growth = try #require(board.output.range(of: "\nGrowth as a learner"))
            #expect(cachedBoard.output == String(board.output[..<growth.lowerBound]))
            #expect(cachedDue.output == due.output)
            #expect(cachedBoard.errors.contains("(from the copy of "))
            #expect(cachedBoard.errors.contains(", the server cannot be reached)"))
            let unknown = await kata.run("storyboard", "lena")
            #expect(unknown.exitCode == 69)
            #expect(unknown.errors.contains("cannot reach the server at "))
        }
    }

    @Test(
        "kata import through the server uploads the file: --dry-run writes nothing, then all of it is added",
        arguments: Backend.servers)
    func importThroughServer(_ backend: Backend) async throws {
        let exported = try await ContractWorld.with(.file) { world, _ in
            try world.expectSuccess(
                await world.kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--no-prompt"))
            let file = world.kata.folder.appendingPathComponent("team.jsonl").path
            try world.expectSuccess(await world.kata.run("export", "data", "--out", file))
            return try Data(contentsOf: URL(fileURLWithPath: file))
        }
        try await ContractWorld.with(backend, team: false) { world, store in
            let file = world.kata.folder.appendingPathComponent("team.jsonl")
            try exported.write(to: file)
            let dryRun = await world.kata.run("import", file.path, "--dry-run")
            #expect(dryRun.exitCode == 0, "\(dryRun.errors)")
            #expect(try await store.cycles(CycleFilter()).isEmpty)
            let imported = await world.kata.run("import", file.path)
            #expect(imported.exitCode == 0, "\(imported.errors)")
            #expect(try await store.cycles(CycleFilter()).count == 1)
            #expect(try await store.people().map(\.handle.rawValue).contains("bo"))
        }
    }

    @Test("a server named without credentials for it is exit 77, pointing at kata login")
    func serverWithoutCredentials() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("person", "list", "--server", "http://127.0.0.1:9")
        #expect(result.exitCode == 77)
        #expect(result.errors.contains("not signed in to http://127.0.0.1:9; run 'kata login http://127.0.0.1:9'"))
    }
}
