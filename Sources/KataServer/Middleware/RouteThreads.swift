import Foundation
import Hummingbird

/// The threads every request's work runs on, instead of Swift concurrency's shared pool.
///
/// A route calls the store, and the SQLite store answers synchronously: a read that takes 300 ms
/// (practice for a year) holds its thread that long. The shared pool has one thread per core, two
/// on a small server, so two such reads would stall every other request, the health checks
/// included. These threads may block; a request waiting on one holds nothing else.
///
/// ```swift
/// let answer = try await withTaskExecutorPreference(RouteThreads.shared) { try await next(request, context) }
/// ```
final class RouteThreads: TaskExecutor, @unchecked Sendable {
    /// The threads of the process's servers: enough for SQLite's readers and the writer with room
    /// to spare, since a thread that waits costs only its stack.
    static let shared = RouteThreads(count: max(16, 4 * ProcessInfo.processInfo.activeProcessorCount))

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var next = 0

    private init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [unowned self] in self.run() }
            thread.name = "kata-route-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() -> Never {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs the rest of the request on `RouteThreads`.
struct RouteThreadsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try await withTaskExecutorPreference(RouteThreads.shared) { try await next(request, context) }
    }
}
