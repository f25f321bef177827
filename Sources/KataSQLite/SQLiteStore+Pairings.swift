import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Starts a coaching relationship; refuses unknown people and a second open pairing of the
    /// same coach and learner.
    public func addPairing(_ pairing: Pairing) throws {
        try requireAdmin("pair people")
        try write { db in
            try SQLiteStore.requirePerson(pairing.coach, as: "coach", db)
            try SQLiteStore.requirePerson(pairing.learner, as: "learner", db)
            if let second = pairing.secondCoach { try SQLiteStore.requirePerson(second, as: "2nd coach", db) }
            let open =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ? AND learner = ?
                            AND (until IS NULL OR until >= ?) AND since <= coalesce(?, '9999-12-31'))
                        """,
                    arguments: [pairing.coach, pairing.learner, pairing.since, pairing.until]) ?? false
            if open {
                throw KataError.ruleBroken(
                    "\(pairing.coach) already coaches \(pairing.learner) in that time; see 'kata pair list --coach \(pairing.coach)'."
                )
            }
            try pairing.insert(db)
        }
    }

    /// Ends the open pairing(s) of `coach` and `learner` on `day` (the last day, inclusive).
    @discardableResult
    public func endPairing(coach: Handle, learner: Handle, on day: Day) throws -> Pairing {
        try requireAdmin("end pairings")
        return try write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM pairing WHERE coach = ? AND learner = ? AND until IS NULL",
                    arguments: [coach, learner])
            else {
                throw KataError.unknown(
                    kind: "open pairing", reference: "\(coach) → \(learner)",
                    hint: "See 'kata pair list --coach \(coach)'.")
            }
            var pairing = try Pairing(row: row)
            guard day >= pairing.since else {
                throw KataError.ruleBroken("the pairing started on \(pairing.since); it cannot end on \(day).")
            }
            pairing.until = day
            try db.execute(sql: "UPDATE pairing SET until = ? WHERE id = ?", arguments: [day, pairing.id.text])
            return pairing
        }
    }

    /// Pairings, optionally only those of one coach, learner or 2nd coach, or in force on a day.
    public func pairings(coach: Handle? = nil, learner: Handle? = nil, secondCoach: Handle? = nil, activeOn: Day? = nil)
        throws -> [Pairing]
    {
        let (sql, arguments) = scoped(
            """
            SELECT * FROM pairing WHERE (?1 IS NULL OR coach = ?1) AND (?2 IS NULL OR learner = ?2)
                AND (?3 IS NULL OR secondCoach = ?3)
                AND (?4 IS NULL OR (since <= ?4 AND (until IS NULL OR until >= ?4))) /*scope*/
            ORDER BY coach, learner, since
            """, [coach, learner, secondCoach, activeOn]
        ) { AccessScope.pairing("pairing", $0) }
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Pairing.init(row:)) }
    }
}
