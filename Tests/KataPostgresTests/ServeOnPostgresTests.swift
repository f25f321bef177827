import CoachTheCoaches
import Foundation
import ImprovementKata
import KataClient
import KataPostgres
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    /// `kata serve` as a real process on a PostgreSQL database (DESIGN §10.6), reached through the
    /// HTTP client as the command line reaches it.
    @Suite("kata serve on PostgreSQL", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct ServeOnPostgresTests {
        /// The `kata` built beside the tests.
        static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kata")

        /// Starts `kata serve` on a free loopback port with `environment`, and returns it with the
        /// line it says once it listens.
        static func serve(_ arguments: [String], environment: [String: String]) async throws -> (Process, String) {
            let server = Process()
            server.executableURL = executable
            server.arguments = ["serve", "--listen", "127.0.0.1:0"] + arguments
            server.environment = ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin"]
                .merging(environment) { $1 }
            let log = Pipe()
            server.standardError = log
            try server.run()
            let line = try await onOwnThread {
                var bytes = Data()
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let more = log.fileHandleForReading.availableData
                    if more.isEmpty { break }
                    bytes.append(more)
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            return (server, line)
        }

        /// Gives `handle` an account with `roles` and the API token `token`.
        static func addAccount(_ handle: Handle, roles: Set<Role>, token: SecretToken, to store: PostgresStore)
            async throws
        {
            _ = try await store.addAccount(handle: handle, roles: roles, passwordHash: nil, at: Date())
            try await store.addToken(
                APIToken(id: UUID(), handle: handle, name: "test", created: Date()), sha256: token.sha256)
        }

        @Test("KATA_DATABASE_URL serves PostgreSQL: a cycle logged through the API is in the database at once")
        func cycleThroughTheAPI() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                let (ann, bo) = (try Handle(validating: "ann"), try Handle(validating: "bo"))
                let secret = SecretToken.random()
                let today: Day
                do {
                    try await store.configure(SettingsChange(timeZone: "UTC"))
                    today = try await store.settings().today(at: Date())
                    try await store.addPerson(Person(handle: ann, name: "Ann Lee", unit: "Assembly"))
                    try await store.addPerson(Person(handle: bo, name: "Bo Chen", unit: "Assembly"))
                    try await store.addPairing(Pairing(coach: ann, learner: bo, since: today.adding(days: -7)))
                    try await store.addTarget(
                        TargetCondition(
                            learner: bo, focusProcess: "Station 4", condition: "Within 52 s",
                            achieveBy: today.adding(days: 30), createdOn: today.adding(days: -7)), today: today)
                    try await Self.addAccount(ann, roles: [], token: secret, to: store)
                } catch {
                    await store.close()
                    throw error
                }
                let (server, line) = try await Self.serve([], environment: ["KATA_DATABASE_URL": url])
                defer { if server.isRunning { server.terminate() } }
                let prefix = "kata serve: \(store.location) on http://127.0.0.1:"
                #expect(line.hasPrefix(prefix), "\(line)")
                let password = URLComponents(string: url)?.password ?? "?"
                #expect(!line.contains(password))
                let port = try #require(Int(line.dropFirst(prefix.count).prefix { $0.isNumber }), "\(line)")
                let remote = RemoteStore(
                    connection: try ServerConnection(url: "http://127.0.0.1:\(port)", token: secret.text))

                let id = UUID()
                let entry = CycleEntry(
                    date: today, coach: ann, learner: bo, minutes: 15, newObstacle: "Screws run out",
                    nextStep: "Stage screws", expected: "No stop")
                let recorded = try await remote.recordCycle(entry, id: id, at: Date(), today: nil)
                #expect(recorded.isNew)
                #expect(try await store.cycles(CycleFilter()).map(\.id) == [id])
                #expect(
                    try await store.storyboard(learner: bo, target: nil).experiments.map(\.step) == ["Stage screws"])
                // Practice through the API, worked out from PostgreSQL's facts; another's learner refused.
                let practice = try await remote.practice(
                    PracticeRequest(period: try Period(from: today.adding(days: -6), to: today), today: today))
                #expect(practice.report.coaches.map { "\($0.coach) \($0.cycles)" } == ["ann 1"])
                var refused: KataError?
                do {
                    _ = try await remote.recordCycle(
                        CycleEntry(date: today, coach: bo, learner: ann), id: UUID(), at: Date(), today: nil)
                } catch let error as KataError {
                    refused = error
                }
                #expect(refused?.kind == .forbidden)

                server.terminate()
                await server.ended()
                #expect(server.terminationStatus == 0)
                await store.close()
            }
        }

        @Test("an import through the API lands in PostgreSQL, and a bad line is refused with its line and field")
        func importThroughTheAPI() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                let rita = try Handle(validating: "rita")
                let secret = SecretToken.random()
                do {
                    try await store.addPerson(Person(handle: rita, name: "Rita Root"))
                    try await Self.addAccount(rita, roles: [.admin], token: secret, to: store)
                } catch {
                    await store.close()
                    throw error
                }
                let (server, line) = try await Self.serve([], environment: ["KATA_DATABASE_URL": url])
                defer { if server.isRunning { server.terminate() } }
                let prefix = "kata serve: \(store.location) on http://127.0.0.1:"
                let port = try #require(Int(line.dropFirst(prefix.count).prefix { $0.isNumber }), "\(line)")
                let remote = RemoteStore(
                    connection: try ServerConnection(url: "http://127.0.0.1:\(port)", token: secret.text))
                let file = """
                    {"kind":"pairing","id":"5a000000-0000-4000-8000-000000000001","coach":"ann","learner":"bo","since":"2026-11-02"}
                    {"kind":"person","handle":"ann","name":"Ann Lee","reportsTo":"rita"}
                    {"kind":"person","handle":"bo","name":"Bo Chen","reportsTo":"ann"}

                    """
                let summary = try await remote.importData(ImportRequest(source: .bytes(Data(file.utf8))))
                #expect(summary.added == [.person: 2, .pairing: 1])
                #expect(try await store.people(unit: nil).map(\.handle.rawValue) == ["ann", "bo", "rita"])
                var refused: KataError?
                do {
                    _ = try await remote.importData(
                        ImportRequest(
                            source: .bytes(Data(#"{"kind":"person","handle":"cy","name":"Cy","reportsTo":"zed"}"#.utf8))
                        ))
                } catch let error as KataError {
                    refused = error
                }
                #expect(
                    refused?.description.contains("line 1: field 'reportsTo': no person 'zed'") == true,
                    "\(String(describing: refused))")
                #expect(try await store.people(unit: nil).count == 3)
                server.terminate()
                await server.ended()
                await store.close()
            }
        }

        @Test("--db and --database together are refused before anything is opened")
        func fileAndDatabaseRefused() async throws {
            try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
            let (server, line) = try await Self.serve(
                ["--db", "/nonexistent/kata.sqlite", "--database", "postgres://kata@127.0.0.1:1/kata"], environment: [:]
            )
            await server.ended()
            #expect(server.terminationStatus == 64)
            #expect(line.contains("give either --db FILE or --database URL, not both."), "\(line)")
        }
    }
}
