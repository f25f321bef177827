import GRDB
import ImprovementKata
import KataStore

/// The SQLite file's practice queries: what the practice figures of DESIGN §6 are worked out from
/// (by `CoachTheCoaches`), with the caller's practice scope in the SQL.
extension SQLiteStore: InsightSource {
    /// The practice facts of every coach listed for `period`, from aggregate reads and one pass
    /// over the period's cycles; the cycles themselves are never loaded.
    ///
    /// A large report (pairings × days from `PracticeParallelRead.threshold`) is read on two
    /// connections at once.
    public func coachPractice(in period: Period, filter: PracticeFilter) throws -> [CoachPracticeFacts] {
        let pairings = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pairing") ?? 0 }
        let parallel =
            pairings * period.length >= PracticeParallelRead.threshold
            ? try PracticeParallelRead.inputs(store: self, period: period, filter: filter) : nil
        let inputs =
            try parallel
            ?? read { db in
                try requireFilterExists(filter, db)
                return try PracticeQuery.inputs(db, period: period, filter: filter, scope: practiceScope)
            }
        return inputs.map(\.facts)
    }

    /// Refuses a filter naming a person or unit the database does not know: an empty report would
    /// hide the typo.
    ///
    /// A coach outside the caller's practice scope is unknown too, as if nobody had that handle.
    func requireFilterExists(_ filter: PracticeFilter, _ db: Database) throws {
        for (handle, role) in [(filter.coach, "coach"), (filter.secondCoach, "2nd coach")] {
            guard let handle else { continue }
            let known = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE handle = ?)", arguments: [handle])
            if known != true {
                throw try SQLiteStore.unknownPerson(handle, as: role, db)
            }
        }
        if let coach = filter.coach, let scope = practiceScope {
            let visible = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM person p WHERE p.handle = :coach
                        AND \(SQLiteStore.practiceScopeSQL("p.handle")))
                    """, arguments: ["coach": coach, "caller": scope])
            if visible != true {
                let others = try Row.fetchAll(
                    db, sql: "SELECT handle, name FROM person WHERE handle <> ?", arguments: [coach]
                ).map { row in (handle: try Handle(validating: row["handle"]), name: row["name"] as String) }
                throw KataError.unknownPerson(coach, as: "coach", among: others)
            }
        }
        if let unit = filter.unit {
            let units = try String.fetchAll(
                db, sql: "SELECT DISTINCT unit FROM person WHERE unit IS NOT NULL ORDER BY unit")
            if !units.contains(unit) {
                let known =
                    units.isEmpty ? "nobody has a unit yet" : "units: " + units.prefix(12).joined(separator: ", ")
                throw KataError.unknown(kind: "unit", reference: unit, hint: "Known \(known).")
            }
        }
    }

    /// The 2nd coaches of each coach in pairings that overlap [from, to].
    public func secondCoaches(from: Day, to: Day) throws -> [String: [String]] {
        try read { db in
            var result: [String: [String]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT DISTINCT coach, secondCoach FROM pairing
                    WHERE secondCoach IS NOT NULL AND since <= ? AND (until IS NULL OR until >= ?)
                    ORDER BY coach, secondCoach
                    """,
                arguments: [to, from])
            while let row = try rows.next() {
                result[row[0], default: []].append(row[1])
            }
            return result
        }
    }

    /// The learners in pairings in force on the last day of `period` whose coach the filter and
    /// the caller's practice scope admit, with their last cycle with that coach.
    public func pairedLearners(endOf period: Period, filter: PracticeFilter) throws -> [PairedLearnerFacts] {
        try read { db in
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
            var result: [PairedLearnerFacts] = []
            while let row = try rows.next() {
                result.append(
                    PairedLearnerFacts(
                        learner: row["learner"], name: row["name"], coach: row["coach"], lastCycle: row["lastCycle"]))
            }
            return result
        }
    }
}
