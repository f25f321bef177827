import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("kata practice")
struct PracticeCommandTests {
    let kata: KataRunner
    let fortnight = ["--from", "2026-11-02", "--to", "2026-11-15"]

    init() async throws {
        kata = try await KataRunner(today: "2026-11-20")
        try PracticeFixture.populate(kata.store())
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("--format json prints the document of DESIGN §6, exactly as the report encodes")
    func jsonDocument() async throws {
        let result = await kata.run(["practice", "--format", "json"] + fortnight)
        #expect(result.exitCode == 0)
        let report = try await CoachingFigures(kata.store()).practiceReport(for: PracticeFixture.fortnight)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(result.output == String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")

        let document = try json(result.output)
        #expect(Set(document.keys) == ["from", "to", "coaches"])
        let coaches = try #require(document["coaches"] as? [[String: Any]])
        #expect(coaches.map { $0["coach"] as? String } == ["ann", "bob", "cat"])
        let fields: Set<String> = [
            "coach", "name", "unit", "cycles", "learners", "workdays", "coachedDays", "cadence", "longestStreak",
            "currentStreak", "longestGap", "lastCycle", "daysSinceLastCycle", "averageMinutes",
            "cyclesOver20Minutes", "predictionRate", "observations", "weekly",
        ]
        #expect(coaches.allSatisfy { Set($0.keys) == fields })
        let ann = coaches[0]
        #expect(ann["cadence"] as? Double == 1.0 / 3.0)
        #expect(ann["predictionRate"] as? Double == 0.5)
        #expect(ann["lastCycle"] as? String == "2026-11-12")
        #expect(coaches[1]["predictionRate"] is NSNull)
        let weekly = try #require(ann["weekly"] as? [[String: Any]])
        #expect(weekly.map { $0["week"] as? String } == ["2026-W45", "2026-W46"])
        #expect(
            weekly.map { Set($0.keys) } == [["week", "cycles", "coachedDays"], ["week", "cycles", "coachedDays"]])
    }

    @Test("--format json --by unit adds the roll-up")
    func jsonRollup() async throws {
        let result = await kata.run(["practice", "--format", "json", "--by", "unit"] + fortnight)
        #expect(result.exitCode == 0)
        let document = try json(result.output)
        #expect(document["by"] as? String == "unit")
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["Assembly", "Welding"])
        #expect(groups.map { $0["coaches"] as? Int } == [2, 1])
        #expect(groups.map { $0["coachesBelow"] as? Int } == [2, 0])
        #expect(groups[1]["meanCadence"] as? Double == 0.8)
        let figures = CoachingFigures(try kata.store())
        let encoded = try JSONEncoder().encode(
            await figures.practiceGroups(figures.practiceReport(for: PracticeFixture.fortnight), by: .unit, below: 0.6))
        let expected = try #require(JSONSerialization.jsonObject(with: encoded) as? NSArray)
        #expect(NSArray(array: groups) == expected)
    }

    @Test("the period defaults to the last four full weeks")
    func defaultPeriod() async throws {
        let document = try json(await kata.run("practice", "--format", "json").output)
        #expect(document["from"] as? String == "2026-10-19")
        #expect(document["to"] as? String == "2026-11-15")
    }

