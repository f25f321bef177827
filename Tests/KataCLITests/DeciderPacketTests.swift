import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// The decider's review packet gains "escalations you were asked to decide" (DESIGN §11.1), and
/// every packet the coach's own growth as a learner (§11.4); today is Friday 2026-11-20.
@Suite("the decider's review packet: escalations asked, answered and waiting, with no learner named")
struct DeciderPacketTests {
    /// carl coaches ann; ann escalated bo's obstacle to carl on 2026-11-10, a fix that costs nothing.
    static func decider() async throws -> KataRunner {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("pair", "add", "--coach", "carl", "--learner", "ann", "--since", "2026-11-02")
        let set = await kata.run(
            "target", "add", "--learner", "bo", "--focus-process", "Station 5", "--condition", "Within 40 s",
            "--achieve-by", "2026-12-18", "--date", "2026-11-02")
        try #require(set.exitCode == 0, "\(set.errors)")
        let target = String(set.output.split(separator: " ")[2])
        let parked = await kata.run("obstacle", "add", "--target", target, "Screws run out", "--date", "2026-11-05")
        try #require(parked.exitCode == 0, "\(parked.errors)")
        let obstacle = try await #require(try kata.store().obstacles().first { $0.createdOn == day("2026-11-05") })
        let made = await kata.run(
            "escalate", obstacle.id.short, "--to", "carl", "--cause-unit", "Logistics", "--loss", "1800 EUR/week",
            "--fix", "Kanban loop for screws", "--fix-cost", "none", "--told-on", "2026-11-10")
        try #require(made.exitCode == 0, "\(made.errors)")
        return kata
    }

    static func packet(_ kata: KataRunner, _ format: String) async throws -> String {
        let result = await kata.run(
            "export", "review", "--coach", "carl", "--from", "2026-11-02", "--to", "2026-11-20", "--format", format)
        try #require(result.exitCode == 0, "\(result.errors)")
        return result.output
    }

    /// The text from `heading` to the next heading of the same kind (or the end).
    static func section(_ text: String, from heading: String, to next: String) throws -> String {
        let start = try #require(text.range(of: heading), "the packet has \(heading)")
        let rest = text[start.upperBound...]
        return String(rest[..<(rest.range(of: next)?.lowerBound ?? rest.endIndex)])
    }

    /// Whether `text` names any of the team's learners, by handle or name, or the obstacle.
    static func namesALearner(_ text: String) -> Bool {
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["bo", "ann", "Bo", "Chen", "Ann", "Lee"]) || text.contains("Screws")
    }

    @Test("Markdown and HTML: counts, days waiting and the zero-cost item, no learner, no obstacle")
    func markdownAndHTML() async throws {
        let kata = try await Self.decider()
        let markdown = try await Self.packet(kata, "md")
        let part = try Self.section(markdown, from: "## Escalations you were asked to decide", to: "\n## ")
        #expect(part.contains("Asked 1, answered 0, unanswered 1"))
        #expect(part.contains("median 10, oldest 10"))
        #expect(part.contains("Zero-cost items unanswered after 5 workdays"))
        #expect(part.contains("2026-11-10, waiting 10 days"))
        #expect(part.contains("1800 EUR/week"))
        #expect(!Self.namesALearner(part))
        let html = try await Self.packet(kata, "html")
        let htmlPart = try Self.section(html, from: "Escalations you were asked to decide</h2>", to: "</section>")
        #expect(htmlPart.contains("Asked 1, answered 0, unanswered 1."))
        #expect(htmlPart.contains("<li>Told 2026-11-10, waiting 10 days (cause Logistics, felt in Assembly)"))
        #expect(!Self.namesALearner(htmlPart))
    }

    @Test("JSON and CSV carry the same figures, and no learner appears anywhere in the packet")
    func jsonAndCSV() async throws {
        let kata = try await Self.decider()
        let json = try await Self.packet(kata, "json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let asked = try #require(document["escalationsToDecide"] as? [String: Any])
        #expect(asked["asked"] as? Int == 1)
        #expect(asked["answered"] as? Int == 0)
        #expect(asked["unanswered"] as? Int == 1)
        #expect(asked["oldestDaysWaiting"] as? Int == 10)
        let items = try #require(asked["zeroCostUnanswered"] as? [[String: Any]])
        #expect(items.map { $0["toldOn"] as? String } == ["2026-11-10"])
        #expect(items.map { $0["lossPerWeek"] as? Double } == [1800])
        #expect(!Self.namesALearner(json.replacingOccurrences(of: "Learner A", with: "")))
        let csv = try await Self.packet(kata, "csv")
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map { String($0).replacingOccurrences(of: "\u{FEFF}", with: "") }
        let row = try #require(rows.dropFirst().first).map(String.init)
        let value = { (column: String) in header.firstIndex(of: column).map { row[$0] } }
        #expect(value("escalationsAsked") == "1")
        #expect(value("escalationsUnanswered") == "1")
        #expect(value("escalationsOldestDaysWaiting") == "10")
        #expect(value("zeroCostUnanswered") == "1")
    }

    @Test("a coach asked nothing gets no escalation section in the printed formats, zeros in JSON")
    func nothingAsked() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run(
            "export", "review", "--coach", "ann", "--from", "2026-11-02", "--to", "2026-11-20", "--format", "md")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(!result.output.contains("Escalations you were asked to decide"))
        #expect(result.output.contains("Growth as a learner in this period"))
    }
}
