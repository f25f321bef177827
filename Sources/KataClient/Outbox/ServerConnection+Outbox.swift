import Foundation
import ImprovementKata

extension ServerConnection {
    /// What became of a record posted with `post(_:keepingIn:now:)`.
    public enum Delivery: Sendable {
        /// The server stored it (201) or had it already (200): its answer, and what was sent from
        /// the outbox before it (nil when nothing waited).
        case stored(Data, earlier: Outbox.Report?)
        /// The server could not be reached: the record waits in the outbox, and `reason` says why.
        case kept(reason: KataError)
    }

    /// Posts the entry's record after whatever waits in `outbox` (oldest first, so that a step
    /// planned offline is there before the cycle that reviews it); when the server cannot be
    /// reached, keeps it in the outbox instead (DESIGN §10.4: `cycle log`, `observe`, `walk`).
    ///
    /// - Throws: the server's refusal of this record (a broken rule, not allowed), which is not
    ///   kept: the command says so at once, as against a file.
    public func post(_ entry: OutboxEntry, keepingIn outbox: Outbox, now: Date) async throws -> Delivery {
        var earlier: Outbox.Report?
        if try !outbox.entries().isEmpty {
            let report = try await outbox.send(over: self, now: now)
            if let stopped = report.stopped, stopped.kind == .unavailable {
                try outbox.add(entry)
                return .kept(reason: stopped)
            }
            earlier = report
        }
        do {
            return .stored(try await send(.post, entry.path, json: Data(entry.body.utf8)).body, earlier: earlier)
        } catch let error as KataError where error.kind == .unavailable {
            try outbox.add(entry)
            return .kept(reason: error)
        }
    }
}
