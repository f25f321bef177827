import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// Escalations on PostgreSQL (DESIGN §11.1): the rules of the SQLite store, the same errors, and
/// the same again in the schema (migration 0002).
extension PostgresStore: EscalationService {
    public func escalate(_ escalation: Escalation, today: Day?) async throws -> Escalation {
        try await write { connection in
            let logger = pool.logger
            let day = try await PostgresStore.today(today, at: Date(), connection, logger)
            try escalation.toldOn.requireHappened(by: day, record: "an escalation")
            try await requireVisible(.obstacle, escalation.obstacle, connection)
            let obstacle = try await PostgresStore.fetchObstacle(
                escalation.obstacle, forUpdate: true, connection, logger)
            let target = try await PostgresStore.fetchTarget(obstacle.target, connection, logger)
            try await requireCoach(of: target.learner, connection)
            try escalation.requireEscalable(obstacle)
            try await PostgresStore.requirePerson(escalation.to, as: "decider (--to)", connection, logger)
            if let live = try await connection.rows(
                """
                SELECT id FROM escalation WHERE obstacle = \(obstacle.id) AND status IN ('open', 'accepted', 'deferred')
                """, logger
            ).first?.decode(UUID.self) {
                throw KataError.ruleBroken(
                    "obstacle \(obstacle.id.uuidString.lowercased().prefix(8)) is escalated already "
                        + "(\(live.uuidString.lowercased().prefix(8))); one escalation of an obstacle is open at a time."
                )
            }
            var stored = escalation
            stored.affectedUnit = try await connection.rows(
                "SELECT unit FROM person WHERE handle = \(target.learner.rawValue)", logger
            ).first?.decode(String?.self)
            try await stored.insert(connection, logger)
            return stored
        }
    }

    public func recordEscalationEvent(_ id: UUID, _ event: EscalationEvent, today: Day?) async throws -> Escalation {
        try await write { connection in
            let logger = pool.logger
            let day = try await PostgresStore.today(today, at: Date(), connection, logger)
            try event.date.requireHappened(by: day, record: "an escalation's event")
            try await requireVisible(.escalation, id, connection)
            var escalation = try await PostgresStore.fetchEscalation(id, connection, logger)
            try await requireAnswerer(of: escalation, for: event.action, connection)
            try escalation.append(event)
            try await event.insert(of: id, at: escalation.events.count - 1, connection, logger)
            try await connection.query(
                "UPDATE escalation SET status = \(escalation.status.rawValue) WHERE id = \(id)", logger: logger)
            return escalation
        }
    }

