import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// Each bad value gets a message naming what and how to fix it, the right exit code, and no write.
@Suite("bad input from the command line")
struct BadInputTests {
    /// Row counts of every table, to show that a refused command wrote nothing.
    func counts(_ kata: KataRunner) throws -> [String: Int] {
        try kata.store().read { db in
            var result: [String: Int] = [:]
            for table in ["person", "pairing", "challenge", "target", "condition", "obstacle", "experiment", "cycle"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
            return result
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var exitCode: Int32
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["person", "add", "Ann Lee!", "--name", "Ann"], exitCode: 65, message: "'Ann Lee!' is not valid"),
        Case(
            arguments: ["person", "add", "ann", "--name", "Dup"], exitCode: 65, message: "person 'ann' exists already"),
        Case(arguments: ["person", "add", "zoe", "--name", " "], exitCode: 64, message: "missing name"),
        Case(
            arguments: ["person", "add", "zoe", "--name", "Zoe", "--reports-to", "nobody"], exitCode: 65,
            message: "no person (--reports-to) 'nobody'"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "zed"], exitCode: 65,
            message: "no learner 'zed'. Add them with 'kata person add zed"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-02-30"], exitCode: 65,
            message: "--date: '2026-02-30' is not valid; expected a date as YYYY-MM-DD (a real calendar date)"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes=-5"], exitCode: 65,
            message: "minutes: '-5' is not valid; expected a whole number of minutes from 0 to 1440"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "2000"], exitCode: 65,
            message: "minutes: '2000' is not valid"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "ann"], exitCode: 65,
            message: "ann cannot coach themselves"),
        Case(
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "x"], exitCode: 65,
            message: "there is no open step to review"),
        Case(
            arguments: ["obstacle", "add", "--target", "deadbeef", "Screws"], exitCode: 65,
            message: "no target condition 'deadbeef'. See 'kata target list'"),
        Case(
            arguments: ["obstacle", "add", "--target", "xyz", "Screws"], exitCode: 65,
            message: "target condition id: 'xyz' is not valid"),
        Case(
            arguments: [
                "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition", "Faster",
                "--achieve-by", "+2w",
            ], exitCode: 65, message: "bo already has an active target condition for 'Station 4'"),
        Case(
            arguments: [
                "target", "add", "--learner", "bo", "--focus-process", "Packing", "--condition", "Faster",
                "--achieve-by", "2026-01-01",
            ], exitCode: 65, message: "the achieve-by date 2026-01-01 is before the target condition is set"),
        Case(
            arguments: ["pair", "add", "--coach", "ann", "--learner", "bo", "--since", "someday"], exitCode: 65,
            message: "--since: 'someday' is not valid"),
        Case(arguments: ["person", "frobnicate"], exitCode: 64, message: "Unexpected argument 'frobnicate'"),
        Case(arguments: ["storyboard", "carl"], exitCode: 65, message: "no target condition for 'carl'"),
        Case(
            arguments: ["condition", "add", "--target", "deadbeef", "--text", "x", "--metric", "speed"], exitCode: 65,
            message: "--metric: 'speed' is not valid; expected name=value"),
    ]

    @Test("is refused with a clear message and writes nothing", arguments: cases)
    func refused(_ badCase: Case) async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let before = try counts(kata)
        let result = await kata.run(badCase.arguments)
        #expect(result.exitCode == badCase.exitCode, "\(result.errors)")
        #expect(result.errors.contains(badCase.message), "\(result.errors)")
        #expect(!result.errors.lowercased().contains("sqlite"))
        #expect(!result.errors.contains("constraint failed"))
        #expect(try counts(kata) == before)
    }

    @Test("a command on a missing database exits 66 and points at kata init")
    func missingDatabase() async throws {
        let kata = try await KataRunner(initialise: false)
        let result = await kata.run("person", "list")
        #expect(result.exitCode == 66)
        #expect(result.errors.contains("Create the database with 'kata init'"))
        #expect(!FileManager.default.fileExists(atPath: kata.databasePath))
    }

    @Test("cycle list with --to before --from lists nothing instead of failing")
    func reversedRange() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("cycle", "list", "--from", "2026-11-20", "--to", "2026-11-01")
        #expect(result.exitCode == 0)
        #expect(result.output == "No coaching cycles.\n")
    }
}

@Suite("KATA_TIMEOUT")
struct ServerTimeoutSettingTests {
    @Test("a KATA_TIMEOUT that is not whole seconds from 1 to 600 is refused, naming it, before the server is asked")
    func refused() async throws {
        let kata = try await KataRunner()
        for bad in ["0", "ten", "601", "-5"] {
            kata.environment["KATA_TIMEOUT"] = bad
            let result = await kata.run("login", "http://127.0.0.1:9")
            #expect(result.exitCode == 65, "\(bad): \(result.errors)")
            #expect(result.errors.contains("KATA_TIMEOUT"), "\(bad): \(result.errors)")
            #expect(result.errors.contains("whole seconds from 1 to 600"), "\(bad): \(result.errors)")
        }
    }
}
