import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("storyboard, due and observations")
struct StoryboardAndDueTests {
    @Test("the storyboard shows challenge, target with metrics, current condition, parking lot and record in order")
    func storyboard() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "carl", "--name", "Carl Jung")
        let challenge = await kata.run(
            "challenge", "add", "Ship any order within 24 h", "--owner", "carl", "--by", "2027-06-30")
        let challengeID = String(challenge.output.split(separator: " ")[2].dropLast())
        for (handle, name) in [("ann", "Ann Lee"), ("bo", "Bo Chen")] {
            await kata.run("person", "add", handle, "--name", name)
        }
        await kata.run("pair", "add", "--coach", "ann", "--learner", "bo", "--since", "2026-11-02")
        let target = await kata.run(
            "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition", "Within 52 s",
            "--achieve-by", "2026-12-18", "--challenge", challengeID, "--outcome", "cycle time: 52 s", "--process",
            "parts at point of use: 100 %")
        #expect(target.exitCode == 0, "\(target.errors)")
        let targetID = String(target.output.split(separator: " ")[2])
        await kata.run(
            "condition", "add", "--target", targetID, "--text", "Varies 48-71 s", "--metric", "cycle time=58 s")
        await kata.run("obstacle", "add", "--target", targetID, "Fixture wobbles")
        await kata.run("obstacle", "add", "--target", targetID, "Screws run out", "--work")
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-18", "--next-step", "Move bin",
            "--expect", "No run-outs")
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-19", "--happened", "One run-out",
            "--learned", "Refill at night", "--next-step", "Refill at shift change", "--expect", "   ")
        await kata.run("target", "amend", targetID, "--text", "Also on nights")
        let board = await kata.run("storyboard", "bo")
        #expect(board.exitCode == 0, "\(board.errors)")
        let text = board.output
        #expect(text.contains("Challenge     Ship any order within 24 h (by 2027-06-30)"))
        #expect(text.contains("Target        Station 4 · achieve by 2026-12-18 · active (28 days left)"))
        #expect(text.contains("+ 2026-11-20: Also on nights"))
        #expect(text.contains("  Outcome     cycle time: 52 s"))
        #expect(text.contains("cycle time = 58 s"))
        #expect(text.contains("▶ "))
        let working = try #require(text.range(of: "Screws run out  [working]"))
        let parked = try #require(text.range(of: "Fixture wobbles  [parked]"))
        #expect(working.lowerBound < parked.lowerBound)
        let first = try #require(text.range(of: "1.  2026-11-18  Step:     Move bin"))
        let second = try #require(text.range(of: "2.  2026-11-19  Step:     Refill at shift change"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(text.contains("Happened: One run-out"))
        #expect(text.contains("Expected: (no prediction written)"))
        #expect(text.contains("(result not in yet)"))
    }

    @Test("due lists a go-see date that has come and a learner not coached for days, not one coached yesterday")
    func due() async throws {
        let kata = try await KataRunner()
        for handle in ["ann", "bo", "cy", "di"] {
            await kata.run("person", "add", handle, "--name", handle.capitalized)
        }
        for learner in ["bo", "cy", "di"] {
            await kata.run("pair", "add", "--coach", "ann", "--learner", learner, "--since", "2026-11-02")
            await kata.run(
                "target", "add", "--learner", learner, "--focus-process", "Line", "--condition", "Flow",
                "--achieve-by", "2026-12-18")
        }
        // Friday 2026-11-20 is today. bo: coached yesterday, go-see today. cy: coached yesterday, nothing due.
        // di: last coached Monday the 16th.
        await kata.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-19", "--next-step", "Try kit",
            "--go-see", "2026-11-20")
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "cy", "--date", "2026-11-19")
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "di", "--date", "2026-11-16")
        let due = await kata.run("due", "--coach", "ann", "--format", "csv")
        #expect(
            due.output == """
                coach,learner,name,lastCycle,goSee,why\r
                ann,bo,Bo,2026-11-19,2026-11-20,go and see: 'Try kit' (due 2026-11-20)\r
                ann,di,Di,2026-11-16,,not coached for 4 workdays (last 2026-11-16)\r

                """)
        // On Monday, cy (last coached Thursday) is due: Friday passed without a cycle.
        let monday = await kata.run("due", "--coach", "ann", "--date", "2026-11-23", "--format", "json")
        #expect(monday.output.contains("\"learner\" : \"cy\""))
    }

    @Test("an observation records focus and trigger, and refuses a cycle of another coach")
    func observe() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo")
        let cycle = String(try #require(try kata.store().cycles().first).id.uuidString.lowercased().prefix(8))
        let recorded = await kata.run(
            "observe", "--coach", "ann", "--second-coach", "lena", "--cycle", cycle, "--notes", "Skipped Q5",
            "--focus", "Ask when we can go and see", "--trigger", "After the next step is named")
        #expect(recorded.exitCode == 0, "\(recorded.errors)")
        let observation = try #require(try kata.store().observations(coach: Handle(validating: "ann")).first)
        #expect(observation.focus == "Ask when we can go and see")
        #expect(observation.trigger == "After the next step is named")
        let wrong = await kata.run(
            "observe", "--coach", "carl", "--second-coach", "lena", "--cycle", cycle, "--notes", "x", "--focus", "y",
            "--trigger", "z")
        #expect(wrong.exitCode == 65)
        #expect(wrong.errors.contains("was run by ann, not carl"))
    }

    @Test("observing someone who never coached (no pairing as coach, no cycle) is refused")
    func observeNeverCoached() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "observe", "--coach", "carl", "--second-coach", "lena", "--notes", "x", "--focus", "y", "--trigger", "z")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("carl has never coached (no pairing as coach, no cycle)"))
        await #expect(try kata.store().observations().isEmpty)
        let coach = await kata.run(
            "observe", "--coach", "ann", "--second-coach", "lena", "--notes", "x", "--focus", "y", "--trigger", "z")
        #expect(coach.exitCode == 0, "\(coach.errors)")
    }

    @Test("closing a target condition as missed before its achieve-by date is refused; dropped is fine")
    func closeTarget() async throws {
        let kata = try await KataRunner()
        let id = try await kata.makeTeam()
        let missed = await kata.run("target", "close", id, "--missed")
        #expect(missed.exitCode == 65)
        #expect(missed.errors.contains("use --dropped"))
        let dropped = await kata.run("target", "close", id, "--dropped", "--reflection", "Line moved")
        #expect(dropped.output == "Target condition \(id) is dropped.\n")
    }
}
