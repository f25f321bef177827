import Foundation
import GRDB
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

@testable import KataSQLite

/// The practice queries read the period's cycles once, through the indexes made for them.
@Suite("The practice report's query plans")
struct PracticeQueryPlanTests {
    let store: SQLiteStore
    let fortnight = try! Period(from: day("2026-11-02"), to: day("2026-11-15"))

    init() throws {
        store = try Fixture().store
    }

    /// The query plan of every statement of a report with `filter`.
    private func plans(_ filter: PracticeFilter) throws -> [String] {
        let arguments = PracticeQuery.arguments(period: fortnight, filter: filter)
        return try store.read { db in
            try PracticeQuery.statements(filter: filter).map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { $0["detail"] as String }.joined(separator: "\n")
            }
        }
    }

    @Test("a report reads the period's cycles once, without sorting them into a temporary B-tree")
    func onePassOverCycles() throws {
        for filter in [PracticeFilter(), PracticeFilter(unit: "Assembly")] {
            let plans = try plans(filter)
            let passes = plans.filter { $0.contains("SEARCH c USING COVERING INDEX cycle_") && $0.contains("(coach=?") }
            #expect(passes.count == 1)
            #expect(!plans.contains { $0.contains("count(DISTINCT)") })
        }
    }

    @Test("the reads use the practice indexes instead of the cycle table")
    func queryPlans() throws {
        let plans = try plans(PracticeFilter(unit: "Assembly"))
        #expect(plans[1].contains("SEARCH c USING COVERING INDEX cycle_practice (coach=? AND date>? AND date<?)"))
        #expect(!plans[1].contains("TEMP B-TREE"))
        #expect(plans.contains { $0.contains("SCAN e USING INDEX experiment_without_prediction") })
        #expect(!plans.contains { $0.contains("SCAN c\n") || $0.contains("SCAN cycle") || $0.hasSuffix("SCAN c") })
    }
}
