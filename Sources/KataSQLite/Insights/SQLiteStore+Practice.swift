import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Refuses a filter naming a person or unit the database does not know: an empty report would
    /// hide the typo.
    ///
    /// A coach outside the caller's practice scope is unknown too, as if nobody had that handle.
    package func requireFilterExists(_ filter: PracticeFilter, _ db: Database) throws {
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
}
