import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("a storyboard kept on paper can be entered afterwards with --date")
struct BackDatingTests {
    /// ann coaches bo; nothing else.
    private func team() async throws -> KataRunner {
        let kata = try await KataRunner()
        for (handle, name) in [("ann", "Ann Lee"), ("bo", "Bo Chen")] {
            await kata.run("person", "add", handle, "--name", name)
        }
        return kata
    }

    private func addTarget(_ kata: KataRunner, _ extra: String...) async throws -> TargetCondition {
        let result = await kata.run(
            ["target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition", "Within 52 s"] + extra)
        try #require(result.exitCode == 0, "\(result.errors)")
        return try await #require(try kata.store().targets().first)
    }

    @Test("target add --date sets the day it was set; the achieve-by date is judged against that day")
    func targetAddDated() async throws {
        let kata = try await team()
        let target = try await addTarget(kata, "--date", "-3w", "--achieve-by", "2026-11-10")
        #expect(target.createdOn == Day("2026-10-30"))
        #expect(target.achieveBy == Day("2026-11-10"))
        let late = await kata.run(
            "target", "add", "--learner", "bo", "--focus-process", "Paint", "--condition", "No drips", "--date",
            "2026-11-12", "--achieve-by", "2026-11-10")
        #expect(late.exitCode == 65)
        #expect(
            late.errors.contains("the achieve-by date 2026-11-10 is before the target condition is set (2026-11-12)"))
    }

    @Test("a relative --achieve-by counts from --date; a target set after today is refused")
    func targetAddRelative() async throws {
        let kata = try await team()
        let target = try await addTarget(kata, "--date", "2026-11-02", "--achieve-by", "+4w")
        #expect(target.achieveBy == Day("2026-11-30"))
        let future = await kata.run(
            "target", "add", "--learner", "bo", "--focus-process", "Paint", "--condition", "No drips", "--date",
            "+1d", "--achieve-by", "+4w")
        #expect(future.exitCode == 65)
        #expect(future.errors.contains("the date 2026-11-21 is after today (2026-11-20)"))
    }

    @Test("obstacle add, work and close take --date, never before the obstacle's target or the obstacle")
    func obstacleDated() async throws {
        let kata = try await team()
        let target = try await addTarget(kata, "--date", "2026-11-02", "--achieve-by", "+4w")
        let early = await kata.run(
            "obstacle", "add", "--target", target.id.short, "Screws run out", "--date", "2026-11-01")
        #expect(early.exitCode == 65)
        #expect(
            early.errors.contains(
                "the target condition was set on 2026-11-02; it cannot be given an obstacle on 2026-11-01."))
        #expect(
            await kata.run("obstacle", "add", "--target", target.id.short, "Screws run out", "--date", "-2w").exitCode
                == 0)
        let obstacle = try await #require(try kata.store().obstacles().first)
        #expect(obstacle.createdOn == Day("2026-11-06"))
        let workEarly = await kata.run("obstacle", "work", obstacle.id.short, "--date", "2026-11-05")
        #expect(workEarly.exitCode == 65)
        #expect(
            workEarly.errors.contains("the obstacle was parked on 2026-11-06; it cannot be worked from 2026-11-05."))
        #expect(await kata.run("obstacle", "work", obstacle.id.short, "--date", "-1w").exitCode == 0)
        let closeEarly = await kata.run("obstacle", "close", obstacle.id.short, "--overcome", "--date", "2026-11-04")
        #expect(closeEarly.exitCode == 65)
        #expect(closeEarly.errors.contains("the obstacle was parked on 2026-11-06; it cannot be closed on 2026-11-04."))
        #expect(await kata.run("obstacle", "close", obstacle.id.short, "--overcome", "--date", "-1d").exitCode == 0)
        await #expect(try kata.store().obstacles().first?.closedOn == Day("2026-11-19"))
    }

    @Test("target amend and close take --date: not before the target condition was set, not after today")
    func targetAmendCloseDated() async throws {
        let kata = try await team()
        let target = try await addTarget(kata, "--date", "2026-11-02", "--achieve-by", "2026-11-13")
        let early = await kata.run("target", "amend", target.id.short, "--text", "Nights too", "--date", "2026-11-01")
        #expect(early.exitCode == 65)
        #expect(
            early.errors.contains("the target condition was set on 2026-11-02; it cannot be amended on 2026-11-01."))
        #expect(
            await kata.run("target", "amend", target.id.short, "--text", "Nights too", "--date", "-2w").exitCode == 0)
        #expect(try kata.store().target(target.id).amendments.map(\.date) == [Day("2026-11-06")])
        // Missed is judged on the day it ended: the achieve-by date had not passed on the 12th.
        let missedEarly = await kata.run("target", "close", target.id.short, "--missed", "--date", "2026-11-12")
        #expect(missedEarly.exitCode == 65)
        let future = await kata.run("target", "close", target.id.short, "--missed", "--date", "+1d")
        #expect(future.exitCode == 65)
        #expect(future.errors.contains("after today (2026-11-20)"))
        #expect(await kata.run("target", "close", target.id.short, "--missed", "--date", "2026-11-16").exitCode == 0)
        let closed = try kata.store().target(target.id)
        #expect(closed.status == .missed)
        #expect(closed.closedOn == Day("2026-11-16"))
    }

    @Test("challenge add --date is the day a relative --by counts from")
    func challengeDated() async throws {
        let kata = try await team()
        let added = await kata.run("challenge", "add", "Ship within 24 h", "--date", "-1w", "--by", "+4w")
        #expect(added.exitCode == 0, "\(added.errors)")
        #expect(try kata.store().challenges().first?.by == Day("2026-12-11"))
        #expect(await kata.run("challenge", "add", "Later", "--date", "+1d").exitCode == 65)
    }
}
