import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Parks an obstacle on a target condition's parking lot; refuses one dated before its target
    /// condition was set, or after `today` when it is given.
    public func addObstacle(_ obstacle: Obstacle, today: Day? = nil) throws {
        try write { db in
            if let today { try obstacle.createdOn.requireHappened(by: today, record: "an obstacle") }
            let target = try writableTarget(obstacle.target, learnerToo: true, db)
            guard target.isActive else {
                throw KataError.ruleBroken(
                    "the target condition is \(target.status.rawValue); obstacles go on an active target condition.")
            }
            try target.requireSet(by: obstacle.createdOn, to: "given an obstacle")
            if obstacle.status == .working { try SQLiteStore.parkWorkingObstacle(of: obstacle.target, db) }
            try obstacle.insert(db)
        }
    }

    /// Makes `id` the one obstacle being worked on its target condition; the one worked so far
    /// goes back to the parking lot.
    ///
    /// `day` is when the work starts: not before the obstacle was parked, nor after `today` when it
    /// is given.
    @discardableResult
    public func workObstacle(_ id: UUID, on day: Day? = nil, today: Day? = nil) throws
        -> Obstacle
    {
        try write { db in
            if let day, let today { try day.requireHappened(by: today, record: "work on an obstacle") }
            try requireWritableObstacle(id, db)
            return try SQLiteStore.workObstacle(id, on: day, db)
        }
    }

    static func workObstacle(_ id: UUID, on day: Day?, _ db: Database) throws -> Obstacle {
        var obstacle = try fetchObstacle(id, db)
        try obstacle.requireWorkable(on: day ?? obstacle.createdOn)
        guard obstacle.status != .working else { return obstacle }
        try parkWorkingObstacle(of: obstacle.target, db)
        obstacle.status = .working
        try db.execute(sql: "UPDATE obstacle SET status = 'working' WHERE id = ?", arguments: [id.text])
        return obstacle
    }

    /// Ends an obstacle as overcome or dropped on `day`: not before it was parked, nor after
    /// `today` when it is given.
    @discardableResult
    public func closeObstacle(
        _ id: UUID, as status: Obstacle.Status, on day: Day, today: Day? = nil
    ) throws -> Obstacle {
        try write { db in
            if let today { try day.requireHappened(by: today, record: "the end of an obstacle") }
            try requireWritableObstacle(id, db)
            var obstacle = try SQLiteStore.fetchObstacle(id, db)
            try obstacle.close(as: status, on: day)
            try db.execute(
                sql: "UPDATE obstacle SET status = ?, closedOn = ? WHERE id = ?",
                arguments: [obstacle.status.rawValue, obstacle.closedOn, id.text])
            return obstacle
        }
    }

    /// Obstacles, optionally of one target condition or one learner; parking-lot order.
    public func obstacles(target: UUID? = nil, learner: Handle? = nil, includeClosed: Bool = true) throws -> [Obstacle]
    {
        let (sql, arguments) = scoped(
            """
            SELECT obstacle.* FROM obstacle JOIN target ON target.id = obstacle.target
            WHERE (?1 IS NULL OR obstacle.target = ?1) AND (?2 IS NULL OR target.learner = ?2)
                AND (?3 OR obstacle.status IN ('parked', 'working')) /*scope*/
            ORDER BY target.learner, obstacle.target, obstacle.status <> 'working',
                obstacle.status IN ('overcome', 'dropped'), obstacle.createdOn, obstacle.rowid
            """, [target?.text, learner, includeClosed]
        ) { AccessScope.target("target", $0) }
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Obstacle.init(row:)) }
    }

    /// Refuses an obstacle the caller may not see (as unknown) or change (neither the learner nor
    /// their coach); the owner passes without a query.
    func requireWritableObstacle(_ id: UUID, _ db: Database) throws {
        guard account != nil else { return }
        try requireVisible(.obstacle, id, db)
        _ = try writableTarget(SQLiteStore.fetchObstacle(id, db).target, learnerToo: true, db)
    }

    static func fetchObstacle(_ id: UUID, _ db: Database) throws -> Obstacle {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM obstacle WHERE id = ?", arguments: [id.text]) else {
            throw KataError.unknown(kind: "obstacle", reference: id.text, hint: "See 'kata obstacle list'.")
        }
        return try Obstacle(row: row)
    }

    static func parkWorkingObstacle(of target: UUID, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE obstacle SET status = 'parked' WHERE target = ? AND status = 'working'",
            arguments: [target.text])
    }

    static func workingObstacle(of target: UUID, _ db: Database) throws -> Obstacle? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM obstacle WHERE target = ? AND status = 'working'"),
            arguments: [target.text]
        ).map(Obstacle.init(row:))
    }
}
