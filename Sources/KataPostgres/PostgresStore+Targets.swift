import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Sets a new target condition; refuses a second active one for the same learner and focus
    /// process, an unknown learner or challenge, and one set after `today` when it is given.
    public func addTarget(_ target: TargetCondition, today: Day?) async throws {
        if let today { try target.createdOn.requireHappened(by: today, record: "a target condition") }
        try await write { connection in
            let logger = pool.logger
            try await PostgresStore.requirePerson(target.learner, as: "learner", connection, logger)
            try await requireCoach(of: target.learner, connection)
            if let challenge = target.challenge {
                try await PostgresStore.requireChallenge(challenge, connection, logger)
            }
            if target.isActive,
                let other = try await connection.rows(
                    """
                    SELECT id FROM target WHERE learner = \(target.learner.rawValue)
                        AND focus_process = \(target.focusProcess) AND status = 'active'
                    """, logger
                ).first?.decode(UUID.self)
            {
                let short = other.uuidString.lowercased().prefix(8)
                throw KataError.ruleBroken(
                    "\(target.learner) already has an active target condition for '\(target.focusProcess)' "
                        + "(\(short)); close it with 'kata target close \(short) --achieved|--missed|--dropped' first.")
            }
            try await target.insert(connection, logger)
        }
    }

    /// The target condition with `id`, with its metrics and amendments.
    public func target(_ id: UUID) async throws -> TargetCondition {
        try await read { connection in try await visibleTarget(id, connection) }
    }

    /// The target condition with `id` if the caller may see it; else `KataError.unknown`, as for
    /// one that does not exist.
    func visibleTarget(_ id: UUID, forUpdate: Bool = false, _ connection: PostgresConnection) async throws
        -> TargetCondition
    {
        try await requireVisible(.target, id, connection)
        return try await PostgresStore.fetchTarget(id, forUpdate: forUpdate, connection, pool.logger)
    }

    /// The target condition with `id`, which the caller may see and, as `learner`'s coach (or the
    /// learner, when `learnerToo`), change; locked until the transaction ends.
    func writableTarget(_ id: UUID, learnerToo: Bool = false, _ connection: PostgresConnection) async throws
        -> TargetCondition
    {
        let target = try await visibleTarget(id, forUpdate: true, connection)
        try await requireCoach(of: target.learner, learnerToo: learnerToo, connection)
        return target
    }

    static func fetchTarget(_ id: UUID, forUpdate: Bool = false, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> TargetCondition
    {
        guard
            let row = try await connection.rows(
                """
                SELECT \(unescaped: TargetCondition.columns()) FROM target WHERE id = \(id)
                \(unescaped: forUpdate ? "FOR UPDATE" : "")
                """, logger
            ).first
        else {
            throw KataError.unknown(
                kind: "target condition", reference: id.uuidString.lowercased(), hint: "See 'kata target list'.")
        }
        return try await TargetCondition.loadingDetails([TargetCondition(row: row)], connection, logger)[0]
    }

    /// Target conditions, newest first, optionally of one learner and/or one status; an account
    /// sees those DESIGN §10.3 shows it.
    public func targets(learner: Handle?, status: TargetCondition.Status?) async throws -> [TargetCondition] {
        let scope = readScope.map { _ in "AND " + AccessScope.target("target", "$3") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(TargetCondition.columns()) FROM target
                WHERE ($1::text IS NULL OR learner = $1) AND ($2::text IS NULL OR status = $2) \(scope)
                ORDER BY learner, status <> 'active', created_on DESC, focus_process COLLATE "C"
                """)
        query.binds.append(learner?.rawValue)
        query.binds.append(status?.rawValue)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            let targets = try await connection.rows(finished, pool.logger).map(TargetCondition.init(row:))
            return try await TargetCondition.loadingDetails(targets, connection, pool.logger)
        }
    }

    /// Appends to a target condition: a dated amendment and/or more metrics; `day` is not before
    /// the target condition was set, nor after `today` when it is given.
    @discardableResult
    public func amendTarget(
        _ id: UUID, on day: Day, text: String?, outcomeMetrics: [Metric], processMetrics: [Metric], today: Day?
    ) async throws -> TargetCondition {
        if let today { try day.requireHappened(by: today, record: "an amendment") }
        return try await write { connection in
            let logger = pool.logger
            var target = try await writableTarget(id, connection)
            let before = target
            try target.amend(on: day, text: text, outcomeMetrics: outcomeMetrics, processMetrics: processMetrics)
            try await target.insertAmendments(
                Array(target.amendments.dropFirst(before.amendments.count)), start: before.amendments.count,
                connection, logger)
            try await target.insertMetrics(
                outcome: outcomeMetrics, process: processMetrics, outcomeStart: before.outcomeMetrics.count,
                processStart: before.processMetrics.count, connection, logger)
            return target
        }
    }

    /// Ends a target condition as achieved, missed or dropped on `day` (not before it was set, nor
    /// after `today` when it is given), with an optional reflection.
    @discardableResult
    public func closeTarget(
        _ id: UUID, as status: TargetCondition.Status, on day: Day, reflection: String?, today: Day?
    ) async throws -> TargetCondition {
        if let today { try day.requireHappened(by: today, record: "the end of a target condition") }
        return try await write { connection in
            var target = try await writableTarget(id, connection)
            try target.close(as: status, on: day, reflection: reflection)
            try await connection.query(
                """
                UPDATE target SET status = \(target.status.rawValue), closed_on = \(target.closedOn?.description)::date,
                    reflection = \(target.reflection)
                WHERE id = \(id)
                """, logger: pool.logger)
            return target
        }
    }
}
