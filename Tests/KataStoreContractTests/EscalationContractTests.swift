import Foundation
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

/// Escalations and losses (DESIGN §11.1, §11.5) through the command line, with the same rules,
/// exit codes and figures on every store.
@Suite("Escalations: the same rules and figures on every store")
struct EscalationContractTests {
    static let backends = Backend.allCases

    /// The JSON `arguments` print, as a dictionary.
    static func json(_ world: ContractWorld, _ arguments: String...) async throws -> [String: Any] {
        let result = try world.expectSuccess(await world.kata.run(arguments))
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// The id of an obstacle bo parked on 2026-11-03, on a target condition set on 2026-11-02.
    static func obstacle(_ world: ContractWorld) async throws -> String {
        let target = try world.expectSuccess(
            await world.kata.run(
                "target", "add", "--learner", "bo", "--focus-process", "Kitting", "--condition",
                "Every kit is complete at the start of the shift", "--achieve-by", "2026-12-18", "--date", "2026-11-02")
        )
        let targetID = String(target.output.split(separator: " ")[2])
        try world.expectSuccess(
            await world.kata.run(
                "obstacle", "add", "--target", targetID, "Screws run out twice a shift", "--date", "2026-11-03"))
        let result = try world.expectSuccess(
            await world.kata.run("obstacle", "list", "--target", targetID, "--format", "json"))
        let list = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        return try #require(list.first?["id"] as? String)
    }

    static func escalations(_ world: ContractWorld) async throws -> [[String: Any]] {
        try #require(try await json(world, "escalation", "list", "--format", "json")["escalations"] as? [[String: Any]])
    }

    @Test("an escalation is stored with the learner's unit and listed as §11.5 says", arguments: backends)
    func escalateAndList(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, _ in
            let obstacle = try await Self.obstacle(world)
            let made = try world.expectSuccess(
                await world.kata.run(
                    "escalate", String(obstacle.prefix(8)), "--to", "carl", "--cause-unit", "Logistics", "--loss",
                    "1800 EUR/week", "--basis", "2 stops a shift x 15 min", "--fix", "Kanban loop for screws",
                    "--fix-cost", "none", "--told-on", "2026-11-10"))
            #expect(made.output.hasPrefix("Escalated obstacle \(obstacle.prefix(8)) to carl, told on 2026-11-10 ("))
            let listed = try await Self.escalations(world)
            #expect(listed.count == 1)
            let row = try #require(listed.first)
            #expect(row["obstacle"] as? String == obstacle)
            #expect(row["to"] as? String == "carl")
            #expect(row["causeUnit"] as? String == "Logistics")
            #expect(row["affectedUnit"] as? String == "Assembly")
            #expect(row["lossPerWeek"] as? Double == 1800)
            #expect(row["lossUnit"] as? String == "EUR")
            #expect(row["fixCost"] as? String == "none")
            #expect(row["toldOn"] as? String == "2026-11-10")
            #expect(row["toldHow"] as? String == "by kata")
            #expect(row["status"] as? String == "open")
            let text = try world.expectSuccess(await world.kata.run("escalation", "list", "--open"))
            #expect(text.output.contains("open    2026-11-10  1800 EUR/week    none     carl\n"))
            #expect(text.output.contains("\n          caused in Logistics, felt in Assembly\n"))
            #expect(text.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
            // One live escalation per obstacle: a second is refused and nothing is written.
            let again = await world.kata.run("escalate", obstacle, "--to", "ann")
            #expect(again.exitCode == 65)
            #expect(again.errors.contains("is escalated already"))
            #expect(try await Self.escalations(world).count == 1)
        }
    }

