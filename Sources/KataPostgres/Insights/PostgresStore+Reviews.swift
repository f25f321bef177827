import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// The database's review packet queries (DESIGN §7), as the SQLite store has them: only about the
/// coach asked for, one snapshot for a batch of coaches; `CoachTheCoaches` decides what a packet
/// shows of it.
extension PostgresStore {
    public func reviewSubject(_ handle: Handle) async throws -> ReviewSubject {
        try await read { connection in
            let logger = pool.logger
            guard let person = try await PostgresStore.fetchPerson(handle, connection, logger) else {
                throw try await PostgresStore.unknownPerson(handle, as: "coach", connection, logger)
            }
            let coached =
                try await connection.rows(
                    """
                    SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = \(handle.rawValue))
                        OR EXISTS (SELECT 1 FROM cycle WHERE coach = \(handle.rawValue))
                    """, logger
                ).first?.decode(Bool.self) ?? false
            return ReviewSubject(person: person, hasCoached: coached)
        }
    }

    public func coachActivity(_ coach: Handle, in period: Period) async throws -> CoachActivity {
        try await read { connection in
            let (from, to) = (period.from.description, period.to.description)
            let row = try await connection.rows(
                """
                SELECT (SELECT max(date)::text FROM cycle WHERE coach = \(coach.rawValue) AND date <= \(to)::date),
                    (SELECT count(*) FROM observation WHERE coach = \(coach.rawValue)
                        AND date BETWEEN \(from)::date AND \(to)::date)
                """, pool.logger
            ).first
            let (lastCycle, observations) = try row?.decode((String?, Int).self) ?? (nil, 0)
            return CoachActivity(lastCycle: try Column.day(lastCycle, "cycle.date"), observations: observations)
        }
    }

    public func reviewFacts(coaches: [Handle], in period: Period, dailyCyclesOf: Set<Handle>) async throws
        -> [ReviewFacts]
    {
        try await read { connection in
            let ownTargets = try await PostgresStore.ownTargets(of: coaches, period, connection, pool.logger)
            var facts: [ReviewFacts] = []
            for coach in coaches {
                facts.append(
                    try await PostgresStore.reviewFacts(
                        of: coach, period, ownTargets: ownTargets[coach.rawValue] ?? [],
                        dailyCycles: dailyCyclesOf.contains(coach), connection, pool.logger))
            }
            return facts
        }
    }

