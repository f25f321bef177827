import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// A leader's walk: its walker, learners and companion must be people; its date not after today.
    func applyWalk(_ record: WalkRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        guard !record.learners.isEmpty else {
            throw problem(origin, field: "learners", "a walk goes to at least one learner's storyboard.")
        }
        let walk = try checked(origin) { try record.value() }
        try refuseFuture(walk.date, field: "date", .walk, origin)
        let people: [(String, Handle?)] =
            [("walker", walk.walker)] + walk.learners.map { ("learners", $0) } + [("with", walk.with)]
        for (field, person) in people {
            if let person, try !personExists(person) {
                return try unresolved(Missing(field: field, noun: "person", value: person.rawValue), origin, replaying)
            }
        }
        let inserted = try insert(
            """
            INSERT INTO walk (id, walker, date, mode, companion, learned, followUp) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """,
            [
                walk.id.interchangeText, walk.walker.rawValue, walk.date.interchangeText, walk.mode?.rawValue,
                walk.with?.rawValue, walk.learned, walk.followUp,
            ], origin)
        if inserted {
            for (position, learner) in walk.learners.enumerated() {
                _ = try insert(
                    "INSERT INTO walk_learner (walk, learner, position) VALUES (?, ?, ?)",
                    [walk.id.interchangeText, learner.rawValue, position], origin)
            }
            return .added
        }
        let stored = try fetch({ try SQLiteStore.walk($0, db) }, "SELECT * FROM walk WHERE id = ?", walk.id, origin)
        return try settle(.walk, walk.id.interchangeText, stored == walk, origin)
    }

    /// A walker's own cadence: the walker must be a person; one plan per walker.
    func applyWalkPlan(_ record: WalkPlanRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        let plan: WalkPlan
        do {
            plan = try record.value()
        } catch let KataError.invalidValue(_, value, expected) {
            throw problem(origin, field: "every", "'\(value)' is not valid; expected \(expected).")
        }
        guard try personExists(plan.walker) else {
            return try unresolved(
                Missing(field: "walker", noun: "person", value: plan.walker.rawValue), origin, replaying)
        }
        let inserted = try insert(
            "INSERT INTO walk_plan (walker, every, since) VALUES (?, ?, ?) ON CONFLICT (walker) DO NOTHING",
            [plan.walker.rawValue, plan.every, plan.since?.interchangeText], origin)
        if inserted { return .added }
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM walk_plan WHERE walker = ?"), arguments: [plan.walker.rawValue])
        else { throw vanished(origin) }
        return try settle(.walkPlan, plan.walker.rawValue, try WalkPlan(row: row) == plan, origin)
    }
}
