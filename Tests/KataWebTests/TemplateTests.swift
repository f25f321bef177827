import Mustache
import Testing

@testable import KataWeb

@Suite("Templates compiled into the binary")
struct TemplateTests {
    @Test("every template parses", arguments: Templates.all.keys.sorted())
    func parses(_ name: String) throws {
        let text = try #require(Templates.all[name])
        _ = try MustacheTemplate(string: text)
    }

    @Test("a value is escaped for HTML wherever a page shows it")
    func escapes() throws {
        let renderer = try PageRenderer()
        let html = renderer.render("problem", ["heading": "<script>alert(1)</script>", "message": "a & \"b\" 'c'"])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a &amp; &quot;b&quot; &#39;c&#39;"))
        #expect(!html.contains("<script>"))
    }
}

@Suite("Rows read without reflection")
struct RowLookupTests {
    @Test("a practice row gives the template each of its values by name, as Mirror would, and nothing else")
    func practiceRow() {
        let row = PracticeView.Row(
            coach: "ann", name: "Ann Lee", unit: nil, link: "/coaches/ann", cycles: 3, coached: "2 of 15",
            cadence: "13%", below: true, longestStreak: 2, currentStreak: 1, longestGap: 7, lastCycle: "2026-11-17",
            daysSinceLastCycle: "3", averageMinutes: "15.0", cyclesOver20Minutes: 0, predictionRate: "50%",
            observations: 1, strip: "<svg/>")
        #expect(Mirror(reflecting: row).children.count == 18)
        Self.expectSameAsMirror(row)
        #expect(row.child(named: "belowLabel") == nil, "a name the row lacks is looked up in the page")
    }

    @Test("a row of the people page gives the template each of its values by name, as Mirror would")
    func personRow() {
        let row = AdminPeoplePage.PeopleView.Row(
            handle: "ann", personName: "Ann Lee", unit: "Assembly", state: "active", learners: "bo", coaches: "none",
            secondCoachOf: "none")
        Self.expectSameAsMirror(row)
    }

    /// Every stored property of `row` is given by `child(named:)` with the same value.
    static func expectSameAsMirror(_ row: some MustacheParent) {
        for child in Mirror(reflecting: row).children {
            let label = child.label ?? ""
            let value = row.child(named: label)
            #expect(value != nil, "\(label) is not given to the template")
            #expect(value.map { "\($0)" } == "\(child.value)", "\(label)")
        }
    }
}
