import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("logging a coaching cycle")
struct CycleLogTests {
    @Test("a cycle with every value given is logged without a question")
    func fullCommandLine() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "15", "--actual", "58 s average",
            "--next-step", "Move screw bin to point of use", "--expect", "No run-outs on day shift", "--go-see",
            "tomorrow", input: [])
        #expect(result.exitCode == 0)
        #expect(!result.output.contains(">"))
        #expect(result.output.contains("Next step:     Move screw bin to point of use — go and see 2026-11-21"))
        let cycles = try kata.store().cycles()
        try #require(cycles.count == 1)
        #expect(cycles[0].minutes == 15)
        #expect(cycles[0].date == Day("2026-11-20"))
    }

    @Test("the coach comes from KATA_COACH when --coach is left out")
    func coachFromEnvironment() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        kata.environment["KATA_COACH"] = "ann"
        #expect(await kata.run("cycle", "log", "--learner", "bo", "--minutes", "10").exitCode == 0)
        #expect(try kata.store().cycles().first?.coach.rawValue == "ann")
    }

    @Test("the coach comes from the config file when neither --coach nor KATA_COACH is set")
    func coachFromConfig() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let folder = kata.folder.appendingPathComponent("config/kata")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# my settings\ncoach = ann\n".write(
            to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        #expect(await kata.run("cycle", "log", "--learner", "bo").exitCode == 0)
        #expect(try kata.store().cycles().first?.coach.rawValue == "ann")
    }

    @Test("without a terminal a missing coach is an error that names it, and nothing is written")
    func missingCoach() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--learner", "bo")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("missing --coach"))
        #expect(try kata.store().cycles().isEmpty)
    }

    @Test("without a terminal a missing learner is an error that names it")
    func missingLearner() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("missing --learner"))
    }

    @Test("on a terminal the five questions are asked, reading the last expectation back before the result")
    func guidedDialogue() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        kata.environment["KATA_COACH"] = "ann"
        await kata.run(
            "cycle", "log", "--learner", "bo", "--next-step", "Move screw bin", "--expect", "No run-outs on days",
            "--date", "2026-11-19")
        let result = await kata.run(
            "cycle", "log", "--learner", "bo",
            input: [
                "Run-outs: 0 on days, 1 on nights",  // actual condition
                "One run-out on nights",  // what happened
                "maybe",  // not an answer: asked again
                "p",  // partly what was expected
                "Night refill is nobody's job",  // learned
                "",  // keep the obstacle being worked
                "Refill at shift change",  // next step
                "No run-outs at all",  // expectation
                "",  // go-see: the default, the next workday
                "12",  // minutes
            ])
        #expect(result.exitCode == 0, "\(result.errors)")
        let output = result.output
        #expect(output.contains("1. What is the target condition?"))
        #expect(output.contains("Every unit leaves station 4 within 52 s"))
        #expect(output.contains("What did you expect?  No run-outs on days"))
        let expectation = try #require(output.range(of: "What did you expect?  No run-outs on days"))
        let happened = try #require(output.range(of: "What actually happened?"))
        #expect(expectation.lowerBound < happened.lowerBound)
        let asked = try #require(output.range(of: "Was that what you expected? (yes / partly / no)"))
        let learned = try #require(output.range(of: "What did you learn?"))
        #expect(happened.lowerBound < asked.lowerBound && asked.lowerBound < learned.lowerBound)
        #expect(output.contains("Answer yes, partly or no (or press Enter to leave it out)."))
        #expect(output.contains("▶ Screws run out twice a shift"))
        #expect(output.contains("Go and see [2026-11-23]"))
        let detail = try kata.store().cycleDetail(try #require(kata.store().cycles().first).id)
        #expect(detail.reviewed?.happened == "One run-out on nights")
        #expect(detail.reviewed?.asExpected == .partly)
        #expect(detail.planned?.expected == "No run-outs at all")
        #expect(detail.planned?.goSee == Day("2026-11-23"))
        #expect(detail.cycle.minutes == 12)
        #expect(detail.obstacle?.text == "Screws run out twice a shift")
    }

    @Test("Ctrl-D in the middle of the questions writes nothing")
    func cancelled() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", input: ["58 s average"])
        #expect(result.exitCode == 1)
        #expect(result.errors.contains("nothing was written"))
        #expect(try kata.store().cycles().isEmpty)
    }

    @Test("a new obstacle typed at question 3 becomes the one worked")
    func newObstacleInDialogue() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo",
            input: ["", "Fixture wobbles at station 4", "", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        let working = try kata.store().obstacles(includeClosed: false).filter { $0.status == .working }
        #expect(working.map(\.text) == ["Fixture wobbles at station 4"])
    }

    @Test("--no-prompt on a terminal logs what is given")
    func noPrompt() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--no-prompt", input: [])
        #expect(result.exitCode == 0)
        #expect(!result.output.contains("?"))
    }

    @Test("cycle show tells the five questions' answers")
    func show() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--actual", "58 s", "--next-step", "Move bin",
            "--expect", "No run-outs", "--go-see", "+1d")
        let id = try #require(try kata.store().cycles().first).id.uuidString.lowercased()
        let shown = await kata.run("cycle", "show", String(id.prefix(8))).output
        #expect(shown.contains("2. Actual:    58 s"))
        #expect(shown.contains("4. Next step: Move bin"))
        #expect(shown.contains("   Expect:    No run-outs"))
        #expect(shown.contains("5. Go see:    2026-11-21"))
    }

    @Test("cycle edit corrects minutes and delete removes the cycle and the step it planned")
    func editAndDelete() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "15", "--next-step", "Move bin")
        let id = String(try #require(try kata.store().cycles().first).id.uuidString.lowercased().prefix(8))
        #expect(await kata.run("cycle", "edit", id, "--minutes", "18").exitCode == 0)
        #expect(try kata.store().cycles().first?.minutes == 18)
        #expect(await kata.run("cycle", "edit", id, "--minutes=-5").exitCode == 65)
        #expect(await kata.run("cycle", "delete", id).exitCode == 0)
        #expect(try kata.store().cycles().isEmpty)
        let board = try await kata.store().storyboard(learner: Handle(validating: "bo"))
        #expect(board.experiments.isEmpty)
    }

    @Test("cycle list as JSON holds the interchange fields")
    func listJSON() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "15", "--second-coach", "lena")
        let data = Data(await kata.run("cycle", "list", "--format", "json").output.utf8)
        let cycles = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        try #require(cycles.count == 1)
        #expect(cycles[0]["secondCoach"] as? String == "lena")
        #expect(cycles[0]["minutes"] as? Int == 15)
        #expect(cycles[0]["date"] as? String == "2026-11-20")
    }
}
