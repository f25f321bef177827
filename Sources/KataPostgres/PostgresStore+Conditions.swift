import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Records a current-condition snapshot for an existing target condition; one dated after
    /// `today` (by default the day of `now`) is refused.
    public func addCondition(_ condition: CurrentCondition, at now: Date, today: Day?) async throws {
        let json = try condition.metricsJSON
        try await write { connection in
            let logger = pool.logger
            let day = try await PostgresStore.today(today, at: now, connection, logger)
            try condition.date.requireHappened(by: day, record: "a current condition")
            _ = try await writableTarget(condition.target, learnerToo: true, connection)
            try await connection.query(
                """
                INSERT INTO condition (id, target, date, text, metrics)
                VALUES (\(condition.id), \(condition.target), \(condition.date.description)::date, \(condition.text),
                    \(json)::jsonb)
                """, logger: logger)
        }
    }

    /// The current-condition snapshots of a target condition, oldest first.
    public func conditions(target: UUID) async throws -> [CurrentCondition] {
        let scope = readScope.map { _ in "AND " + AccessScope.ofTarget("condition", "$2") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(CurrentCondition.columns) FROM condition WHERE target = $1 \(scope) ORDER BY date, seq
                """)
        query.binds.append(target)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            try await connection.rows(finished, pool.logger).map(CurrentCondition.init(row:))
        }
    }

    /// The actual condition last recorded for `target`: the later of its latest snapshot and the
    /// latest Q2 answer of a cycle toward it (the snapshot on the same day, as it holds the metrics).
    public func currentCondition(target: UUID) async throws -> ActualCondition? {
        try await read { connection in
            let logger = pool.logger
            if let me = readScope {
                var query = PostgresQuery(
                    unsafeSQL:
                        "SELECT EXISTS (SELECT 1 FROM target WHERE id = $1 AND \(AccessScope.target("target", "$2")))")
                query.binds.append(target)
                query.binds.append(me.rawValue)
                // A target condition the caller may not see has no condition, like one that does not exist.
                guard try await connection.rows(query, logger).first?.decode(Bool.self) == true else { return nil }
            }
            let snapshot = try await connection.rows(
                """
                SELECT \(unescaped: CurrentCondition.columns) FROM condition WHERE target = \(target)
                ORDER BY date DESC, seq DESC LIMIT 1
                """, logger
            ).first.map(CurrentCondition.init(row:))
            return try await PostgresStore.currentCondition(target: target, snapshot: snapshot, connection, logger)
        }
    }

    /// The same, given the target's latest snapshot (nil when it has none).
    static func currentCondition(
        target: UUID, snapshot: CurrentCondition?, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> ActualCondition? {
        let answer = try await connection.rows(
            """
            SELECT id, date::text, actual_condition FROM cycle
            WHERE learner = (SELECT learner FROM target WHERE id = \(target)) AND target = \(target)
                AND btrim(actual_condition) <> ''
            ORDER BY date DESC, seq DESC LIMIT 1
            """, logger
        ).first
        if let answer {
            let (id, date, text) = try answer.decode((UUID, String, String).self)
            let day = try Column.day(date, "date")
            if snapshot.map({ day > $0.date }) ?? true { return ActualCondition(date: day, text: text, cycle: id) }
        }
        return snapshot.map { ActualCondition(date: $0.date, text: $0.text, metrics: $0.metrics) }
    }

    /// `given`, or the day of `now` in the organisation's time zone: the "today" against which a
    /// write checks that what it records has happened.
    static func today(_ given: Day?, at now: Date, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Day
    {
        if let given { return given }
        return try await settings(connection, logger).today(at: now)
    }
}
