import Foundation
import ImprovementKata
import KataStore
import Testing

@testable import KataCLI

@Suite("kata chain as text")
struct ChainTextTests {
    static func person(_ handle: String, coached: Bool, touchedBy: [String] = [], reports: [ChainPerson] = [])
        -> ChainPerson
    {
        ChainPerson(
            handle: try! Handle(validating: handle), name: handle.capitalized, coach: true, coached: coached,
            touchedBy: touchedBy.map { try! Handle(validating: $0) }, walks: 0, walkPlan: nil, reports: reports)
    }

    @Test("a line of twelve levels stays inside 80 columns, the deepest marked with their level")
    func deepLine() {
        var node = Self.person("level-12-coach-with-a-long-handle", coached: true, touchedBy: ["boss"])
        for depth in (1...11).reversed() {
            node = Self.person("l\(depth)", coached: depth % 2 == 0, touchedBy: ["l\(depth - 1)"], reports: [node])
        }
        let chain = ChainReport(to: Day("2026-12-04")!, weeks: 4, tree: [node], levels: [])
        let text = ChainText.render(chain)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text.contains("\n              ● l8 L8  coached · touched by l7\n"))
        #expect(text.contains("\n                [12] ● level-12-coach-with-a-long-handle"))
        #expect(text.contains("\n  l1 ran no coaching cycle in 4 weeks\n"))
    }

    @Test("a gap is a sentence that names who was not touched, never a score")
    func gaps() {
        let chain = ChainReport(
            to: Day("2026-12-04")!, weeks: 1, tree: [Self.person("ann", coached: true)],
            levels: [ChainLevel(level: 1, coaches: 1, touchedFromAbove: 0)])
        #expect(
            ChainText.render(chain) == """
                Chain of coaching, the 1 week to 2026-12-04
                ● coached, coaching touched from above   ○ not   · does not coach

                ○ ann Ann  coached

                Gaps
                  no one above ann touched their coaching in 1 week

                By level
                  level 1: 1 coach, 0 touched from above (0 %)

                """)
    }
}