    public func escalations(_ filter: EscalationFilter) async throws -> [Escalation] {
        let scope = readScope.map { _ in "AND " + AccessScope.escalation("escalation", "$5") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Escalation.columns) FROM escalation
                WHERE ($1::text IS NULL OR decider = $1) AND ($2::text IS NULL OR cause_unit = $2 OR affected_unit = $2)
                    AND (NOT $3 OR status IN ('open', 'accepted', 'deferred')) AND ($4::uuid IS NULL OR obstacle = $4)
                    \(scope)
                ORDER BY told_on, id
                """)
        query.binds.append(filter.to?.rawValue)
        query.binds.append(filter.unit)
        query.binds.append(filter.liveOnly)
        query.binds.append(filter.obstacle)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            let rows = try await connection.rows(finished, pool.logger)
            let events = try await PostgresStore.escalationEvents(nil, connection, pool.logger)
            return try rows.map { row in
                var escalation = try Escalation(row: row, events: [])
                for event in events[escalation.id] ?? [] { try escalation.append(event) }
                return escalation
            }
        }
    }

    /// Every escalation with its events, by id (the order of an export).
    static func allEscalations(_ connection: PostgresConnection, _ logger: Logger) async throws -> [Escalation] {
        let rows = try await connection.rows(
            PostgresQuery(unsafeSQL: "SELECT \(Escalation.columns) FROM escalation ORDER BY id"), logger)
        let events = try await escalationEvents(nil, connection, logger)
        return try rows.map { row in
            var escalation = try Escalation(row: row, events: [])
            for event in events[escalation.id] ?? [] { try escalation.append(event) }
            return escalation
        }
    }

    /// Escalation `id` with its events, locked until the transaction ends.
    static func fetchEscalation(_ id: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Escalation
    {
        guard
            let row = try await connection.rows(
                "SELECT \(unescaped: Escalation.columns) FROM escalation WHERE id = \(id) FOR UPDATE", logger
            ).first
        else {
            throw KataError.unknown(
                kind: "escalation", reference: id.uuidString.lowercased(), hint: "See 'kata escalation list'.")
        }
        let events = try await escalationEvents(id, connection, logger)
        return try Escalation(row: row, events: events[id] ?? [])
    }

    /// Refuses an account that may not record `action`: a decision is the decider's (or an admin's);
    /// a resolution or re-opening also the learner's coach's.
    func requireAnswerer(
        of escalation: Escalation, for action: EscalationEvent.Action, _ connection: PostgresConnection
    )
        async throws
    {
        guard let account, !account.roles.contains(.admin), account.handle != escalation.to else { return }
        guard !action.isAnswer else {
            throw KataError.forbidden("only \(escalation.to), who was asked, or an admin may decide this escalation.")
        }
        let obstacle = try await PostgresStore.fetchObstacle(escalation.obstacle, connection, pool.logger)
        try await requireCoach(
            of: PostgresStore.fetchTarget(obstacle.target, connection, pool.logger).learner, connection)
    }

    static func escalationEvents(_ id: UUID?, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> [UUID: [EscalationEvent]]
    {
        var events: [UUID: [EscalationEvent]] = [:]
        let rows = try await connection.rows(
            """
            SELECT escalation, date::text, action, reason, review_by::text, verified_on::text FROM escalation_event
            WHERE \(id)::uuid IS NULL OR escalation = \(id) ORDER BY escalation, position
            """, logger)
        for row in rows {
            let (escalation, date, action, reason, reviewBy, verifiedOn) = try row.decode(
                (UUID, String, String, String?, String?, String?).self)
            guard let action = EscalationEvent.Action(rawValue: action) else {
                throw KataError.unusableDatabase("the database holds an unknown escalation action; run 'kata check'.")
            }
            events[escalation, default: []].append(
                try EscalationEvent(
                    date: Column.day(date, "date"), action: action, reason: reason,
                    reviewBy: Column.day(reviewBy, "review_by"), verifiedOn: Column.day(verifiedOn, "verified_on")))
        }
        return events
    }
}

extension Escalation {
    /// The columns `init(row:)` reads, in its order.
    static let columns = """
        id, obstacle, decider, cause_unit, affected_unit, loss_per_week, loss_unit, basis, fix, fix_cost, \
        told_on::text, told_how
        """

    init(row: PostgresRow, events: [EscalationEvent]) throws {
        let columns = try row.decode(
            (
                UUID, UUID, String, String?, String?, Double?, String?, String?, String?, String?, String, String?
            ).self)
        let loss: WeeklyLoss? =
            if let amount = columns.5, let unit = columns.6 { try WeeklyLoss(amount: amount, unit: unit) } else { nil }
        try self.init(
            id: columns.0, obstacle: columns.1, to: Column.handle(columns.2, "decider"), causeUnit: columns.3,
            affectedUnit: columns.4, loss: loss, basis: columns.7, fix: columns.8,
            fixCost: columns.9.flatMap(FixCost.init(rawValue:)), toldOn: Column.day(columns.10, "told_on"),
            toldHow: columns.11, events: events)
    }

    func insert(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO escalation (id, obstacle, decider, cause_unit, affected_unit, loss_per_week, loss_unit, basis,
                fix, fix_cost, told_on, told_how, status)
            VALUES (\(id), \(obstacle), \(to.rawValue), \(causeUnit), \(affectedUnit), \(loss?.amount), \(loss?.unit),
                \(basis), \(fix), \(fixCost?.rawValue), \(toldOn.description)::date, \(toldHow), \(status.rawValue))
            """, logger: logger)
        for (position, event) in events.enumerated() {
            try await event.insert(of: id, at: position, connection, logger)
        }
    }
}

extension EscalationEvent {
    func insert(of escalation: UUID, at position: Int, _ connection: PostgresConnection, _ logger: Logger) async throws
    {
        try await connection.query(
            """
            INSERT INTO escalation_event (escalation, position, date, action, reason, review_by, verified_on)
            VALUES (\(escalation), \(position), \(date.description)::date, \(action.rawValue), \(reason),
                \(reviewBy?.description)::date, \(verifiedOn?.description)::date)
            """, logger: logger)
    }
}
