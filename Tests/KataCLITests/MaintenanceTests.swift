import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("backup and check")
struct MaintenanceTests {
    @Test("a backup holds the same cycles and is private to its owner")
    func backup() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "12")
        let copy = kata.folder.appendingPathComponent("backup.sqlite").path
        let result = await kata.run("backup", copy)
        #expect(result.exitCode == 0, "\(result.errors)")
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let restored = try SQLiteStore.open(path: copy, create: false)
        #expect(try restored.cycles().map(\.minutes) == [12])
        #expect(await kata.run("backup", copy).exitCode == 64)
    }

    @Test("check passes on a database kata wrote and lists a broken rule otherwise")
    func check() async throws {
        let kata = try await KataRunner()
        let target = try await kata.makeTeam()
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--next-step", "Move bin", "--expect", "No run-outs")
        #expect(await kata.run("check").exitCode == 0)
        // Damage the record behind kata's back: a result recorded before its prediction.
        try await kata.store().writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(
                sql: """
                    UPDATE experiment SET closedOn = plannedOn, closedAt = '2000-01-01T00:00:00.000Z',
                        happened = 'x' WHERE target LIKE ?
                    """,
                arguments: [target + "%"])
        }
        let result = await kata.run("check")
        #expect(result.exitCode == 65)
        #expect(result.output.contains("predictions are recorded before results"))
    }
}
