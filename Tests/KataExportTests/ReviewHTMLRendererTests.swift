import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import Testing

@Suite("HTML review packet")
struct ReviewHTMLRendererTests {
    @Test("a packet is one self-contained document with its period, date made, purpose and definitions")
    func content() {
        let html = ReviewHTMLRenderer.render(ReviewSample.packet())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<h1>Ann Lee <span class=\"handle\">(ann)</span></h1>"))
        #expect(html.contains("<dt>Period</dt><dd>2026-07-01 to 2026-09-30</dd>"))
        #expect(html.contains("<dt>Made</dt><dd>2026-11-20 09:00 UTC by kata 0.1.0</dd>"))
        #expect(html.contains("not a ranking"))
        #expect(html.contains("<span class=\"value\">92%</span><span class=\"label\">Cadence</span>"))
        #expect(html.contains("<span class=\"value\">17.5 min</span>"))
        for definition in FigureDefinition.all {
            #expect(
                html.contains(
                    "<dt>\(definition.label)</dt><dd>\(ReviewHTMLRenderer.escape(definition.definition))</dd>"))
        }
        #expect(html.contains("<td>achieved on 2026-07-28</td>"))
        #expect(html.contains("Received 9 cycles on 9 days in this period, from Coach A (9 cycles)."))
    }

    @Test("the weekly chart draws one hatched bar per week with coached days, labelled with its number")
    func weeklyBars() {
        let packet = ReviewSample.packet()
        let html = ReviewHTMLRenderer.render(packet)
        let coachedWeeks = packet.practice.weekly.filter { $0.coachedDays > 0 }.count
        #expect(coachedWeeks == 13)
        #expect(html.occurrences(of: "fill=\"url(#p1-bar)\"") == coachedWeeks)
        #expect(html.contains("<title>2026-W33: 0 days coached, 0 cycles</title>"))
        #expect(html.contains("<title>2026-W28: 5 days coached, 9 cycles</title>"))
    }

    @Test("the heatmap has a cell per day of the period, coached days solid with their count")
    func heatmap() {
        let packet = ReviewSample.packet()
        let html = ReviewHTMLRenderer.render(packet)
        // 92 days in 2026-Q3; Sundays are left out (no workday, no cycle): 92 - 13 = 79 cells.
        #expect(html.occurrences(of: "<title>2026-") - packet.practice.weekly.count == 79)
        #expect(html.occurrences(of: ": workday, no cycle</title>") == 5)
        #expect(html.contains("<title>2026-08-22: 1 cycle</title>"))
        #expect(html.contains("<title>2026-07-04: not a workday</title>"))
        #expect(!html.contains("<title>2026-07-05"))
        #expect(html.contains("coached (number = cycles that day)"))
        #expect(html.contains(">Sat</text>") && !html.contains(">Sun</text>"))
    }

    @Test("a year is drawn full width with small days that carry no numbers, and the legend says so")
    func year() {
        var packet = ReviewSample.packet()
        packet.period = ReviewPeriod(from: Day("2026-01-01")!, to: Day("2026-12-31")!)
        let html = ReviewHTMLRenderer.render(packet)
        #expect(html.contains("<div class=\"charts wide\">"))
        #expect(html.contains("coached day</span>"))
        #expect(!html.contains("number = cycles that day"))
        #expect(!html.contains("fill=\"#fff\">3</text>"))
        #expect(ReviewHTMLRenderer.render(ReviewSample.packet()).contains("fill=\"#fff\">3</text>"))
    }

    @Test("it prints on A4, one packet after another on new pages")
    func printing() {
        let html = ReviewHTMLRenderer.render(
            ReviewSample.collection([
                ReviewSample.packet(), ReviewSample.emptyPacket(), ReviewSample.packet(coach: "dan"),
            ]))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains(".packet:not(:last-of-type) { page-break-after: always; break-after: page; }"))
        #expect(html.occurrences(of: "<article class=\"packet\"") == 3)
        #expect(html.occurrences(of: "<!DOCTYPE html>") == 1)
        for id in ["p1", "p2", "p3"] {
            #expect(html.contains("<pattern id=\"\(id)-bar\""))
        }
        #expect(html.contains("<p class=\"notice\">No coaching activity in this period"))
    }

    @Test("no scripts, event handlers, links or resources from elsewhere")
    func selfContained() {
        let html = ReviewHTMLRenderer.render(
            ReviewSample.collection([ReviewSample.packet(), ReviewSample.emptyPacket()])
        )
        .lowercased()
        for forbidden in ["<script", "http://", "https://", "<link", "<img", "<iframe", "@import", "src=", "href="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.range(of: #"<[^>]*\son[a-z]+="#, options: .regularExpression) == nil)
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
    }

    @Test("hostile text is escaped everywhere", arguments: ReviewSample.hostileNames)
    func escaping(name: String) {
        let packet = ReviewSample.packet(
            name: name, unit: name, learner: name, focus: name, notes: name, condition: name,
            privacy: ReviewPrivacy(learnerNames: true, notes: true))
        let html = ReviewHTMLRenderer.render(packet)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script"))
        // A web address in a name stays text: never the start of an attribute value.
        #expect(!html.contains("\"http") && !html.contains("=http") && !html.contains("'http"))
        #expect(html.contains("http://") == name.contains("http://"))
        if name.contains("<") || name.contains("\"") || name.contains("'") {
            #expect(!html.contains(name))
        }
        #expect(html.contains(ReviewHTMLRenderer.escape(name)))
    }

    @Test("escape replaces the five characters HTML gives meaning to")
    func escapeFunction() {
        #expect(
            ReviewHTMLRenderer.escape("<img src=x onerror=alert(1)> & \"quotes\" 'single'")
                == "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;")
        #expect(ReviewHTMLRenderer.escape("Zoë Ødegård") == "Zoë Ødegård")
    }

    @Test("by default there is no handle column and no notes; opting in shows them")
    func privacy() {
        let plain = ReviewHTMLRenderer.render(ReviewSample.packet())
        #expect(!plain.contains("<th>Handle</th>"))
        #expect(!plain.contains("<th>Notes</th>"))
        #expect(!plain.contains("<th>Condition</th>"))
        #expect(!plain.contains("<th>Focus process</th>"))
        #expect(plain.contains(ReviewHTMLRenderer.escape(ReviewPrivacy().statement)))
        let open = ReviewHTMLRenderer.render(
            ReviewSample.packet(
                learner: "Bert Alder", notes: "Asked two good questions", condition: "Kitting in 4 minutes",
                privacy: ReviewPrivacy(learnerNames: true, notes: true)))
        #expect(open.contains("<th>Handle</th>"))
        #expect(open.contains("<th>Focus process</th>"))
        #expect(open.contains("<td>Bert Alder</td><td>bert</td>"))
        #expect(open.contains("<td class=\"text\">Asked two good questions</td>"))
        #expect(open.contains("<td class=\"text\">Kitting in 4 minutes</td>"))
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