    @Test("--format csv has one row per coach with every scalar figure")
    func csv() async {
        let result = await kata.run(["practice", "--format", "csv"] + fortnight)
        #expect(result.exitCode == 0)
        let lines = result.output.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "from,to,until,coach,name,unit,cycles,learners,workdays,coachedDays,cadence,longestStreak,currentStreak,"
                + "longestGap,lastCycle,daysSinceLastCycle,averageMinutes,cyclesOver20Minutes,predictionRate,"
                + "observations")
        #expect(
            lines[1]
                == "2026-11-02,2026-11-15,,ann,Ann Example,Assembly,6,2,9,3,0.3333,2,1,5,2026-11-12,3,20,2,0.5,1")
        #expect(lines.count == 5)  // and the empty text after the last line end
    }

    @Test("--format csv --by second-coach has one row per group")
    func csvRollup() async {
        let result = await kata.run(
            ["practice", "--format", "csv", "--by", "second-coach", "--below", "0.5"] + fortnight)
        let lines = result.output.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "from,to,until,group,coaches,cycles,meanCadence,coachesBelow")
        #expect(lines.dropFirst().map { $0.components(separatedBy: ",")[3] } == ["dora", "eve", ""])
    }

    @Test("the text view has a row per coach with a sparkline, and the learners left longest")
    func text() async {
        let result = await kata.run(["practice"] + fortnight)
        #expect(result.exitCode == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains("coach  cycles  coached  cadence  best  now  gap  last  pred  obs"))
        #expect(lines.contains("ann         6      3/9      33%     2    1    5     3   50%    1"))
        #expect(lines.contains("bob         3      3/7      43%     2    1    4     2     —    0"))
        // ann: 2 of 5 workdays, then 1 of 4; bob: 2 of 3, then 1 of 4.
        #expect(lines.contains("Coached days per week: ▁ none … █ every workday"))
        #expect(lines.contains("ann  ▄▃"))
        #expect(lines.contains("bob  ▆▃"))
        #expect(!result.output.contains("not over"))
        #expect(lines.contains("Learners left without coaching longest (pairings in force on 2026-11-15)"))
        #expect(lines.contains { $0.hasPrefix("ned") && $0.hasSuffix("never          —") })
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test("two years fit in 80 columns: the sparkline groups weeks")
    func textForTwoYears() async {
        let result = await kata.run("practice", "--from", "2025-01-01", "--to", "2026-10-31")
        let lines = result.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains("Coached days per 2 weeks: ▁ none … █ every workday"))
    }

    @Test("colour only on a terminal and never with NO_COLOR")
    func colour() async {
        let coloured = await kata.run(["practice"] + fortnight, terminal: true)
        #expect(coloured.output.contains("\u{1B}[31m33%\u{1B}[0m"))
        kata.environment["NO_COLOR"] = "1"
        #expect(await !kata.run(["practice"] + fortnight, terminal: true).output.contains("\u{1B}"))
    }

    @Test("--by second-coach adds a roll-up table to the text view")
    func textRollup() async {
        let result = await kata.run(["practice", "--by", "second-coach"] + fortnight)
        #expect(result.output.contains("By 2nd coach"))
        #expect(result.output.contains("\ndora             1       6           33%          1\n"))
        #expect(result.output.contains("\n(none)           1       3           43%          1\n"))
    }

    @Test("--coach --calendar draws a heatmap with a row per weekday and a column per week")
    func calendar() async {
        let result = await kata.run(["practice", "--coach", "ann", "--calendar"] + fortnight)
        #expect(result.exitCode == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Monday 2 and 9: one cycle, then none; Tuesday 3: two cycles; Saturday 7: one.
        #expect(lines.contains("Mon  ░ ·"))
        #expect(lines.contains("Tue  ▒ ·"))
        #expect(lines.contains("Wed  · ░"))
        #expect(lines.contains("Sat  ░"))
        #expect(lines.contains("Sun"))
        #expect(lines.contains("3 of 9 workdays coached (33%), 6 cycles;"))
        #expect(lines.contains("longest streak 2, current 1; longest gap 5."))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test("--calendar needs --coach")
    func calendarNeedsCoach() async {
        let result = await kata.run(["practice", "--calendar"] + fortnight)
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("--coach"))
    }

    @Test("a period that ends before it starts is a usage error")
    func reversedPeriod() async {
        let result = await kata.run("practice", "--from", "2026-11-15", "--to", "2026-11-02")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("before it starts"))
    }

    @Test("an unknown unit or a threshold outside 0 to 100 % is refused, echoing what was typed")
    func badValues() async {
        let unit = await kata.run(["practice", "--unit", "Paintshop"] + fortnight)
        #expect(unit.exitCode == 65)
        #expect(unit.errors.contains("no unit 'Paintshop'"))
        for typed in ["150", "101%", "abc", "0.6.1", "1e-3", ""] {
            let result = await kata.run(["practice", "--below", typed] + fortnight)
            #expect(result.exitCode == 65, "--below \(typed)")
            #expect(result.errors.contains("--below: '\(typed)' is not valid"), "\(result.errors)")
            #expect(result.errors.contains("60, 60% or 0.6"))
            #expect(result.output.isEmpty)
        }
    }

    @Test("--below 60, 60% and 0.6 all mean 60 % of workdays", arguments: ["60", "60%", "0.6", " 60 % "])
    func threshold(typed: String) async {
        let reference = await kata.run(["practice", "--by", "unit"] + fortnight)
        let result = await kata.run(["practice", "--by", "unit", "--below", typed] + fortnight)
        #expect(result.exitCode == 0)
        #expect(result.output == reference.output)
        #expect(result.output.contains("below 60%"))
        let half = await kata.run(["practice", "--by", "unit", "--below", "50"] + fortnight)
        #expect(await half.output == kata.run(["practice", "--by", "unit", "--below", "0.5"] + fortnight).output)
        #expect(half.output.contains("below 50%"))
    }

    @Test("--second-coach of someone who is no one's 2nd coach in the period says exactly that")
    func noOnesSecondCoach() async {
        let result = await kata.run(["practice", "--second-coach", "lee"] + fortnight)
        #expect(result.exitCode == 0)
        #expect(
            result.output
                == "lee is no one's 2nd coach from 2026-11-02 to 2026-11-15: no pairing with lee as\n"
                + "2nd coach overlaps the period.\n")
        #expect(await kata.run(["practice", "--second-coach", "dora"] + fortnight).output.contains("\nann "))
    }

    @Test("a period that reaches past today is counted to today, the same as --to today, and says so")
    func periodCutAtToday() async throws {
        // Today is Friday 20 November, in the middle of the month.
        let month = await kata.run("practice", "--period", "2026-11", "--format", "json")
        let toToday = await kata.run("practice", "--from", "2026-11-01", "--to", "today", "--format", "json")
        #expect(month.exitCode == 0 && toToday.exitCode == 0)
        let cut = try json(month.output)
        let plain = try json(toToday.output)
        #expect(cut["to"] as? String == "2026-11-30")
        #expect(cut["until"] as? String == "2026-11-20")
        #expect(plain["to"] as? String == "2026-11-20")
        #expect(plain["until"] == nil)
        let coaches = try #require(cut["coaches"] as? [[String: Any]])
        let reference = try #require(plain["coaches"] as? [[String: Any]])
        #expect(coaches.map { $0["coach"] as? String } == reference.map { $0["coach"] as? String })
        for (left, right) in zip(coaches, reference) {
            #expect(NSDictionary(dictionary: left) == NSDictionary(dictionary: right), "\(left["coach"] ?? "")")
        }
        // ann: the days after the 20th count for nothing (no gap, no weeks, no days since).
        let ann = try #require(coaches.first)
        #expect(ann["daysSinceLastCycle"] as? Int == 0)
        #expect((ann["weekly"] as? [[String: Any]])?.last?["week"] as? String == "2026-W47")

        let text = await kata.run("practice", "--period", "2026-11")
        #expect(
            text.output.hasPrefix(
                "Practice from 2026-11-01 to 2026-11-30, 4 coaches\nCounted to 2026-11-20, the period is not over.\n"))
        #expect(text.output.contains("(pairings in force on 2026-11-20)"))
        let calendar = await kata.run("practice", "--period", "2026-11", "--coach", "ann", "--calendar")
        #expect(calendar.output.contains("\nCounted to 2026-11-20, the period is not over.\n"))
        let csv = await kata.run("practice", "--period", "2026-11", "--format", "csv").output
        #expect(csv.components(separatedBy: "\r\n")[1].hasPrefix("2026-11-01,2026-11-30,2026-11-20,ann,"))
        let rollup = await kata.run("practice", "--period", "2026-11", "--by", "unit")
        #expect(rollup.output.contains("Counted to 2026-11-20, the period is not over."))

        let future = await kata.run("practice", "--period", "2027")
        #expect(future.exitCode == 65)
        #expect(future.errors.contains("today is 2026-11-20"))
    }
}
