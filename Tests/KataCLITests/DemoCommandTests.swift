import Foundation
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataCLI

@Suite("kata demo")
struct DemoCommandTests {
    @Test("builds a new database in UTC and says what to try next")
    func buildsNewDatabase() async throws {
        let kata = try await KataRunner(today: "2026-11-20", initialise: false)
        let result = await kata.run("demo", "--coaches", "4", "--days", "30", "--seed", "3")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("4 coaches, 30 days from 2026-10-22 to 2026-11-20, seed 3."))
        #expect(result.output.contains("coaching cycles"))
        #expect(result.output.contains("kata due --coach "))
        #expect(result.output.contains("kata practice"))
        let store = try kata.store()
        #expect(try store.settings().timeZone == "UTC")
        #expect(try await DemoOrganisation.holdsPeople(store))
        let learner = try #require(result.output.split(separator: "\n").first { $0.contains("kata storyboard") })
        let handle = try Handle(validating: String(try #require(learner.split(separator: " ").last)))
        #expect(try store.person(handle) != nil)
    }

    @Test("grows escalations: some answered, some waiting, zero-cost ones deferred without a date; no learner named")
    func escalations() async throws {
        let kata = try await KataRunner(today: "2026-11-20", initialise: false)
        #expect(await kata.run("demo", "--coaches", "20", "--days", "120", "--seed", "7").exitCode == 0)
        let json = await kata.run("losses", "2026-11", "--format", "json")
        #expect(json.exitCode == 0, "\(json.errors)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        for key in ["open", "unanswered", "zeroCostUnanswered", "deferredWithoutReview", "decided"] {
            #expect((summary[key] as? Int ?? 0) > 0, "\(key)")
        }
        let store = try kata.store()
        let learners = Set(try await store.pairings().map(\.learner))
        let named = try await store.people().filter { learners.contains($0.handle) && $0.reportsTo != nil }
        let text = await kata.run("losses", "2026-11").output
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let deciders = Set(try store.escalations(EscalationFilter()).map(\.to))
        for person in named where !deciders.contains(person.handle) {
            #expect(!text.contains(person.name), "\(person.name)")
            #expect(!json.output.contains("\"\(person.handle)\""), "\(person.handle)")
        }
    }

    @Test("grows as-expected answers: mostly yes, a realistic share of partly and no, now and then none")
    func asExpectedAnswers() async throws {
        let kata = try await KataRunner(today: "2026-11-20", initialise: false)
        let result = await kata.run("demo", "--coaches", "4", "--days", "60", "--seed", "3")
        #expect(result.exitCode == 0, "\(result.errors)")
        let store = try kata.store()
        var answers: [AsExpected?] = []
        for learner in Set(try await store.pairings().map(\.learner)) {
            for target in try store.targets(learner: learner, status: nil) {
                answers += try store.storyboard(learner: learner, target: target.id).experiments
                    .filter(\.isClosed).map(\.asExpected)
            }
        }
        let count = { (answer: AsExpected?) in answers.count { $0 == answer } }
        #expect(answers.count > 20)
        #expect(count(.yes) > count(.partly) && count(.partly) > 0 && count(.no) > 0 && count(nil) > 0)
        let learner = try #require(result.output.split(separator: "\n").first { $0.contains("kata storyboard") })
        let board = await kata.run(Array(learner.split(separator: " ").drop { $0 != "storyboard" }.map(String.init)))
        #expect(board.output.contains("Growth as a learner (all target conditions)"))
        #expect(board.output.contains("surprise is how PDCA teaches"))
    }

    @Test("suggests a learner whose storyboard has content, and 'swift run kata' when run from a build folder")
    func tryNext() async throws {
        // A short history, where not every learner has steps yet: the one suggested has.
        let kata = try await KataRunner(today: "2026-11-20", initialise: false)
        let result = await kata.run("demo", "--coaches", "6", "--days", "3", "--seed", "4")
        #expect(result.exitCode == 0, "\(result.errors)")
        let line = try #require(result.output.split(separator: "\n").first { $0.contains(" storyboard ") })
        let handle = try Handle(validating: String(try #require(line.split(separator: " ").last)))
        let board = try await kata.store().storyboard(learner: handle)
        #expect(!board.experiments.isEmpty)
        #expect(DemoCommand.invocation(executable: "/home/me/kata/.build/debug/kata") == "swift run kata")
        #expect(DemoCommand.invocation(executable: ".build/release/kata") == "swift run kata")
        #expect(DemoCommand.invocation(executable: "/usr/local/bin/kata") == "kata")
        #expect(DemoCommand.invocation(executable: "kata") == "kata")
    }

    @Test("names the --db path in the commands it suggests")
    func suggestsDatabasePath() async throws {
        let kata = try await KataRunner(initialise: false)
        let path = kata.folder.appendingPathComponent("plant demo.sqlite").path
        let result = await kata.run("demo", "--coaches", "2", "--days", "10", "--db", path)
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("kata practice --db '\(path)'"))
    }

    @Test("warns when the demo went into the default database")
    func warnsAboutDefaultDatabase() async throws {
        let kata = try await KataRunner(initialise: false)
        kata.environment["KATA_DB"] = nil
        let result = await kata.run("demo", "--coaches", "2", "--days", "10")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("The demo went into your default database."))
        #expect(
            await !kata.run("demo", "--coaches", "2", "--days", "10", "--db", kata.databasePath).output.contains(
                "default"))
    }

    @Test("keeps a time zone set by kata init")
    func keepsTimeZone() async throws {
        let kata = try await KataRunner(initialise: false)
        #expect(await kata.run("init", "--time-zone", "Europe/Berlin").exitCode == 0)
        #expect(await kata.run("demo", "--coaches", "2", "--days", "10").exitCode == 0)
        #expect(try kata.store().settings().timeZone == "Europe/Berlin")
    }

    @Test("refuses a database that holds people, with exit 65, and changes nothing")
    func refusesRealData() async throws {
        let kata = try await KataRunner()
        #expect(await kata.run("person", "add", "ann", "--name", "Ann Lee").exitCode == 0)
        let result = await kata.run("demo")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("already holds people"))
        #expect(result.errors.contains("--db"))
        #expect(try kata.store().people(unit: nil).count == 1)
    }

    @Test("refuses sizes out of range as wrong usage")
    func refusesSizes() async throws {
        let kata = try await KataRunner(initialise: false)
        #expect(await kata.run("demo", "--coaches", "0").exitCode == 64)
        #expect(await kata.run("demo", "--days", "0").exitCode == 64)
        #expect(!FileManager.default.fileExists(atPath: kata.databasePath))
    }
}