    /// The target conditions active on some day of the period of every learner in `handles`, by
    /// learner, oldest first, each with its id (for the cycles on it); `learnerName` and `cycles`
    /// are filled in per coach.
    private static func ownTargets(
        of handles: [Handle], _ period: Period, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> [String: [(id: UUID, facts: TargetFacts)]] {
        var result: [String: [(id: UUID, facts: TargetFacts)]] = [:]
        for row in try await connection.rows(
            """
            SELECT t.id, \(unescaped: targetColumns)
            FROM target t
            WHERE t.created_on <= \(period.to.description)::date
                AND (t.closed_on IS NULL OR t.closed_on >= \(period.from.description)::date)
                AND t.learner = ANY(\(handles.map(\.rawValue))::text[])
            ORDER BY t.learner, t.created_on, t.focus_process COLLATE "C", t.id
            """, logger)
        {
            let cells = row.makeRandomAccess()
            let target = try targetFacts(cells, from: 1, learnerName: "", cycles: 0)
            result[target.learner, default: []].append((try cells[0].decode(UUID.self), target))
        }
        return result
    }

    private static func reviewFacts(
        of coach: Handle, _ period: Period, ownTargets: [(id: UUID, facts: TargetFacts)], dailyCycles: Bool,
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> ReviewFacts {
        let (handle, from, to) = (coach.rawValue, period.from.description, period.to.description)
        guard
            let person = try await connection.rows(
                "SELECT name, unit FROM person WHERE handle = \(handle)", logger
            ).first?.decode((String, String?).self)
        else {
            throw KataError.unknown(kind: "coach", reference: handle, hint: "See 'kata person list'.")
        }
        let learners = try await partners(
            connection.rows(
                """
                SELECT c.learner, p.name, count(*), max(c.date)::text
                FROM cycle c JOIN person p ON p.handle = c.learner
                WHERE c.coach = \(handle) AND c.date BETWEEN \(from)::date AND \(to)::date
                GROUP BY c.learner, p.name ORDER BY c.learner
                """, logger))
        var coachedTargets: [TargetFacts] = []
        for row in try await connection.rows(
            """
            SELECT p.name, count(*), \(unescaped: targetColumns)
            FROM cycle c JOIN target t ON t.id = c.target JOIN person p ON p.handle = t.learner
            WHERE c.coach = \(handle) AND c.date BETWEEN \(from)::date AND \(to)::date
            GROUP BY t.id, p.name ORDER BY t.learner, t.created_on, t.focus_process COLLATE "C", t.id
            """, logger)
        {
            let (name, cycles) = try row.decode((String, Int).self)
            coachedTargets.append(
                try targetFacts(row.makeRandomAccess(), from: 2, learnerName: name, cycles: cycles))
        }
        var observations: [ObservationFacts] = []
        for row in try await connection.rows(
            """
            SELECT o.date::text, o.second_coach, p.name, o.focus, o."trigger", o.notes
            FROM observation o JOIN person p ON p.handle = o.second_coach
            WHERE o.coach = \(handle) AND o.date BETWEEN \(from)::date AND \(to)::date
            ORDER BY o.date, o.seq
            """, logger)
        {
            let (date, secondCoach, name, focus, trigger, notes) = try row.decode(
                (String, String, String, String?, String?, String?).self)
            observations.append(
                ObservationFacts(
                    date: try Column.day(date, "observation.date"), secondCoach: secondCoach, secondCoachName: name,
                    focus: focus, trigger: trigger, notes: notes))
        }
        let ownCoaches = try await partners(
            connection.rows(
                """
                SELECT c.coach, p.name, count(*), max(c.date)::text
                FROM cycle c JOIN person p ON p.handle = c.coach
                WHERE c.learner = \(handle) AND c.date BETWEEN \(from)::date AND \(to)::date
                GROUP BY c.coach, p.name ORDER BY c.coach
                """, logger))
        let days =
            try await connection.rows(
                """
                SELECT count(DISTINCT date) FROM cycle
                WHERE learner = \(handle) AND date BETWEEN \(from)::date AND \(to)::date
                """, logger
            ).first?.decode(Int.self) ?? 0
        var cyclesByTarget: [UUID: Int] = [:]
        for row in try await connection.rows(
            """
            SELECT target, count(*) FROM cycle
            WHERE learner = \(handle) AND date BETWEEN \(from)::date AND \(to)::date AND target IS NOT NULL
            GROUP BY target
            """, logger)
        {
            let (target, cycles) = try row.decode((UUID, Int).self)
            cyclesByTarget[target] = cycles
        }
        let own = ownTargets.map { target in
            var facts = target.facts
            facts.learnerName = person.0
            facts.cycles = cyclesByTarget[target.id, default: 0]
            return facts
        }
        var daily: [Day: Int] = [:]
        if dailyCycles {
            for row in try await connection.rows(
                """
                SELECT date::text, count(*) FROM cycle
                WHERE coach = \(handle) AND date BETWEEN \(from)::date AND \(to)::date GROUP BY date
                """, logger)
            {
                let (date, cycles) = try row.decode((String, Int).self)
                daily[try Column.day(date, "cycle.date")] = cycles
            }
        }
        return ReviewFacts(
            coach: coach, name: person.0, unit: person.1, learners: learners, coachedTargets: coachedTargets,
            observations: observations, ownCoaches: ownCoaches, ownCoachedDays: days, ownTargets: own,
            dailyCycles: daily)
    }

    /// The columns of the target aliased `t` that `targetFacts` reads.
    private static let targetColumns = """
        t.learner, t.focus_process, t.condition, t.achieve_by::text, t.status, t.created_on::text,
        t.closed_on::text, t.reflection
        """

    /// A target condition from the columns `targetColumns`, which begin at `start` in `row`.
    private static func targetFacts(_ row: PostgresRandomAccessRow, from start: Int, learnerName: String, cycles: Int)
        throws -> TargetFacts
    {
        func text(_ offset: Int) throws -> String? { try row[start + offset].decode(String?.self) }
        func day(_ offset: Int, _ column: String) throws -> Day? { try Column.day(text(offset), "target." + column) }
        guard let learner = try text(0), let achieveBy = try day(3, "achieve_by"), let status = try text(4),
            let createdOn = try day(5, "created_on")
        else {
            throw KataError.unusableDatabase(
                "the database holds a target condition without its dates; run 'kata check'.")
        }
        return TargetFacts(
            learner: learner, learnerName: learnerName, focusProcess: try text(1), condition: try text(2),
            achieveBy: achieveBy, status: status, createdOn: createdOn, closedOn: try day(6, "closed_on"),
            reflection: try text(7), cycles: cycles)
    }

    /// The learners or coaches of a coach's cycles: handle, name, cycles and the last one.
    private static func partners(_ rows: [PostgresRow]) throws -> [CoachingPartnerFacts] {
        try rows.map { row in
            let (handle, name, cycles, lastCycle) = try row.decode((String, String, Int, String).self)
            return CoachingPartnerFacts(
                handle: handle, name: name, cycles: cycles, lastCycle: try Column.day(lastCycle, "cycle.date"))
        }
    }
}
