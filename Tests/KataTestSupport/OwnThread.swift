import Foundation

/// Runs blocking `work` (waiting for a child process, reading its pipes to the end, polling a
/// file) on a thread of its own, and waits for it without holding a thread.
///
/// Swift's concurrency runs on as many threads as there are cores, two on CI. A test that blocks
/// one of them for the seconds a child process takes stalls every other test in the process, and
/// the servers other tests run in process stop answering (seen in CI as "no answer within 10
/// seconds").
///
/// ```swift
/// let status = try await onOwnThread { process.waitUntilExit(); return process.terminationStatus }
/// ```
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension Process {
    /// Waits until the process has ended without holding one of concurrency's threads.
    public func ended() async {
        _ = try? await onOwnThread { self.waitUntilExit() }
    }
}
