import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Records a 2nd coach's observation of a coach coaching; refuses one dated after `today` (by
    /// default the day of `now`), unknown people, a cycle run by someone else, and a coach who has
    /// never coached.
    public func addObservation(_ observation: Observation, at now: Date, today: Day?) async throws {
        try await write { connection in
            let logger = pool.logger
            let day = try await PostgresStore.today(today, at: now, connection, logger)
            try observation.date.requireHappened(by: day, record: "an observation")
            try await PostgresStore.requirePerson(observation.coach, as: "coach", connection, logger)
            try await PostgresStore.requirePerson(observation.secondCoach, as: "2nd coach", connection, logger)
            try await requireObserver(of: observation, connection)
            if let cycle = observation.cycle {
                let short = cycle.uuidString.lowercased().prefix(8)
                guard
                    let coach = try await connection.rows("SELECT coach FROM cycle WHERE id = \(cycle)", logger).first?
                        .decode(String.self)
                else {
                    throw KataError.unknown(
                        kind: "coaching cycle", reference: cycle.uuidString.lowercased(), hint: "See 'kata cycle list'."
                    )
                }
                guard coach == observation.coach.rawValue else {
                    throw KataError.ruleBroken("cycle \(short) was run by \(coach), not \(observation.coach).")
                }
            }
            let coach = observation.coach.rawValue
            let coached =
                try await connection.rows(
                    """
                    SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = \(coach)) OR EXISTS (SELECT 1 FROM cycle WHERE coach = \(coach))
                    """, logger
                ).first?.decode(Bool.self) ?? false
            guard coached else {
                throw KataError.ruleBroken(
                    "\(observation.coach) has never coached (no pairing as coach, no cycle); a 2nd coach observes "
                        + "someone coaching. Pair them first: 'kata pair add --coach \(observation.coach) --learner …'."
                )
            }
            try await connection.query(
                """
                INSERT INTO observation (id, date, second_coach, coach, cycle, notes, focus, "trigger")
                VALUES (\(observation.id), \(observation.date.description)::date, \(observation.secondCoach.rawValue),
                    \(coach), \(observation.cycle), \(observation.notes), \(observation.focus), \(observation.trigger))
                """, logger: logger)
        }
    }

    /// Observations, newest first, optionally of one coach or by one 2nd coach; an account sees
    /// those DESIGN §10.3 shows it.
    public func observations(coach: Handle?, secondCoach: Handle?) async throws -> [Observation] {
        let scope = readScope.map { _ in "AND " + AccessScope.observation("observation", "$3") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Observation.columns) FROM observation
                WHERE ($1::text IS NULL OR coach = $1) AND ($2::text IS NULL OR second_coach = $2) \(scope)
                ORDER BY date DESC, seq DESC
                """)
        query.binds.append(coach?.rawValue)
        query.binds.append(secondCoach?.rawValue)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            try await connection.rows(finished, pool.logger).map(Observation.init(row:))
        }
    }

    /// Refuses an account that may not record `observation`: only lean staff, admins and the
    /// coach's 2nd coaches may, and a 2nd coach only as themself.
    func requireObserver(of observation: Observation, _ connection: PostgresConnection) async throws {
        guard let account, account.roles.isDisjoint(with: [.lean, .admin]) else { return }
        let secondCoaches =
            try await connection.rows(
                """
                SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = \(observation.coach.rawValue)
                    AND second_coach = \(account.handle.rawValue))
                """, pool.logger
            ).first?.decode(Bool.self) ?? false
        guard secondCoaches else {
            throw KataError.forbidden(
                "only lean staff, 2nd coaches of \(observation.coach) or an admin may record an observation of "
                    + "\(observation.coach).")
        }
        guard observation.secondCoach == account.handle else {
            throw KataError.forbidden(
                "you may record observations only as their 2nd coach yourself, not as \(observation.secondCoach).")
        }
    }
}
