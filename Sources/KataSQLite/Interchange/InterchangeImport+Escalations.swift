import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// Adds an escalation with its events, or finds it unchanged.
    ///
    /// The affected unit left out is the learner's unit now. An escalation of an obstacle overcome
    /// since is history, not an error.
    func applyEscalation(_ record: EscalationRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var escalation = try checked(origin) { try record.value() }
        try refuseFuture(escalation.toldOn, field: "toldOn", .escalation, origin)
        for event in escalation.events { try refuseFuture(event.date, field: "events", .escalation, origin) }
        guard let target = try obstacleTarget(escalation.obstacle) else {
            return try unresolved(
                Missing(field: "obstacle", noun: "obstacle", value: escalation.obstacle.interchangeText), origin,
                replaying)
        }
        guard try personExists(escalation.to) else {
            return try unresolved(
                Missing(field: "to", noun: "person", value: escalation.to.rawValue), origin, replaying)
        }
        if record.affectedUnit == nil, let learner = try targetLearner(target) {
            escalation.affectedUnit = try String.fetchOne(
                db.cachedStatement(sql: "SELECT unit FROM person WHERE handle = ?"), arguments: [learner])
        }
        let id = escalation.id
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM escalation WHERE id = ?"), arguments: [id.interchangeText])
        {
            let stored = try Escalation(row: row, events: SQLiteStore.escalationEvents(db, of: id)[id.text] ?? [])
            if record.affectedUnit == nil { escalation.affectedUnit = stored.affectedUnit }
            return try settle(.escalation, id.interchangeText, stored == escalation, origin)
        }
        if escalation.status.isLive,
            let other = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT id FROM escalation WHERE obstacle = ? AND status IN ('open', 'accepted', 'deferred')"),
                arguments: [escalation.obstacle.interchangeText])
        {
            throw problem(
                origin, field: "obstacle",
                "escalation \(other) of the same obstacle is still open; one escalation of an obstacle is open at a "
                    + "time. Give this one a resolved or declined event.")
        }
        try escalation.insert(db)
        return .added
    }
}
