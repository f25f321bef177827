import Foundation
import ImprovementKata
import KataStore
import Logging
import PostgresNIO

/// The store's connections: a `PostgresClient` (postgres-nio's pool) and the task that runs it.
///
/// A connection that cannot be had within `leaseTimeout` (the database is down, or every
/// connection is busy for that long) is `KataError.unavailable` at once, instead of the request
/// waiting for the pool to give up a minute later; the pool keeps trying to connect in the
/// background, so the store works again by itself once the database is back.
final class ConnectionPool: Sendable {
    let location: PostgresLocation
    let logger: Logger
    let leaseTimeout: Duration
    private let client: PostgresClient
    private let running: Task<Void, Never>

    init(location: PostgresLocation, poolSize: Int, logger: Logger, leaseTimeout: Duration) throws {
        self.location = location
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        let client = PostgresClient(
            configuration: try location.clientConfiguration(poolSize: poolSize), backgroundLogger: logger)
        self.client = client
        self.running = Task { await client.run() }
    }

    /// Lends `work` a connection of the pool; throws `KataError.unavailable` when none comes.
    func withConnection<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let lease = Lease()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await self.client.withConnection { connection in
                    lease.begin()
                    return try await work(connection)
                }
            }
            group.addTask {
                try await Task.sleep(for: self.leaseTimeout)
                if lease.hasBegun { return nil }
                throw KataError.unavailable(
                    "the database \(self.location) does not answer (no connection within \(self.leaseTimeout)); "
                        + "kata keeps trying, try again in a moment.")
            }
            while let next = try await group.next() {
                if let value = next {
                    group.cancelAll()
                    return value
                }
            }
            throw KataError.unavailable("the database \(location) closed the connection.")
        }
    }

    /// Ends the pool's task, which closes every connection, and waits until it has.
    func close() async {
        running.cancel()
        await running.value
    }

    /// Whether a connection has been lent to the work, shared between the work and its timer.
    private final class Lease: @unchecked Sendable {
        private let lock = NSLock()
        private var begun = false

        func begin() { lock.withLock { begun = true } }
        var hasBegun: Bool { lock.withLock { begun } }
    }
}
