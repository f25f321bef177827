import Foundation
import GRDB
import ImprovementKata
import KataStore

/// Escalations in the SQLite file (DESIGN §11.1): the rules in `Escalation`, and the same again in
/// the schema (migration 0004).
extension SQLiteStore: EscalationService {
    public func escalate(_ escalation: Escalation, today: Day? = nil) throws -> Escalation {
        try write { db in
            try escalation.toldOn.requireHappened(by: SQLiteStore.today(today, at: Date(), db), record: "an escalation")
            try requireVisible(.obstacle, escalation.obstacle, db)
            let obstacle = try SQLiteStore.fetchObstacle(escalation.obstacle, db)
            let target = try SQLiteStore.fetchTarget(obstacle.target, db)
            try requireCoach(of: target.learner, db)
            try escalation.requireEscalable(obstacle)
            try SQLiteStore.requirePerson(escalation.to, as: "decider (--to)", db)
            if let live = try String.fetchOne(
                db, sql: "SELECT id FROM escalation WHERE obstacle = ? AND status IN ('open', 'accepted', 'deferred')",
                arguments: [obstacle.id.text])
            {
                throw KataError.ruleBroken(
                    "obstacle \(obstacle.id.short) is escalated already (\(live.prefix(8))); one escalation of an "
                        + "obstacle is open at a time.")
            }
            var stored = escalation
            stored.affectedUnit = try String.fetchOne(
                db, sql: "SELECT unit FROM person WHERE handle = ?", arguments: [target.learner])
            try stored.insert(db)
            return stored
        }
    }

    public func recordEscalationEvent(_ id: UUID, _ event: EscalationEvent, today: Day? = nil) throws -> Escalation {
        try write { db in
            try event.date.requireHappened(
                by: SQLiteStore.today(today, at: Date(), db), record: "an escalation's event")
            var escalation = try fetchEscalation(id, db)
            try requireAnswerer(of: escalation, for: event.action, db)
            try escalation.append(event)
            try db.execute(
                sql: """
                    INSERT INTO escalation_event (escalation, position, date, action, reason, reviewBy, verifiedOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id.text, escalation.events.count - 1, event.date, event.action.rawValue, event.reason,
                    event.reviewBy, event.verifiedOn,
                ])
            try db.execute(
                sql: "UPDATE escalation SET status = ? WHERE id = ?", arguments: [escalation.status.rawValue, id.text])
            return escalation
        }
    }

    public func escalations(_ filter: EscalationFilter) throws -> [Escalation] {
        let (sql, arguments) = scoped(
            """
            SELECT * FROM escalation
            WHERE (?1 IS NULL OR decider = ?1) AND (?2 IS NULL OR causeUnit = ?2 OR affectedUnit = ?2)
                AND (NOT ?3 OR status IN ('open', 'accepted', 'deferred')) AND (?4 IS NULL OR obstacle = ?4) /*scope*/
            ORDER BY toldOn, id
            """, [filter.to, filter.unit, filter.liveOnly, filter.obstacle?.text]
        ) { AccessScope.escalation("escalation", $0) }
        return try read { db in
            let events = try SQLiteStore.escalationEvents(db)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try Escalation(row: row, events: events[row["id"] as String] ?? [])
            }
        }
    }

    /// Escalation `id` with its events, if the caller may see it.
    func fetchEscalation(_ id: UUID, _ db: Database) throws -> Escalation {
        try requireVisible(.escalation, id, db)
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM escalation WHERE id = ?", arguments: [id.text]) else {
            throw KataError.unknown(kind: "escalation", reference: id.text, hint: "See 'kata escalation list'.")
        }
        return try Escalation(row: row, events: SQLiteStore.escalationEvents(db, of: id)[id.text] ?? [])
    }

    /// Refuses an account that may not record `action`: a decision is the decider's (or an admin's);
    /// a resolution or re-opening also the learner's coach's.
    func requireAnswerer(of escalation: Escalation, for action: EscalationEvent.Action, _ db: Database) throws {
        guard let account, !account.roles.contains(.admin), account.handle != escalation.to else { return }
        guard !action.isAnswer else {
            throw KataError.forbidden("only \(escalation.to), who was asked, or an admin may decide this escalation.")
        }
        let obstacle = try SQLiteStore.fetchObstacle(escalation.obstacle, db)
        try requireCoach(of: SQLiteStore.fetchTarget(obstacle.target, db).learner, db)
    }

    static func escalationEvents(_ db: Database, of id: UUID? = nil) throws -> [String: [EscalationEvent]] {
        var events: [String: [EscalationEvent]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM escalation_event WHERE ?1 IS NULL OR escalation = ?1 ORDER BY escalation, position",
            arguments: [id?.text])
        {
            let action = try EscalationEvent.Action(rawValue: row["action"] as String).orUnusable("action")
            events[row["escalation"], default: []].append(
                try EscalationEvent(
                    date: row.requiredDay("date"), action: action, reason: row["reason"], reviewBy: row["reviewBy"],
                    verifiedOn: row["verifiedOn"]))
        }
        return events
    }
}

extension Escalation {
    init(row: Row, events: [EscalationEvent]) throws {
        let loss: WeeklyLoss? =
            if let amount = row["lossPerWeek"] as Double?, let unit = row["lossUnit"] as String? {
                try WeeklyLoss(amount: amount, unit: unit)
            } else { nil }
        try self.init(
            id: row.requiredUUID("id"), obstacle: row.requiredUUID("obstacle"), to: row.requiredHandle("decider"),
            causeUnit: row["causeUnit"], affectedUnit: row["affectedUnit"], loss: loss, basis: row["basis"],
            fix: row["fix"], fixCost: (row["fixCost"] as String?).flatMap(FixCost.init(rawValue:)),
            toldOn: row.requiredDay("toldOn"), toldHow: row["toldHow"], events: events)
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO escalation (id, obstacle, decider, causeUnit, affectedUnit, lossPerWeek, lossUnit, basis,
                    fix, fixCost, toldOn, toldHow, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.text, obstacle.text, to, causeUnit, affectedUnit, loss?.amount, loss?.unit, basis, fix,
                fixCost?.rawValue, toldOn, toldHow, status.rawValue,
            ])
        for (position, event) in events.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO escalation_event (escalation, position, date, action, reason, reviewBy, verifiedOn)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id.text, position, event.date, event.action.rawValue, event.reason, event.reviewBy,
                    event.verifiedOn,
                ])
        }
    }
}

extension Optional {
    /// The value, or an unusable-database error naming `column`.
    fileprivate func orUnusable(_ column: String) throws -> Wrapped {
        guard let self else {
            throw KataError.unusableDatabase("the database holds an invalid value in \(column); run 'kata check'.")
        }
        return self
    }
}
