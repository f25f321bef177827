import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("the guided cycle log checks each answer, and dates count from the cycle")
struct GuidedDialogueTests {
    @Test("an obstacle number not on the list is asked again, not parked as a new obstacle called '7'")
    func obstacleNumberNotOnList() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo",
            input: [
                "",  // actual condition
                "7",  // not on the list
                "1",  // the obstacle being worked
                "",  // no next step
                "",  // minutes
            ])
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("there is no obstacle 7; pick 1–1 or type the obstacle."))
        let obstacles = try await kata.store().obstacles()
        #expect(obstacles.map(\.text) == ["Screws run out twice a shift"])
        #expect(obstacles.first?.status == .working)
    }

    @Test("a number on an empty parking lot is asked again, saying the lot is empty")
    func obstacleNumberOnEmptyLot() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let obstacle = try await #require(try kata.store().obstacles().first)
        await kata.run("obstacle", "close", obstacle.id.short, "--overcome")
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", input: ["", "1", "Fixture wobbles", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("there is no obstacle 1: the parking lot is empty; type the obstacle."))
        let open = try kata.store().obstacles(includeClosed: false)
        #expect(open.map(\.text) == ["Fixture wobbles"])
    }

    @Test("text that is not a bare number becomes a new obstacle, even when it starts with a digit")
    func obstacleTextWithDigits() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", input: ["", "2 screws missing per shift", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        let working = try kata.store().obstacles(includeClosed: false).filter { $0.status == .working }
        #expect(working.map(\.text) == ["2 screws missing per shift"])
    }

    @Test("a go-see date before the cycle is refused when typed and asked again, keeping the answers before it")
    func goSeeBeforeCycleAskedAgain() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo",
            input: [
                "58 s average",  // actual condition
                "",  // keep the obstacle being worked
                "Move screw bin",  // next step
                "No run-outs",  // expectation
                "yesterday",  // go-see: before the cycle
                "+1w",  // counts from the cycle's day
                "10",  // minutes
            ])
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("the go-see date 2026-11-19 is before the step is planned (2026-11-20)."))
        let detail = try kata.store().cycleDetail(try #require(kata.store().cycles().first).id)
        #expect(detail.planned?.goSee == Day("2026-11-27"))
        #expect(detail.cycle.actualCondition == "58 s average")
        #expect(detail.cycle.minutes == 10)
    }

    @Test("a typed learner nobody has is asked again with the nearest handle, before any coaching question")
    func unknownLearnerAskedAgain() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", input: ["boo", "bo", "", "", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("no learner 'boo'. Did you mean bo (Bo Chen)?"))
        #expect(try kata.store().cycles().first?.learner.rawValue == "bo")
    }

    @Test("a review dated before the open step was planned is refused before the first question")
    func reviewBeforePlannedRefusedFirst() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--next-step", "Move bin")
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-18", "--happened", "x",
            input: ["58 s"])
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("the step was planned on 2026-11-20; it cannot be reviewed on 2026-11-18."))
        #expect(!result.output.contains("Actual condition"))
        #expect(try kata.store().cycles().count == 1)
    }

    @Test("a cycle dated before the open step was planned does not ask for its result, and is logged")
    func earlierCycleSkipsReview() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--next-step", "Move bin")
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-18", input: ["58 s", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("The last step, planned on 2026-11-20 after this cycle: Move bin"))
        #expect(!result.output.contains("What actually happened?"))
        #expect(try kata.store().cycles().count == 2)
    }

    @Test("a relative --go-see counts from --date, not from today")
    func relativeGoSeeFlagCountsFromCycle() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-13", "--next-step", "Move bin",
            "--go-see", "+1w")
        #expect(result.exitCode == 0, "\(result.errors)")
        let detail = try kata.store().cycleDetail(try #require(kata.store().cycles().first).id)
        #expect(detail.planned?.goSee == Day("2026-11-20"))
        let id = String(detail.cycle.id.short)
        #expect(await kata.run("cycle", "edit", id, "--go-see", "+2d").exitCode == 0)
        #expect(try kata.store().cycleDetail(detail.cycle.id).planned?.goSee == Day("2026-11-15"))
        #expect(await kata.run("cycle", "log", "--help").output.contains("counts from the day of the cycle"))
    }

    @Test(
        "a cycle, observation or condition dated after today is refused with exit 65 and nothing written",
        arguments: ["2026-11-22", "+2d", "tomorrow"])
    func futureRefused(date: String) async throws {
        let kata = try await KataRunner()
        let target = try await kata.makeTeam()
        let day = try Day(expression: date, today: kata.today)
        let cycle = await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--date=\(date)")
        #expect(cycle.exitCode == 65)
        #expect(
            cycle.errors.contains(
                "the date \(day) is after today (2026-11-20): record a cycle once it has happened."))
        let guided = await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--date=\(date)", input: ["x"])
        #expect(guided.exitCode == 65)
        #expect(!guided.output.contains("Actual condition"))
        #expect(try kata.store().cycles().isEmpty)
        let observed = await kata.run(
            "observe", "--coach", "ann", "--second-coach", "lena", "--date=\(date)", "--notes", "n", "--focus", "f",
            "--trigger", "t")
        #expect(observed.exitCode == 65)
        #expect(observed.errors.contains("record an observation once it has happened"))
        let condition = await kata.run("condition", "add", "--target", target, "--text", "58 s", "--date=\(date)")
        #expect(condition.exitCode == 65)
        #expect(condition.errors.contains("record a current condition once it has happened"))
        await #expect(try kata.store().observations().isEmpty)
        #expect(try kata.store().conditions(target: kata.store().resolve(.target, target)).isEmpty)
    }

    @Test("cycle edit refuses a date after today, and a cycle logged today is fine")
    func editToFutureRefused() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        #expect(await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "today").exitCode == 0)
        let id = String(try #require(try kata.store().cycles().first).id.short)
        let edited = await kata.run("cycle", "edit", id, "--date", "2026-11-21")
        #expect(edited.exitCode == 65)
        #expect(edited.errors.contains("the date 2026-11-21 is after today (2026-11-20)"))
        #expect(try kata.store().cycles().first?.date == Day("2026-11-20"))
    }

    @Test("cycle edit --obstacle corrects the obstacle a cycle and its step addressed, on the same target only")
    func editObstacleLink() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--new-obstacle", "7", "--next-step", "Move bin")
        let store = try kata.store()
        let cycle = try #require(try store.cycles().first)
        let screws = try await #require(try store.obstacles().first { $0.text == "Screws run out twice a shift" })
        #expect(try store.cycleDetail(cycle.id).obstacle?.text == "7")
        let fixed = await kata.run("cycle", "edit", cycle.id.short, "--obstacle", screws.id.short)
        #expect(fixed.exitCode == 0, "\(fixed.errors)")
        let detail = try store.cycleDetail(cycle.id)
        #expect(detail.cycle.obstacle == screws.id)
        #expect(detail.obstacle?.id == screws.id)
        #expect(detail.planned?.obstacle == screws.id)

        await kata.run(
            "target", "add", "--learner", "bo", "--focus-process", "Paint", "--condition", "No drips",
            "--achieve-by", "2026-12-18")
        let paint = try await #require(
            try store.targets(learner: Handle(validating: "bo")).first { $0.focusProcess == "Paint" })
        await kata.run("obstacle", "add", "--target", paint.id.short, "Booth too cold")
        let other = try await #require(try store.obstacles(target: paint.id).first)
        let wrong = await kata.run("cycle", "edit", cycle.id.short, "--obstacle", other.id.short)
        #expect(wrong.exitCode == 65)
        #expect(wrong.errors.contains("belongs to another target condition"))
        #expect(try store.cycleDetail(cycle.id).obstacle?.id == screws.id)
    }
}
