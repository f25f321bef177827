import Foundation
import ImprovementKata
import KataPostgres
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    /// `kata … --database URL`: the operator on the server machine works on the PostgreSQL database
    /// directly, with the same commands, output and exit codes as on a file (issue 13).
    @Suite("kata --database URL on PostgreSQL", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct CommandLineOnPostgresTests {
        /// The team of the contract tests, made with `kata` commands in the runner's `arguments`.
        static let team: [[String]] = [
            ["person", "add", "ann", "--name", "Ann Lee", "--unit", "Assembly"],
            ["person", "add", "bo", "--name", "Bo Chen", "--unit", "Assembly"],
            ["pair", "add", "--coach", "ann", "--learner", "bo", "--since", "2026-11-02"],
            [
                "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition",
                "Every unit leaves station 4 within 52 s", "--achieve-by", "2026-12-18", "--date", "2026-11-02",
            ],
            [
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-18", "--minutes", "15",
                "--actual", "58 s on average", "--next-step", "Stage screws at station 4", "--expect",
                "No stop for screws", "--go-see", "+1d",
            ],
        ]

        /// Runs `arguments` with `target` (`--database URL` or nothing for the runner's file).
        static func run(_ kata: KataRunner, _ arguments: [String], _ target: [String]) async -> CommandResult {
            await kata.run(arguments + target)
        }

        @Test("the same commands print the same on PostgreSQL as on a file, and practice gives the same figures")
        func sameAsFile() async throws {
            try await TestCluster.withDatabase { url in
                let file = try await KataRunner()
                let postgres = try await KataRunner()
                let initialised = await postgres.run(["init", "--time-zone", "UTC", "--database", url])
                #expect(initialised.exitCode == 0, "\(initialised.errors)")
                #expect(initialised.output.contains("is ready.\nTime zone UTC; workweek"), "\(initialised.output)")
                for arguments in Self.team {
                    let onFile = await file.run(arguments)
                    let onPostgres = await postgres.run(arguments + ["--database", url])
                    #expect(onFile.exitCode == 0, "\(arguments): \(onFile.errors)")
                    #expect(onPostgres.exitCode == 0, "\(arguments): \(onPostgres.errors)")
                    #expect(
                        onPostgres.output.replacing(/\b[0-9a-f]{8}\b/, with: "#")
                            == onFile.output.replacing(/\b[0-9a-f]{8}\b/, with: "#"), "\(arguments)")
                }
                let practice = ["practice", "--from", "2026-11-16", "--to", "2026-11-20", "--format", "json"]
                let onFile = await file.run(practice)
                let onPostgres = await postgres.run(practice + ["--database", url])
                #expect(onPostgres.exitCode == 0, "\(onPostgres.errors)")
                #expect(onPostgres.output == onFile.output)
                #expect(onPostgres.output.contains("\"coach\" : \"ann\""), "\(onPostgres.output)")

                // The file's own data is untouched by the PostgreSQL commands: bo is on both, once.
                let people = await postgres.run(["person", "list", "--format", "json", "--database", url])
                #expect(people.output.contains("\"bo\""))
                let check = await postgres.run(["check", "--database", url])
                #expect(check.exitCode == 0, "\(check.output)\(check.errors)")
                #expect(check.output.contains("All checks passed: the rules of the kata"), "\(check.output)")
            }
        }

        @Test("accounts, the audit log and export work on PostgreSQL directly; the file is not touched")
        func accountsAndExport() async throws {
            try await TestCluster.withDatabase { url in
                let kata = try await KataRunner()
                for arguments in [["init", "--time-zone", "UTC"]] + Self.team.prefix(2) {
                    let result = await kata.run(arguments + ["--database", url])
                    #expect(result.exitCode == 0, "\(arguments): \(result.errors)")
                }
                let added = await kata.run(
                    ["account", "add", "ann", "--role", "lean", "--password-stdin", "--database", url],
                    input: ["correct horse battery staple"])
                #expect(added.exitCode == 0, "\(added.errors)")
                let list = await kata.run(["account", "list", "--database", url])
                #expect(list.output.contains("ann"), "\(list.output)")
                #expect(list.output.contains("lean"), "\(list.output)")

                let store = try await PostgresStore.connect(url: url, poolSize: 1, logger: TestCluster.logger)
                let account = try await store.account(try Handle(validating: "ann"))
                await store.close()
                #expect(account?.roles == [.lean])

                let exported = kata.folder.appendingPathComponent("export.jsonl").path
                let export = await kata.run(["export", "data", "--out", exported, "--database", url])
                #expect(export.exitCode == 0, "\(export.errors)")
                let lines = try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n")
                #expect(lines.filter { $0.contains("\"kind\":\"person\"") }.count == 2, "\(lines)")

                // The runner's own file got none of it.
                let onFile = await kata.run(["person", "list"])
                #expect(!onFile.output.contains("Ann Lee"), "\(onFile.output)")
            }
        }

        @Test("--database beside --db, or with a command that needs a file, is a usage error that writes nothing")
        func refusals() async throws {
            let kata = try await KataRunner()
            let url = "postgres://kata@127.0.0.1:1/kata"
            let both = await kata.run(["person", "list", "--db", kata.databasePath, "--database", url])
            #expect(both.exitCode == 64)
            #expect(both.errors.contains("give either --db FILE or --database URL, not both."), "\(both.errors)")
            let backup = await kata.run([
                "backup", kata.folder.appendingPathComponent("b.sqlite").path, "--database", url,
            ])
            #expect(backup.exitCode == 64)
            #expect(backup.errors.contains("pg_dump"), "\(backup.errors)")
            #expect(!FileManager.default.fileExists(atPath: kata.folder.appendingPathComponent("b.sqlite").path))
            // Nothing listens on port 1: the command says so and exits 69.
            let away = await kata.run(["person", "list", "--database", url])
            #expect(away.exitCode == 69, "\(away.errors)")
        }
    }
}
