import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("whether a step's result was what the learner expected (--as-expected)")
struct AsExpectedTests {
    /// ann planned a step with bo on 2026-11-19.
    static func planned() async throws -> KataRunner {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        try Self.succeeded(
            await kata.run(
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-19", "--next-step",
                "Move screw bin", "--expect", "No run-outs on days", "--no-prompt"))
        return kata
    }

    @Test("--as-expected is stored on the step with its result and shown by cycle show and the storyboard")
    func storedWithResult() async throws {
        let kata = try await Self.planned()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "One run-out on nights",
            "--as-expected", "no", "--learned", "Nights refill late", "--no-prompt")
        try Self.succeeded(result)
        let cycle = try #require(try kata.store().cycles(CycleFilter(from: Day("2026-11-20"))).first)
        let detail = try kata.store().cycleDetail(cycle.id)
        #expect(detail.reviewed?.asExpected == AsExpected.no)
        #expect(detail.reviewed?.happened == "One run-out on nights")
        let shown = await kata.run("cycle", "show", cycle.id.short)
        #expect(shown.output.contains("   As expected: no"))
        let board = await kata.run("storyboard", "bo")
        #expect(board.output.contains("As expected? no"))
    }

    @Test("an answer outside yes, partly and no is a usage error naming the option, and nothing is written")
    func otherValuesRefused() async throws {
        let kata = try await Self.planned()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "One run-out",
            "--as-expected", "maybe", "--no-prompt")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("--as-expected"))
        #expect(result.errors.contains("maybe"))
        #expect(try kata.store().cycles().count == 1)
    }

    @Test("--as-expected alone reviews the step; without an open step it is refused")
    func aloneReviews() async throws {
        let kata = try await Self.planned()
        try Self.succeeded(
            await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--as-expected", "yes", "--no-prompt"))
        let steps = try await kata.store().storyboard(learner: handle("bo")).experiments
        #expect(steps.map(\.asExpected) == [AsExpected.yes])
        #expect(steps.first?.closedOn == Day("2026-11-20"))
        let again = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--as-expected", "partly", "--no-prompt")
        #expect(again.exitCode == 65)
        #expect(again.errors.contains("no open step to review"))
    }

    @Test("cycle edit corrects the answer")
    func corrected() async throws {
        let kata = try await Self.planned()
        try Self.succeeded(
            await kata.run(
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "No run-out", "--as-expected",
                "yes", "--no-prompt"))
        let cycle = try #require(try kata.store().cycles(CycleFilter(from: Day("2026-11-20"))).first)
        try Self.succeeded(await kata.run("cycle", "edit", cycle.id.short, "--as-expected", "partly"))
        #expect(try kata.store().cycleDetail(cycle.id).reviewed?.asExpected == .partly)
    }

    /// Fails the test with the command's errors unless it exited 0.
    private static func succeeded(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(result.exitCode == 0, "\(result.errors)", sourceLocation: sourceLocation)
    }
}
