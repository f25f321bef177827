import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

/// What the Chain template shows: the window's form, the tree (each person with their mark and
/// what is said of them, their reports under them), the gaps as sentences, and the levels.
struct ChainView {
    struct PersonRow {
        var handle: String
        var name: String
        var mark: String
        /// What the mark means, for screen readers.
        var markLabel: String
        var facts: String
        var reports: [PersonRow]
        // Stored, not computed: templates see stored properties only.
        var hasReports: Bool
    }

    struct LevelRow {
        var level: Int
        var coaches: Int
        var touched: Int
    }

    var heading: String
    var weeks: Int
    var tree: [PersonRow]
    var gaps: [String]
    var levels: [LevelRow]
    var hasGaps: Bool
    var empty: Bool

    init(_ chain: ChainReport) {
        let window = chain.window
        heading = "Chain of coaching, the \(window) to \(chain.to)"
        weeks = chain.weeks
        var gaps: [String] = []
        tree = chain.tree.map { Self.row($0, window: window, gaps: &gaps) }
        self.gaps = gaps
        hasGaps = !gaps.isEmpty
        empty = chain.tree.isEmpty
        levels = chain.levels.map { LevelRow(level: $0.level, coaches: $0.coaches, touched: $0.touchedFromAbove) }
    }

    private static func row(_ person: ChainPerson, window: String, gaps: inout [String]) -> PersonRow {
        gaps += person.gaps(in: window)
        let touched = person.coachedAndTouched
        var facts = person.practice
        if !person.touchedBy.isEmpty {
            facts.append("touched by " + person.touchedBy.map(\.rawValue).joined(separator: ", "))
        }
        let reports = person.reports.map { row($0, window: window, gaps: &gaps) }
        return PersonRow(
            handle: person.handle.rawValue, name: person.name, mark: touched ? "●" : "○",
            markLabel: touched ? "coached, coaching touched from above" : "not coached and touched from above",
            facts: facts.joined(separator: " · "), reports: reports, hasReports: !reports.isEmpty)
    }
}
