import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataCLI

@Suite("storyboard and due fit 80 columns, and the storyboard shows the latest actual condition")
struct StoryboardLayoutTests {
    private let longStep =
        "Move the screw bin to the point of use and ask the water spider to refill it at every shift change, nights too"
    private let longObstacle =
        "Screws run out twice a shift because refilling the bin at station four is nobody's job on the night shift"

    private func longTeam() async throws -> (KataRunner, String) {
        let kata = try await KataRunner()
        let target = try await kata.makeTeam()
        await kata.run("obstacle", "add", "--target", target, longObstacle, "--work")
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-16", "--actual",
            "58 s average, 3 run-outs", "--next-step", longStep, "--expect",
            "No run-outs on day shift and at most one on nights, as counted on the andon board", "--go-see",
            "+1d")
        return (kata, target)
    }

    private func longestLine(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    @Test("the storyboard wraps long steps and texts at 80 columns under where they start")
    func storyboardWraps() async throws {
        let (kata, _) = try await longTeam()
        let text = await kata.run("storyboard", "bo").output
        #expect(longestLine(text) <= 80, "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let step = try #require(lines.firstIndex { $0.hasPrefix("  1.  2026-11-16  Step:     Move the screw bin") })
        #expect(lines[step + 1].hasPrefix(String(repeating: " ", count: 28)))
        #expect(lines[step + 1].dropFirst(28).first?.isLetter == true)
        let words = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains(longStep))
        #expect(words.contains(longObstacle + "  [working]"))
    }

    @Test("due lays out each learner on a line with the reasons wrapped under it, within 80 columns")
    func dueFits() async throws {
        let (kata, _) = try await longTeam()
        let text = await kata.run("due", "--coach", "ann").output
        #expect(longestLine(text) <= 80, "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "coach  learner  name     lastCycle   goSee")
        #expect(lines[1] == "ann    bo       Bo Chen  2026-11-16  2026-11-17")
        #expect(lines[2].hasPrefix("    go and see: 'Move the screw bin"))
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("    ") })
        #expect(lines.contains("    not coached for 4 workdays (last 2026-11-16)"))
    }

    @Test("the guided cycle log reads the target, last step and parking lot back within 80 columns")
    func dialogueFits() async throws {
        let (kata, _) = try await longTeam()
        let result = await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", input: ["58 s", "ok", "", "learned", "", "", ""])
        #expect(result.exitCode == 0, "\(result.errors)")
        // Typed answers are not echoed here, so what follows a prompt's "> " is on a line of its own.
        let shown = result.output.replacingOccurrences(of: "> ", with: ">\n")
        #expect(longestLine(shown) <= 80, "\(shown)")
        #expect(result.output.contains("   Reflect on the last step (2026-11-16): Move the screw bin"))
    }

    @Test("the storyboard's current condition is the latest one recorded, a cycle's Q2 answer included, dated")
    func currentFromCycle() async throws {
        let (kata, target) = try await longTeam()
        await kata.run("condition", "add", "--target", target, "--text", "Varies 48-71 s", "--date", "2026-11-13")
        var text = await kata.run("storyboard", "bo").output
        let cycle = try #require(try kata.store().cycles().first)
        #expect(
            text.contains(
                "Current       2026-11-16 (coaching cycle \(cycle.id.short))\n              58 s average, 3 run-outs"))
        #expect(!text.contains("Varies 48-71 s"))
        await kata.run(
            "condition", "add", "--target", target, "--text", "Varies 50-60 s", "--metric", "cycle time=55 s")
        text = await kata.run("storyboard", "bo").output
        #expect(
            text.contains("Current       2026-11-20\n              Varies 50-60 s\n              cycle time = 55 s"))
        #expect(await kata.run("target", "show", target).output.contains("Varies 50-60 s"))
    }

    @Test("wrapping keeps short text on one line, starts new lines at line breaks and cuts a word too long")
    func wrapRules() {
        #expect(StoryboardText.wrap("short", lead: "Lead  ") == "Lead  short\n")
        #expect(StoryboardText.wrap("a\nb", lead: "> ") == "> a\n  b\n")
        let long = String(repeating: "x", count: 100)
        #expect(
            StoryboardText.wrap(long, lead: "  ") == "  " + String(repeating: "x", count: 78) + "\n  "
                + String(repeating: "x", count: 22) + "\n")
    }
}
