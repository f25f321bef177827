import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import Testing

@Suite("review calendars and the coach's active span")
struct ReviewSpanTests {
    @Test("workdays before the coach's first pairing are drawn as days not counted, not as missed days")
    func beforeTheSpan() {
        var packet = ReviewSample.packet()
        let all = ReviewHTMLRenderer.render(packet).occurrences(of: ": workday, no cycle</title>")
        #expect(all == 5)
        // The span starts on 2026-08-17: the uncoached workdays of 2026-W33 (10-14 August) fall before it.
        packet.calendar.spanFrom = Day("2026-08-17")
        let html = ReviewHTMLRenderer.render(packet)
        #expect(html.occurrences(of: ": workday, no cycle</title>") == 0)
        #expect(html.contains("<title>2026-08-10: not a workday</title>"))
        let markdown = ReviewMarkdownRenderer.render(packet)
        #expect(markdown.contains("outside the coach's pairings"))
    }

    @Test("the calendar's span is written out in JSON, null when open")
    func json() throws {
        var packet = ReviewSample.packet()
        packet.calendar.spanFrom = Day("2026-08-17")
        let json = try ReviewJSONRenderer.render(packet)
        #expect(json.contains("\"spanFrom\" : \"2026-08-17\""))
        #expect(json.contains("\"spanTo\" : null"))
    }
}
