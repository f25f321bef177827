import Foundation
import KataStore

/// Hands pieces of an export to a sink on a thread of its own, so that writing the file (a
/// quarter of an export's time, copying a gigabyte into the kernel) overlaps reading the
/// database and formatting the lines.
///
/// At most two pieces wait at a time, so memory stays flat. The sink's first error is thrown
/// by the next `send` or by `finish`, and nothing more is handed to it after that.
package final class BackgroundSink: @unchecked Sendable {
    private let sink: (Data) throws -> Void
    private let condition = NSCondition()
    private static let maximumWaiting = 2
    // Guarded by `condition`.
    private var waiting: [Data] = []
    private var closed = false
    private var finished = false
    private var error: (any Error)?

    package init(_ sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Queues `data` for the sink, waiting while two pieces wait already.
    package func send(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.maximumWaiting && error == nil { condition.wait() }
        if let error { throw error }
        waiting.append(data)
        condition.broadcast()
    }

    /// Waits until the sink has taken everything; throws its error, if it had one.
    package func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        if let error { throw error }
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty, error == nil else {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let data = waiting.removeFirst()
            // Room for one more piece: a waiting sender may go on.
            condition.broadcast()
            condition.unlock()
            do {
                try sink(data)
            } catch {
                condition.lock()
                self.error = error
                waiting = []
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
