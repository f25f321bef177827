import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Starts a coaching relationship; refuses unknown people and a second pairing of the same
    /// coach and learner in the same time.
    public func addPairing(_ pairing: Pairing) async throws {
        try requireAdmin("pair people")
        try await write { connection in
            let logger = pool.logger
            try await PostgresStore.requirePerson(pairing.coach, as: "coach", connection, logger)
            try await PostgresStore.requirePerson(pairing.learner, as: "learner", connection, logger)
            if let second = pairing.secondCoach {
                try await PostgresStore.requirePerson(second, as: "2nd coach", connection, logger)
            }
            let overlapping =
                try await connection.rows(
                    """
                    SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = \(pairing.coach.rawValue)
                        AND learner = \(pairing.learner.rawValue)
                        AND (until IS NULL OR until >= \(pairing.since.description)::date)
                        AND since <= coalesce(\(pairing.until?.description)::date, 'infinity'::date))
                    """, logger
                ).first?.decode(Bool.self) ?? false
            if overlapping {
                throw KataError.ruleBroken(
                    "\(pairing.coach) already coaches \(pairing.learner) in that time; see 'kata pair list --coach \(pairing.coach)'."
                )
            }
            try await connection.query(
                """
                INSERT INTO pairing (id, coach, learner, second_coach, since, until)
                VALUES (\(pairing.id), \(pairing.coach.rawValue), \(pairing.learner.rawValue),
                    \(pairing.secondCoach?.rawValue), \(pairing.since.description)::date, \(pairing.until?.description)::date)
                """, logger: logger)
        }
    }

    /// Ends the open pairing of `coach` and `learner` on `day` (the last day, inclusive).
    @discardableResult
    public func endPairing(coach: Handle, learner: Handle, on day: Day) async throws -> Pairing {
        try requireAdmin("end pairings")
        return try await write { connection in
            let logger = pool.logger
            guard
                let row = try await connection.rows(
                    """
                    SELECT \(unescaped: Pairing.columns) FROM pairing
                    WHERE coach = \(coach.rawValue) AND learner = \(learner.rawValue) AND until IS NULL
                    FOR UPDATE
                    """, logger
                ).first
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
            try await connection.query(
                "UPDATE pairing SET until = \(day.description)::date WHERE id = \(pairing.id)", logger: logger)
            return pairing
        }
    }

    /// Pairings, optionally only those of one coach, learner or 2nd coach, or in force on a day;
    /// an account sees only those DESIGN §10.3 shows it.
    public func pairings(coach: Handle?, learner: Handle?, secondCoach: Handle?, activeOn: Day?) async throws
        -> [Pairing]
    {
        let scope = readScope.map { _ in "AND " + AccessScope.pairing("pairing", "$5") } ?? ""
        var query: PostgresQuery = """
            SELECT \(unescaped: Pairing.columns) FROM pairing
            WHERE ($1::text IS NULL OR coach = $1) AND ($2::text IS NULL OR learner = $2)
                AND ($3::text IS NULL OR second_coach = $3)
                AND ($4::date IS NULL OR (since <= $4::date AND (until IS NULL OR until >= $4::date))) \(unescaped: scope)
            ORDER BY coach, learner, since
            """
        var bindings = PostgresBindings()
        bindings.append(coach?.rawValue)
        bindings.append(learner?.rawValue)
        bindings.append(secondCoach?.rawValue)
        bindings.append(activeOn?.description)
        if let me = readScope { bindings.append(me.rawValue) }
        query.binds = bindings
        let finished = query
        return try await read { connection in
            try await connection.rows(finished, pool.logger).map(Pairing.init(row:))
        }
    }
}