    @Test("bad values exit 64 naming the option, unknown records 65, and nothing is written", arguments: backends)
    func badValues(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, _ in
            let obstacle = try await Self.obstacle(world)
            let cheap = await world.kata.run("escalate", obstacle, "--to", "carl", "--fix-cost", "cheap")
            #expect(cheap.exitCode == 64)
            #expect(cheap.errors.contains("--fix-cost"))
            let five = await world.kata.run("escalate", obstacle, "--to", "carl", "--loss", "5")
            #expect(five.exitCode == 64)
            #expect(five.errors.contains("--loss"))
            let perDay = await world.kata.run("escalate", obstacle, "--to", "carl", "--loss", "300 EUR/day")
            #expect(perDay.exitCode == 64)
            let nobody = await world.kata.run("escalate", obstacle, "--to", "nobody")
            #expect(nobody.exitCode == 65)
            #expect(nobody.errors.contains("nobody"))
            let unknown = await world.kata.run("escalate", "0000dead", "--to", "carl")
            #expect(unknown.exitCode == 65)
            let future = await world.kata.run("escalate", obstacle, "--to", "carl", "--told-on", "2026-11-21")
            #expect(future.exitCode == 65)
            #expect(try await Self.escalations(world).isEmpty)
            // An obstacle overcome is off the parking lot: nothing to escalate.
            try world.expectSuccess(await world.kata.run("obstacle", "close", obstacle, "--overcome"))
            let closed = await world.kata.run("escalate", obstacle, "--to", "carl")
            #expect(closed.exitCode == 65)
            #expect(closed.errors.contains("the obstacle is overcome"))
            #expect(try await Self.escalations(world).isEmpty)
        }
    }

    @Test("decisions and resolution are dated events with what each needs", arguments: backends)
    func decideAndResolve(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, _ in
            let obstacle = try await Self.obstacle(world)
            try world.expectSuccess(
                await world.kata.run("escalate", obstacle, "--to", "carl", "--told-on", "2026-11-10"))
            let id = try #require(try await Self.escalations(world).first?["id"] as? String)
            let short = String(id.prefix(8))
            let noReason = await world.kata.run("escalation", "decide", short, "--decline")
            #expect(noReason.exitCode == 64)
            #expect(noReason.errors.contains("--reason"))
            let noDate = await world.kata.run("escalation", "decide", short, "--defer")
            #expect(noDate.exitCode == 64)
            #expect(noDate.errors.contains("--review-by"))
            let neither = await world.kata.run("escalation", "decide", short)
            #expect(neither.exitCode == 64)
            let early = await world.kata.run("escalation", "decide", short, "--accept", "--date", "2026-11-09")
            #expect(early.exitCode == 65)
            #expect(early.errors.contains("the decider was told on 2026-11-10"))
            let late = await world.kata.run("escalation", "decide", short, "--accept", "--date", "2026-11-21")
            #expect(late.exitCode == 65)
            let deferred = try world.expectSuccess(
                await world.kata.run(
                    "escalation", "decide", short, "--defer", "--review-by", "2026-12-01", "--date", "2026-11-12"))
            #expect(deferred.output == "Escalation \(short) is deferred on 2026-11-12.\n")
            try world.expectSuccess(
                await world.kata.run("escalation", "decide", short, "--accept", "--date", "2026-11-16"))
            let backwards = await world.kata.run("escalation", "resolve", short, "--date", "2026-11-13")
            #expect(backwards.exitCode == 65)
            try world.expectSuccess(
                await world.kata.run(
                    "escalation", "resolve", short, "--date", "2026-11-18", "--verified-on", "2026-11-19"))
            let row = try #require(try await Self.escalations(world).first)
            #expect(row["status"] as? String == "resolved")
            let events = try #require(row["events"] as? [[String: Any]])
            #expect(events.map { $0["action"] as? String } == ["deferred", "accepted", "resolved"])
            #expect(events.map { $0["date"] as? String } == ["2026-11-12", "2026-11-16", "2026-11-18"])
            #expect(events[0]["reviewBy"] as? String == "2026-12-01")
            #expect(events[2]["verifiedOn"] as? String == "2026-11-19")
            // Resolved, the obstacle may be escalated again; the open list leaves the resolved one out.
            try world.expectSuccess(await world.kata.run("escalate", obstacle, "--to", "ann"))
            #expect(try await Self.escalations(world).count == 2)
            let open = try await Self.json(world, "escalation", "list", "--open", "--format", "json")
            #expect((open["escalations"] as? [[String: Any]])?.map { $0["to"] as? String } == ["ann"])
        }
    }

    @Test("losses: days waiting, estimates and zero-cost items, never a learner", arguments: backends)
    func losses(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, _ in
            let obstacle = try await Self.obstacle(world)
            try world.expectSuccess(
                await world.kata.run(
                    "escalate", obstacle, "--to", "carl", "--cause-unit", "Logistics", "--loss", "1800 EUR/week",
                    "--fix-cost", "none", "--told-on", "2026-11-06"))
            let report = try await Self.json(world, "losses", "2026-11", "--format", "json")
            #expect(report["from"] as? String == "2026-11-01")
            #expect(report["to"] as? String == "2026-11-20")
            let item = try #require((report["escalations"] as? [[String: Any]])?.first)
            #expect(item["daysWaiting"] as? Int == 14)
            #expect(item["estimatedLoss"] as? Double == 3600)
            #expect(item["zeroCostUnanswered"] as? Bool == true)
            let summary = try #require(report["summary"] as? [String: Any])
            #expect(summary["open"] as? Int == 1)
            #expect(summary["unanswered"] as? Int == 1)
            #expect(summary["zeroCostUnanswered"] as? Int == 1)
            #expect(summary["medianDaysWaiting"] as? Double == 14)
            #expect(summary["oldestDaysWaiting"] as? Int == 14)
            #expect(summary["estimatedLoss"] as? Double == 3600)
            let decider = try #require((report["byDecider"] as? [[String: Any]])?.first)
            #expect(decider["to"] as? String == "carl")
            #expect(decider["unanswered"] as? Int == 1)
            let units = try #require((report["byUnits"] as? [[String: Any]])?.first)
            #expect(units["causeUnit"] as? String == "Logistics")
            #expect(units["affectedUnit"] as? String == "Assembly")
            #expect(units["open"] as? Int == 1)
            for format in ["text", "json", "csv"] {
                let output = try world.expectSuccess(await world.kata.run("losses", "2026-11", "--format", format))
                    .output
                #expect(output.firstMatch(of: /\bbo\b/) == nil, "\(format) names the learner's handle")
                #expect(!output.contains("Bo Chen"), "\(format) names the learner")
                #expect(!output.contains("Screws run out"), "\(format) shows the obstacle's text")
            }
            let text = try world.expectSuccess(await world.kata.run("losses", "2026-11")).output
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
            #expect(text.contains("Estimated loss while waiting: ~3,600 EUR (estimate)"))
            guard backend == .server else { return }
            // Through a server, HR sees none of it (DESIGN §10.3): the command asks the losses
            // route, which refuses, rather than working the view out of HR's own escalations.
            try await world.addAccount("hanna", name: "Hanna HR", role: "hr")
            try await world.signIn("hanna")
            let refused = await world.kata.run("losses", "2026-11")
            #expect(refused.exitCode == 77)
            #expect(refused.errors.contains("the losses view is for lean staff, managers and admins"))
            #expect(refused.output.isEmpty)
        }
    }
}
