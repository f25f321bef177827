import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// The database's practice queries: what the practice figures of DESIGN §6 are worked out from
/// (by `CoachTheCoaches`), with the caller's practice scope in the SQL, as the SQLite store has them.
///
/// PostgreSQL counts: per coach and day, and per coach (learners, minutes, planned steps), each
/// over the range of `cycle_practice` (coach, date) of the period, without touching the table.
extension PostgresStore: InsightSource {
    public func coachPractice(in period: Period, filter: PracticeFilter) async throws -> [CoachPracticeFacts] {
        try await read { connection in
            let logger = pool.logger
            try await requireFilterExists(filter, connection)
            var coaches = PracticeStatement(period: period, filter: filter, scope: readScope)
            let condition = coaches.condition()
            var facts: [CoachPracticeFacts] = []
            var position: [String: Int] = [:]
            for row in try await connection.rows(
                coaches.query(PostgresStore.coachesSQL(condition, coaches)), logger)
            {
                let (handle, name, unit, pairedSince, pairedUntil, firstCycle, lastCycle) = try row.decode(
                    (String, String, String?, String?, String?, String?, String?).self)
                position[handle] = facts.count
                facts.append(
                    CoachPracticeFacts(
                        coach: handle, name: name, unit: unit,
                        span: ActiveSpan.of(
                            pairedSince: try Column.day(pairedSince, "pairing.since"),
                            pairedUntil: try Column.day(pairedUntil, "pairing.until"),
                            firstCycle: try Column.day(firstCycle, "cycle.date")),
                        lastCycle: try Column.day(lastCycle, "cycle.date"),
                        dailyCycles: [Int](repeating: 0, count: period.length)))
            }
            guard !facts.isEmpty else { return [] }
            var cycles = PracticeStatement(period: period, filter: filter, scope: readScope)
            let cycleCondition = cycles.condition()
            for row in try await connection.rows(
                cycles.query(PostgresStore.dailyCyclesSQL(cycleCondition, cycles)), logger)
            {
                let (coach, offsets, counts) = try row.decode((String, [Int], [Int]).self)
                guard let index = position[coach] else { continue }
                for (offset, count) in zip(offsets, counts) where facts[index].dailyCycles.indices.contains(offset) {
                    facts[index].dailyCycles[offset] = count
                }
            }
            for row in try await connection.rows(
                cycles.query(PostgresStore.cycleCountsSQL(cycleCondition, cycles)), logger)
            {
                let (coach, learners, minutesTotal, minutesRecorded, over20, planned, withoutPrediction) =
                    try row.decode((String, Int, Int, Int, Int, Int, Int).self)
                guard let index = position[coach] else { continue }
                facts[index].learners = learners
                facts[index].minutesTotal = minutesTotal
                facts[index].minutesRecorded = minutesRecorded
                facts[index].cyclesOver20Minutes = over20
                facts[index].plannedSteps = planned
                facts[index].stepsWithoutPrediction = withoutPrediction
            }
            let observations = PracticeStatement(period: period)
            for row in try await connection.rows(
                observations.query(
                    """
                    SELECT coach, count(*) FROM observation WHERE date BETWEEN \(observations.from) AND \(observations.to)
                    GROUP BY coach
                    """), logger)
            {
                let (coach, count) = try row.decode((String, Int).self)
                if let index = position[coach] { facts[index].observations = count }
            }
            return facts
        }
    }

    /// Everyone who is coach in a pairing overlapping the period or logged a cycle in it, with
    /// what decides their active span, and their last cycle; sorted by handle (bytes, as SQLite).
    static func coachesSQL(_ condition: String, _ statement: PracticeStatement) -> String {
        let (from, to) = (statement.from, statement.to)
        return """
            SELECT p.handle, p.name, p.unit,
                (SELECT min(since)::text FROM pairing WHERE coach = p.handle),
                (SELECT CASE WHEN count(until) = count(*) THEN max(until)::text END FROM pairing WHERE coach = p.handle),
                (SELECT min(date)::text FROM cycle WHERE coach = p.handle),
                (SELECT max(date)::text FROM cycle WHERE coach = p.handle AND date <= \(to))
            FROM person p
            WHERE (EXISTS (SELECT 1 FROM pairing WHERE coach = p.handle AND since <= \(to)
                        AND (until IS NULL OR until >= \(from)))
                    OR EXISTS (SELECT 1 FROM cycle WHERE coach = p.handle AND date BETWEEN \(from) AND \(to)))
                AND \(condition)
            ORDER BY p.handle
            """
    }

    /// Cycles per coach and day of the period: one row per coach, with the days (as offsets from
    /// the first) and their counts as two arrays.
    ///
    /// A row per coach and day would be 400,000 rows for a year of 2,000 coaches, each a hand-over
    /// between the connection and the task reading it.
    static func dailyCyclesSQL(_ condition: String, _ statement: PracticeStatement) -> String {
        """
        SELECT coach, array_agg(day ORDER BY day), array_agg(cycles ORDER BY day)
        FROM (SELECT c.coach, (c.date - \(statement.from))::int8 AS day, count(*) AS cycles
            FROM person p JOIN cycle c ON c.coach = p.handle AND c.date BETWEEN \(statement.from) AND \(statement.to)
            WHERE \(condition)
            GROUP BY c.coach, c.date) AS daily
        GROUP BY coach
        """
    }

