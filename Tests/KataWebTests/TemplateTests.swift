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
        let children = Mirror(reflecting: row).children
        #expect(children.count == 18)
        for child in children {
            let label = child.label ?? ""
            let value = row.child(named: label)
            #expect(value != nil, "\(label) is not given to the template")
            #expect(value.map { "\($0)" } == "\(child.value)", "\(label)")
        }
        #expect(row.child(named: "belowLabel") == nil, "a name the row lacks is looked up in the page")
    }
}
