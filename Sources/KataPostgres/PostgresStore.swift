import Foundation
import ImprovementKata
import KataStore
import Logging
import PostgresNIO

/// The kata record in PostgreSQL (DESIGN §10.6): the store several `kata serve` processes share.
///
/// Every write runs in one serializable transaction, retried when PostgreSQL reports that it ran
/// into another at the same moment, so a command happens whole or not at all and two managers
/// logging at once both succeed, as with SQLite. The rules of the kata are in the database too
/// (`Schema/PostgreSQL/`): a write that gets past this store's checks is still refused there.
///
/// ```swift
/// let store = try await PostgresStore.connect(url: "postgres://kata@db.example.com/kata", poolSize: 8)
/// try await store.addPerson(Person(handle: Handle(validating: "ann"), name: "Ann Lee"))
/// await store.close()
/// ```
public struct PostgresStore: Sendable {
    /// The connection pool and the task that runs it, shared by every scoped copy of the store.
    let pool: ConnectionPool
    /// Who the store works for: the holder of the database's credentials, unless `scoped(to:)`
    /// made this copy for a signed-in account.
    public var caller: Caller = .owner

    /// Connects to the database at `url`, migrates it forward under an advisory lock, and keeps a
    /// pool of at most `poolSize` connections.
    ///
    /// A request that gets no connection within `unavailableAfter` (the database is down, or busy
    /// for that long) is `KataError.unavailable`; the pool keeps trying, so requests succeed again
    /// once the database is back.
    ///
    /// - Throws: `KataError.invalidValue` for a URL that is not `postgres://…`;
    ///   `KataError.unavailable` with the reason when the database cannot be reached or refuses the
    ///   sign-in; `KataError.unusableDatabase` for a database written by a newer kata or one with
    ///   tables of something else (both left untouched).
    public static func connect(
        url: String, poolSize: Int = 8, unavailableAfter: Duration = .seconds(10),
        logger: Logger = PostgresStore.quietLogger
    ) async throws -> PostgresStore {
        try await connect(
            PostgresLocation(url: url), poolSize: poolSize, unavailableAfter: unavailableAfter, logger: logger)
    }

    /// Connects to the database at `location`; see `connect(url:poolSize:unavailableAfter:logger:)`.
    public static func connect(
        _ location: PostgresLocation, poolSize: Int = 8, unavailableAfter: Duration = .seconds(10),
        logger: Logger = PostgresStore.quietLogger
    ) async throws -> PostgresStore {
        guard poolSize >= 1 else {
            throw KataError.invalidValue(
                field: "pool size", value: String(poolSize), expected: "at least 1 connection")
        }
        try await PostgresMigrator.migrate(location, logger: logger)
        return PostgresStore(
            pool: try ConnectionPool(
                location: location, poolSize: poolSize, logger: logger, leaseTimeout: unavailableAfter))
    }

    /// Closes every connection; the store cannot be used afterwards.
    public func close() async { await pool.close() }

    /// Where the database is (without its password).
    public var location: PostgresLocation { pool.location }

    /// A logger that reports only what goes wrong with the database connections.
    public static var quietLogger: Logger {
        var logger = Logger(label: "kata.postgres")
        logger.logLevel = .error
        return logger
    }

    /// A copy of this store that works for `caller`, on the same pool: a server makes one per
    /// request from the signed-in account.
    public func scoped(to caller: Caller) -> PostgresStore {
        var copy = self
        copy.caller = caller
        return copy
    }

    /// Runs `work` in one serializable transaction, again (up to 12 times in all) when PostgreSQL
    /// could not serialise it with another, translating database errors into `KataError`.
    func write<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await retryingCollisions { try await serializable(work) }
    }

    /// Runs `work` once in one serializable transaction; PostgreSQL's errors are left as they are.
    func serializable<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws -> T
    {
        try await pool.withConnection { connection in
            try await PostgresStore.transaction(
                connection, "BEGIN ISOLATION LEVEL SERIALIZABLE", logger: pool.logger, work)
        }
    }

    /// Runs `attempt` again (up to 12 times in all) when PostgreSQL could not serialise its
    /// transaction with another, translating database errors into `KataError`.
    ///
    /// Before each new attempt it waits a random while, up to twice as long each time (2, 4, 8 …
    /// at most 200 ms), so that writers that collided do not collide again in step: with none,
    /// 16 writers at once used up their attempts within a millisecond and were refused.
    func retryingCollisions<T: Sendable>(_ attempt: () async throws -> T) async throws -> T {
        var attempts = 1
        while true {
            do {
                return try await attempt()
            } catch let error as PSQLError where PostgresErrors.isSerializationFailure(error) && attempts < 12 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...min(200, 1 << attempts))))
                attempts += 1
            } catch let error as PSQLError {
                throw PostgresErrors.translate(error, at: pool.location)
            } catch let error as PostgresDecodingError {
                throw PostgresErrors.translate(error, at: pool.location)
            }
        }
    }

    /// Runs `work` on one consistent snapshot of the database (a read-only repeatable-read
    /// transaction), translating database errors into `KataError`.
    func read<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await lookup { connection in
            try await PostgresStore.transaction(
                connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: pool.logger, work)
        }
    }

    /// Runs `work` on a connection of the pool without a transaction around it, translating
    /// database errors into `KataError`: for statements each of which stands alone (one
    /// statement sees one snapshot), two round trips fewer than `read` (BEGIN and COMMIT) on
    /// the paths every request takes.
    func lookup<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(work)
        } catch let error as PSQLError {
            throw PostgresErrors.translate(error, at: pool.location)
        } catch let error as PostgresDecodingError {
            throw PostgresErrors.translate(error, at: pool.location)
        }
    }

    /// Runs `work` between `begin` and COMMIT on `connection`; rolls back when it throws.
    static func transaction<T: Sendable>(
        _ connection: PostgresConnection, _ begin: String, logger: Logger,
        _ work: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
        do {
            let value = try await work(connection)
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}

extension PostgresConnection {
    /// Runs `query` and returns its rows, with the store's logger.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
