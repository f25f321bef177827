import Foundation
import GRDB
import ImprovementKata
import KataStore

/// The SQLite file's review packet queries (DESIGN §7): only about the coach asked for, one
/// snapshot for a batch of coaches; `CoachTheCoaches` decides what a packet shows of it.
extension SQLiteStore {
    public func reviewSubject(_ handle: Handle) throws -> ReviewSubject {
        let person = try requiredPerson(handle, as: "coach")
        let coached = try read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ?1) OR EXISTS (SELECT 1 FROM cycle WHERE coach = ?1)
                    """,
                arguments: [handle]) ?? false
        }
        return ReviewSubject(person: person, hasCoached: coached)
    }

    public func coachActivity(_ coach: Handle, in period: Period) throws -> CoachActivity {
        try read { db in
            CoachActivity(
                lastCycle: try Day.fetchOne(
                    db, sql: "SELECT max(date) FROM cycle WHERE coach = ? AND date <= ?",
                    arguments: [coach, period.to]),
                observations: try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM observation WHERE coach = ? AND date BETWEEN ? AND ?",
                    arguments: [coach, period.from, period.to]) ?? 0)
        }
    }

    public func reviewFacts(coaches: [Handle], in period: Period, dailyCyclesOf: Set<Handle>) throws
        -> [ReviewFacts]
    {
        try read { db in
            let ownTargets = try ownTargetRows(of: coaches.map(\.rawValue), period, db)
            return try coaches.map { coach in
                try reviewFacts(
                    of: coach, period, ownTargets: ownTargets[coach.rawValue] ?? [],
                    dailyCycles: dailyCyclesOf.contains(coach), db)
            }
        }
    }

    /// The target conditions active on some day of the period of every learner in `handles`, by
    /// learner, oldest first.
    ///
    /// One pass over the target table for the whole batch: target conditions are not indexed by
    /// learner alone, so a query per coach would read the table once per coach (about 20 ms each
    /// on a database of 2,000 coaches).
    private func ownTargetRows(of handles: [String], _ period: Period, _ db: Database) throws -> [String: [Row]] {
        let list = String(decoding: try JSONEncoder().encode(handles), as: UTF8.self)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM target
                WHERE createdOn <= ? AND (closedOn IS NULL OR closedOn >= ?)
                    AND learner IN (SELECT value FROM json_each(?))
                ORDER BY learner, createdOn, focusProcess, id
                """,
            arguments: [period.to, period.from, list])
        return Dictionary(grouping: rows) { $0["learner"] as String }
    }

    private func reviewFacts(
        of coach: Handle, _ period: Period, ownTargets: [Row], dailyCycles: Bool, _ db: Database
    ) throws -> ReviewFacts {
        guard
            let person = try Row.fetchOne(db, sql: "SELECT name, unit FROM person WHERE handle = ?", arguments: [coach])
        else {
            throw KataError.unknown(kind: "coach", reference: coach.rawValue, hint: "See 'kata person list'.")
        }
        let learners = try Row.fetchAll(
            db,
            sql: """
                SELECT c.learner AS handle, p.name, count(*) AS cycles, max(c.date) AS lastCycle
                FROM cycle c JOIN person p ON p.handle = c.learner
                WHERE c.coach = ? AND c.date BETWEEN ? AND ?
                GROUP BY c.learner ORDER BY c.learner
                """,
            arguments: [coach, period.from, period.to]
        ).map(SQLiteStore.partner)
        let targets = try Row.fetchAll(
            db,
            sql: """
                SELECT t.learner, p.name, t.focusProcess, t.condition, t.achieveBy, t.status, t.createdOn, t.closedOn,
                    t.reflection, count(*) AS cycles
                FROM cycle c JOIN target t ON t.id = c.target JOIN person p ON p.handle = t.learner
                WHERE c.coach = ? AND c.date BETWEEN ? AND ?
                GROUP BY t.id ORDER BY t.learner, t.createdOn, t.focusProcess, t.id
                """,
            arguments: [coach, period.from, period.to]
        ).map { row in try SQLiteStore.target(row, learnerName: row["name"], cycles: row["cycles"]) }
        let observations = try Row.fetchAll(
            db,
            sql: """
                SELECT o.date, o.secondCoach, p.name, o.focus, o."trigger", o.notes
                FROM observation o JOIN person p ON p.handle = o.secondCoach
                WHERE o.coach = ? AND o.date BETWEEN ? AND ?
                ORDER BY o.date, o.rowid
                """,
            arguments: [coach, period.from, period.to]
        ).map { row in
            ObservationFacts(
                date: try storedDay(row, "date"), secondCoach: row["secondCoach"], secondCoachName: row["name"],
                focus: row["focus"], trigger: row["trigger"], notes: row["notes"])
        }
        let ownCoaches = try Row.fetchAll(
            db,
            sql: """
                SELECT c.coach AS handle, p.name, count(*) AS cycles, max(c.date) AS lastCycle
                FROM cycle c JOIN person p ON p.handle = c.coach
                WHERE c.learner = ? AND c.date BETWEEN ? AND ?
                GROUP BY c.coach ORDER BY c.coach
                """,
            arguments: [coach, period.from, period.to]
        ).map(SQLiteStore.partner)
        let days =
            try Int.fetchOne(
                db, sql: "SELECT count(DISTINCT date) FROM cycle WHERE learner = ? AND date BETWEEN ? AND ?",
                arguments: [coach, period.from, period.to]) ?? 0
        let cyclesByTarget = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db,
                sql: """
                    SELECT target, count(*) AS cycles FROM cycle
                    WHERE learner = ? AND date BETWEEN ? AND ? AND target IS NOT NULL GROUP BY target
                    """,
                arguments: [coach, period.from, period.to]
            ).map { ($0["target"] as String, $0["cycles"] as Int) })
        let own = try ownTargets.map { row in
            try SQLiteStore.target(
                row, learnerName: person["name"], cycles: cyclesByTarget[row["id"], default: 0])
        }
        var daily: [Day: Int] = [:]
        if dailyCycles {
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT date, count(*) AS cycles FROM cycle WHERE coach = ? AND date BETWEEN ? AND ? GROUP BY date",
                arguments: [coach, period.from, period.to])
            for row in rows { daily[try storedDay(row, "date")] = row["cycles"] }
        }
        return ReviewFacts(
            coach: coach, name: person["name"], unit: person["unit"], learners: learners, coachedTargets: targets,
            observations: observations, ownCoaches: ownCoaches, ownCoachedDays: days, ownTargets: own,
            dailyCycles: daily)
    }

    private static func partner(_ row: Row) throws -> CoachingPartnerFacts {
        CoachingPartnerFacts(
            handle: row["handle"], name: row["name"], cycles: row["cycles"], lastCycle: try storedDay(row, "lastCycle"))
    }

    private static func target(_ row: Row, learnerName: String, cycles: Int) throws -> TargetFacts {
        TargetFacts(
            learner: row["learner"], learnerName: learnerName, focusProcess: row["focusProcess"],
            condition: row["condition"], achieveBy: try storedDay(row, "achieveBy"), status: row["status"],
            createdOn: try storedDay(row, "createdOn"), closedOn: row["closedOn"], reflection: row["reflection"],
            cycles: cycles)
    }
}

/// The date in `column`, refused when the database holds something else there.
private func storedDay(_ row: Row, _ column: String) throws -> Day {
    guard let day = row[column] as Day? else {
        throw KataError.unusableDatabase("the database holds an invalid date in \(column); run 'kata check'.")
    }
    return day
}
