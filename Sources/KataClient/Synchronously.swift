import Foundation

/// Runs `body` to its end from synchronous code and returns what it returned, or throws what it threw.
///
/// For the command line's synchronous commands until they become async (the seam work of issue 11).
/// The calling thread waits, so it must not be one of Swift concurrency's own: the process's main
/// thread, or a thread of its own in a test.
public func synchronously<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
    let outcome = Outcome<Value>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            outcome.set(.success(try await body()))
        } catch {
            outcome.set(.failure(error))
        }
        done.signal()
    }
    done.wait()
    return try outcome.get()
}

/// The result of a task, handed from it to the waiting thread.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) { lock.withLock { self.result = result } }

    func get() throws -> Value {
        guard let result = lock.withLock({ result }) else { throw CancellationError() }
        return try result.get()
    }
}
