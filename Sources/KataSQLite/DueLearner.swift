import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// The learners to see on `day`: in a pairing active that day with `coach` (or any coach),
    /// with a go-see date due or overdue, or not coached for more than a workday.
    public func due(coach: Handle?, on day: Day) throws -> [DueLearner] {
        // The due list of one's own learners: lean staff and admins see every coach's.
        let (sql, arguments) = scoped(
            """
            SELECT pairing.coach, person.*,
                (SELECT max(date) FROM cycle WHERE cycle.coach = pairing.coach
                    AND cycle.learner = pairing.learner AND cycle.date <= ?2) AS lastCycle
            FROM pairing JOIN person ON person.handle = pairing.learner
            WHERE (?1 IS NULL OR pairing.coach = ?1) AND pairing.since <= ?2
                AND (pairing.until IS NULL OR pairing.until >= ?2) /*scope*/
            ORDER BY pairing.coach, pairing.learner
            """, [coach, day]
        ) { "pairing.coach = \($0)" }
        return try read { db in
            let calendar = try SQLiteStore.settings(db).calendar
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
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
