import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Parks an obstacle on a target condition's parking lot; refuses one dated before its target
    /// condition was set, or after `today` when it is given.
    public func addObstacle(_ obstacle: Obstacle, today: Day?) async throws {
        if let today { try obstacle.createdOn.requireHappened(by: today, record: "an obstacle") }
        try await write { connection in
            let target = try await writableTarget(obstacle.target, learnerToo: true, connection)
            guard target.isActive else {
                throw KataError.ruleBroken(
                    "the target condition is \(target.status.rawValue); obstacles go on an active target condition.")
            }
            try target.requireSet(by: obstacle.createdOn, to: "given an obstacle")
            if obstacle.status == .working {
                try await PostgresStore.parkWorkingObstacle(of: obstacle.target, connection, pool.logger)
            }
            try await connection.query(
                """
                INSERT INTO obstacle (id, target, text, status, created_on, closed_on)
                VALUES (\(obstacle.id), \(obstacle.target), \(obstacle.text), \(obstacle.status.rawValue),
                    \(obstacle.createdOn.description)::date, \(obstacle.closedOn?.description)::date)
                """, logger: pool.logger)
        }
    }

    /// Makes `id` the one obstacle being worked on its target condition; the one worked so far
    /// goes back to the parking lot.
    ///
    /// `day` is when the work starts: not before the obstacle was parked, nor after `today` when
    /// it is given.
    @discardableResult
    public func workObstacle(_ id: UUID, on day: Day?, today: Day?) async throws -> Obstacle {
        if let day, let today { try day.requireHappened(by: today, record: "work on an obstacle") }
        return try await write { connection in
            let logger = pool.logger
            try await requireWritableObstacle(id, connection)
            var obstacle = try await PostgresStore.fetchObstacle(id, forUpdate: true, connection, logger)
            try obstacle.requireWorkable(on: day ?? obstacle.createdOn)
            guard obstacle.status != .working else { return obstacle }
            try await PostgresStore.parkWorkingObstacle(of: obstacle.target, connection, logger)
            obstacle.status = .working
            try await connection.query("UPDATE obstacle SET status = 'working' WHERE id = \(id)", logger: logger)
            return obstacle
        }
    }

    /// Ends an obstacle as overcome or dropped on `day`: not before it was parked, nor after
    /// `today` when it is given.
    @discardableResult
    public func closeObstacle(_ id: UUID, as status: Obstacle.Status, on day: Day, today: Day?) async throws
        -> Obstacle
    {
        if let today { try day.requireHappened(by: today, record: "the end of an obstacle") }
        return try await write { connection in
            let logger = pool.logger
            try await requireWritableObstacle(id, connection)
            var obstacle = try await PostgresStore.fetchObstacle(id, forUpdate: true, connection, logger)
            try obstacle.close(as: status, on: day)
            try await connection.query(
                """
                UPDATE obstacle SET status = \(obstacle.status.rawValue), closed_on = \(obstacle.closedOn?.description)::date
                WHERE id = \(id)
                """, logger: logger)
            return obstacle
        }
    }

    /// Obstacles, optionally of one target condition or one learner; parking-lot order.
    public func obstacles(target: UUID?, learner: Handle?, includeClosed: Bool) async throws -> [Obstacle] {
        let scope = readScope.map { _ in "AND " + AccessScope.target("target", "$4") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Obstacle.columns) FROM obstacle JOIN target ON target.id = obstacle.target
                WHERE ($1::uuid IS NULL OR obstacle.target = $1) AND ($2::text IS NULL OR target.learner = $2)
                    AND ($3::boolean OR obstacle.status IN ('parked', 'working')) \(scope)
                ORDER BY target.learner, obstacle.target, obstacle.status <> 'working',
                    obstacle.status IN ('overcome', 'dropped'), obstacle.created_on, obstacle.seq
                """)
        query.binds.append(target)
        query.binds.append(learner?.rawValue)
        query.binds.append(includeClosed)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            try await connection.rows(finished, pool.logger).map(Obstacle.init(row:))
        }
    }

    /// Refuses an obstacle the caller may not see (as unknown) or change (neither the learner nor
    /// their coach); the owner passes without a query.
    func requireWritableObstacle(_ id: UUID, _ connection: PostgresConnection) async throws {
        guard account != nil else { return }
        try await requireVisible(.obstacle, id, connection)
        _ = try await writableTarget(
            PostgresStore.fetchObstacle(id, connection, pool.logger).target, learnerToo: true, connection)
    }

    static func fetchObstacle(_ id: UUID, forUpdate: Bool = false, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> Obstacle
    {
        guard
            let row = try await connection.rows(
                """
                SELECT \(unescaped: Obstacle.columns) FROM obstacle WHERE id = \(id)
                \(unescaped: forUpdate ? "FOR UPDATE" : "")
                """, logger
            ).first
        else {
            throw KataError.unknown(
                kind: "obstacle", reference: id.uuidString.lowercased(), hint: "See 'kata obstacle list'.")
        }
        return try Obstacle(row: row)
    }

    static func parkWorkingObstacle(of target: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            "UPDATE obstacle SET status = 'parked' WHERE target = \(target) AND status = 'working'", logger: logger)
    }
}
