import Foundation
import ImprovementKata

extension Outbox {
    /// What one `send(over:)` did.
    public struct Report: Sendable {
        /// Entries the server stored (or had stored already), now gone from the outbox.
        public var sent: [OutboxEntry] = []
        /// Entries the server refused, kept with its message.
        public var refused: [OutboxEntry] = []
        /// Why sending stopped before the end (the server cannot be reached, or the sign-in is no
        /// longer valid); nil when every entry was tried.
        public var stopped: KataError?
        /// Entries not tried because sending stopped.
        public var untried: [OutboxEntry] = []
    }

    /// Sends every entry, oldest first.
    ///
    /// A 2xx (201, or 200 for a record the server has already) removes the entry; any other
    /// refusal keeps it with the server's message and goes on with the next. When the server cannot
    /// be reached, or will not take anything from this caller (not signed in, too many attempts),
    /// sending stops and the rest wait.
    public func send(over connection: ServerConnection, now: Date) async throws -> Report {
        var report = Report()
        for entry in try entries() {
            if report.stopped != nil {
                report.untried.append(entry)
                continue
            }
            do {
                _ = try await connection.send(.post, entry.path, json: Data(entry.body.utf8))
                try remove(entry.id)
                report.sent.append(entry)
            } catch let error as KataError where Outbox.stopsSending(error) {
                report.stopped = error
                report.untried.append(entry)
            } catch let error as KataError {
                var refused = entry
                refused.refusal = .init(code: error.code, message: error.description, at: now)
                try update(refused)
                report.refused.append(refused)
            }
        }
        return report
    }

    /// Whether an error is about the connection or the caller rather than the entry.
    static func stopsSending(_ error: KataError) -> Bool {
        [.unavailable, .notSignedIn, .tooManyAttempts].contains(error.kind)
    }
}
