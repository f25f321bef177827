import Foundation
import GRDB
import ImprovementKata

/// A learner their coach should go and see: a go-see date has come, or they have not been
/// coached for more than a workday.
public struct DueLearner: Sendable, Equatable {
    public var coach: Handle
    public var learner: Person
    /// The open step whose go-see date is on or before the day, if any.
    public var goSee: Experiment?
    /// The date of the last cycle with this coach, nil if never.
    public var lastCycle: Day?
    /// Workdays since the last cycle up to the day (nil when never coached).
    public var workdaysSinceLastCycle: Int?

    /// Why the learner is due, in words.
    public var reasons: [String] {
        var result: [String] = []
        if let goSee, let date = goSee.goSee {
            result.append("go and see: '\(goSee.step)' (due \(date))")
        }
        if let lastCycle, let gap = workdaysSinceLastCycle, gap > 1 {
            result.append("not coached for \(gap) workdays (last \(lastCycle))")
        } else if lastCycle == nil {
            result.append("never coached")
        }
        return result
    }
}

extension SQLiteStore {
    /// The learners to see on `day`: in a pairing active that day with `coach` (or any coach),
    /// with a go-see date due or overdue, or not coached for more than a workday.
    public func due(coach: Handle?, on day: Day) throws -> [DueLearner] {
        try read { db in
            let calendar = try SQLiteStore.settings(db).calendar
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT pairing.coach, person.*,
                        (SELECT max(date) FROM cycle WHERE cycle.coach = pairing.coach
                            AND cycle.learner = pairing.learner AND cycle.date <= ?2) AS lastCycle
                    FROM pairing JOIN person ON person.handle = pairing.learner
                    WHERE (?1 IS NULL OR pairing.coach = ?1) AND pairing.since <= ?2
                        AND (pairing.until IS NULL OR pairing.until >= ?2)
                    ORDER BY pairing.coach, pairing.learner
                    """,
                arguments: [coach, day])
            // Every open step whose go-see date has come, earliest first per learner: one query for all.
            var goSees: [Handle: Experiment] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT target.learner AS learner, experiment.* FROM experiment
                    JOIN target ON target.id = experiment.target
                    WHERE target.status = 'active' AND experiment.closedOn IS NULL AND experiment.goSee <= ?
                    ORDER BY experiment.goSee
                    """,
                arguments: [day])
            {
                let learner = try row.requiredHandle("learner")
                if goSees[learner] == nil { goSees[learner] = try Experiment(row: row) }
            }
            var result: [DueLearner] = []
            for row in rows {
                let learner = try Person(row: row)
                let last: Day? = row["lastCycle"]
                let goSee = goSees[learner.handle]
                // Coached on the day itself: nothing is due.
                if last == day { continue }
                let gap = last.map { calendar.workdays(after: $0, through: day) }
                let overdue = last == nil || (gap ?? 0) > 1
                guard goSee != nil || overdue else { continue }
                result.append(
                    DueLearner(
                        coach: try row.requiredHandle("coach"), learner: learner, goSee: goSee, lastCycle: last,
                        workdaysSinceLastCycle: gap))
            }
            return result
        }
    }
}
