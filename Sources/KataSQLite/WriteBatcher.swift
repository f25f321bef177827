import Foundation
import GRDB

/// Writes several callers' work in one transaction, each in a savepoint of its own (group commit).
///
/// A server takes many small writes at once (a cycle and its audit entry per request); each
/// transaction of its own would wait for its own `fsync`, and a caller blocked on the database
/// would hold one of the few threads Swift's concurrency runs on. Here, work that arrives while a
/// transaction is being written waits for the next one, off those threads, and all of it is made
/// durable by one commit: every caller hears back only after that commit. Work that fails rolls
/// back its own savepoint and leaves the others alone. Should the commit itself fail (a deferred
/// foreign key, a full disk), each piece of work is tried again in a transaction of its own, so
/// that one caller's fault is not another's.
final class WriteBatcher: @unchecked Sendable {
    /// One caller's work: runs it on the writer's connection and hands back how it ended.
    private struct Job {
        let run: (Database) -> Void
        let finish: (Result<Void, any Error>) -> Void
    }

    private let writer: any DatabaseWriter
    private let lock = NSLock()
    private var pending: [Job] = []
    private var writing = false
    private let queue = DispatchQueue(label: "kata.sqlite.write-batcher", qos: .userInitiated)

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` in the next transaction, in a savepoint of its own, and returns its result once
    /// that transaction is committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let outcome = Outcome<T>()
            let job = Job(
                run: { db in
                    do {
                        try db.inSavepoint {
                            outcome.result = .success(try work(db))
                            return .commit
                        }
                    } catch {
                        outcome.result = .failure(error)
                    }
                },
                finish: { committed in
                    switch (committed, outcome.result) {
                    case let (.failure(error), _): continuation.resume(throwing: error)
                    case let (.success, result?): continuation.resume(with: result)
                    case (.success, nil): continuation.resume(throwing: CancellationError())
                    }
                })
            let start = lock.withLock {
                pending.append(job)
                defer { writing = true }
                return !writing
            }
            if start { queue.async { self.drain() } }
        }
    }

    /// Writes what is pending, one transaction at a time, until nothing is.
    private func drain() {
        while true {
            let jobs = lock.withLock {
                let jobs = pending
                pending.removeAll(keepingCapacity: true)
                if jobs.isEmpty { writing = false }
                return jobs
            }
            if jobs.isEmpty { return }
            do {
                try writer.writeWithoutTransaction { db in
                    try SQLiteStore.immediateTransaction(db) { db in for job in jobs { job.run(db) } }
                }
                for job in jobs { job.finish(.success(())) }
            } catch {
                // The commit failed: nothing of the batch was written. Each alone, so that only the
                // work at fault fails.
                for job in jobs {
                    do {
                        try writer.writeWithoutTransaction { db in
                            try SQLiteStore.immediateTransaction(db) { db in job.run(db) }
                        }
                        job.finish(.success(()))
                    } catch {
                        job.finish(.failure(error))
                    }
                }
            }
        }
    }
}

/// How one piece of work ended; written and read only on the batcher's queue.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