    /// Per coach: distinct learners, minutes, cycles over 20 minutes, planned steps and those
    /// without a prediction (through the partial index `experiment_without_prediction`).
    static func cycleCountsSQL(_ condition: String, _ statement: PracticeStatement) -> String {
        """
        SELECT c.coach, count(DISTINCT c.learner), coalesce(sum(c.minutes), 0), count(c.minutes),
            count(*) FILTER (WHERE c.minutes > 20), count(c.planned), count(e.id)
        FROM person p JOIN cycle c ON c.coach = p.handle AND c.date BETWEEN \(statement.from) AND \(statement.to)
            LEFT JOIN experiment e ON e.id = c.planned AND \(withoutPrediction("e"))
        WHERE \(condition)
        GROUP BY c.coach
        """
    }

    /// The condition of the partial index `experiment_without_prediction` (migration 0001), on
    /// the experiment aliased `alias`: written the same way so that PostgreSQL uses that index.
    static func withoutPrediction(_ alias: String) -> String {
        """
        btrim(coalesce(\(alias).expected, ''), \
        U&'\\0009\\000A\\000B\\000C\\000D\\0020\\0085\\00A0\\1680\\2000\\2001\\2002\\2003\\2004\\2005\\2006\\2007\\2008\\2009\\200A\\2028\\2029\\202F\\205F\\3000') = ''
        """
    }

    /// Refuses a filter naming a person or unit the database does not know: an empty report would
    /// hide the typo.
    ///
    /// A coach outside the caller's practice scope is unknown too, as if nobody had that handle.
    func requireFilterExists(_ filter: PracticeFilter, _ connection: PostgresConnection) async throws {
        let logger = pool.logger
        for (handle, role) in [(filter.coach, "coach"), (filter.secondCoach, "2nd coach")] {
            guard let handle else { continue }
            if try await PostgresStore.fetchPerson(handle, connection, logger) == nil {
                throw try await PostgresStore.unknownPerson(handle, as: role, connection, logger)
            }
        }
        if let coach = filter.coach, let scope = readScope {
            var query = PostgresQuery(
                unsafeSQL: """
                    SELECT EXISTS (SELECT 1 FROM person p WHERE p.handle = $1
                        AND \(AccessScope.practiceCoach("p.handle", "$2")))
                    """)
            query.binds.append(coach.rawValue)
            query.binds.append(scope.rawValue)
            let visible = try await connection.rows(query, logger).first?.decode(Bool.self)
            if visible != true {
                var others: [(handle: Handle, name: String)] = []
                for row in try await connection.rows(
                    "SELECT handle, name FROM person WHERE handle <> \(coach.rawValue)", logger)
                {
                    let (handle, name) = try row.decode((String, String).self)
                    others.append((try Column.handle(handle, "handle"), name))
                }
                throw KataError.unknownPerson(coach, as: "coach", among: others)
            }
        }
        if let unit = filter.unit {
            let units = try await connection.rows(
                "SELECT DISTINCT unit COLLATE \"C\" FROM person WHERE unit IS NOT NULL ORDER BY 1", logger
            ).map { try $0.decode(String.self) }
            if !units.contains(unit) {
                let known =
                    units.isEmpty ? "nobody has a unit yet" : "units: " + units.prefix(12).joined(separator: ", ")
                throw KataError.unknown(kind: "unit", reference: unit, hint: "Known \(known).")
            }
        }
    }

    /// The 2nd coaches of each coach in pairings that overlap [from, to].
    public func secondCoaches(from: Day, to: Day) async throws -> [String: [String]] {
        try await read { connection in
            var result: [String: [String]] = [:]
            for row in try await connection.rows(
                """
                SELECT DISTINCT coach, second_coach FROM pairing
                WHERE second_coach IS NOT NULL AND since <= \(to.description)::date
                    AND (until IS NULL OR until >= \(from.description)::date)
                ORDER BY coach, second_coach
                """, pool.logger)
            {
                let (coach, second) = try row.decode((String, String).self)
                result[coach, default: []].append(second)
            }
            return result
        }
    }

    /// The learners in pairings in force on the last day of `period` whose coach the filter and
    /// the caller's practice scope admit, with their last cycle with that coach.
    public func pairedLearners(endOf period: Period, filter: PracticeFilter) async throws -> [PairedLearnerFacts] {
        try await read { connection in
            var statement = PracticeStatement(period: period, filter: filter, scope: readScope)
            let condition = statement.condition()
            let to = statement.to
            return try await connection.rows(
                statement.query(
                    """
                    SELECT pr.learner, l.name, pr.coach,
                        (SELECT max(date)::text FROM cycle WHERE cycle.learner = pr.learner AND cycle.coach = pr.coach
                            AND cycle.date <= \(to))
                    FROM pairing pr JOIN person l ON l.handle = pr.learner JOIN person p ON p.handle = pr.coach
                    WHERE pr.since <= \(to) AND (pr.until IS NULL OR pr.until >= \(to)) AND \(condition)
                    ORDER BY pr.learner, pr.coach
                    """), pool.logger
            ).map { row in
                let (learner, name, coach, lastCycle) = try row.decode((String, String, String, String?).self)
                return PairedLearnerFacts(
                    learner: learner, name: name, coach: coach, lastCycle: try Column.day(lastCycle, "cycle.date"))
            }
        }
    }
}
