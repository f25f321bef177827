import GRDB
import ImprovementKata
import KataSQLite
import KataStore

/// A learner in a pairing in force at the end of a period, with how long they have gone without
/// a cycle from that pairing's coach.
public struct UncoachedLearner: Sendable, Equatable, Codable {
    public var learner: String
    public var name: String
    public var coach: String
    /// The latest cycle of this coach with this learner on or before the end of the period.
    public var lastCycle: Day?
    /// Calendar days from the last cycle to the end of the period; nil when never coached.
    public var daysSinceLastCycle: Int?

    public init(learner: String, name: String, coach: String, lastCycle: Day?, daysSinceLastCycle: Int?) {
        self.learner = learner
        self.name = name
        self.coach = coach
        self.lastCycle = lastCycle
        self.daysSinceLastCycle = daysSinceLastCycle
    }
}

extension SQLiteStore {
    /// The learners left without coaching longest at the end of `period`: those in pairings in
    /// force on its last day whose coach the filter admits, never coached first, then the longest
    /// since their last cycle with that coach; at most `limit`.
    public func learnersLeftLongest(in period: Period, filter: PracticeFilter = PracticeFilter(), limit: Int = 10)
        throws -> [UncoachedLearner]
    {
        let learners = try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT pr.learner, l.name, pr.coach,
                        (SELECT max(date) FROM cycle WHERE cycle.learner = pr.learner AND cycle.coach = pr.coach
                            AND cycle.date <= :to) AS lastCycle
                    FROM pairing pr JOIN person l ON l.handle = pr.learner JOIN person p ON p.handle = pr.coach
                    WHERE pr.since <= :to AND (pr.until IS NULL OR pr.until >= :to) AND \(PracticeQuery.condition(filter, scope: practiceScope))
                    """,
                arguments: [
                    "from": period.from, "to": period.to, "coach": filter.coach, "unit": filter.unit,
                    "secondCoach": filter.secondCoach, "caller": practiceScope,
                ])
            var result: [UncoachedLearner] = []
            while let row = try rows.next() {
                let last: Day? = row["lastCycle"]
                result.append(
                    UncoachedLearner(
                        learner: row["learner"], name: row["name"], coach: row["coach"], lastCycle: last,
                        daysSinceLastCycle: last.map { $0.days(to: period.to) }))
            }
            return result
        }
        let ordered = learners.sorted { lhs, rhs in
            let left = lhs.daysSinceLastCycle ?? Int.max
            let right = rhs.daysSinceLastCycle ?? Int.max
            if left != right { return left > right }
            return (lhs.learner, lhs.coach) < (rhs.learner, rhs.coach)
        }
        return Array(ordered.prefix(limit))
    }
}
