import Foundation
import ImprovementKata

/// The part of the seam for leaders' walks and the chain of coaching (DESIGN §11.2).
///
/// A database store records walks and walk plans with its own SQL and answers the chain from what
/// it fetches (`ChainSource`, which gives it `chain` worked out by CoachTheCoaches); the HTTP
/// client asks a server that did. Every store applies the same rules and errors.
///
/// ```swift
/// let walk = try Walk(walker: .of("pat"), date: today, learners: [.of("bo")], mode: .goSee)
/// _ = try await store.recordWalk(walk, at: Date(), today: today)
/// try await store.chain(ChainRequest(weeks: 4, today: today)).levels
/// ```
public protocol WalkService: Sendable {
    /// Records a walk under its client-made id; refuses one dated after `today` (by default the
    /// day of `now`) and people nobody has. The same id with the same walk again writes nothing and
    /// returns false; another walk under a used id is a conflict.
    func recordWalk(_ walk: Walk, at now: Date, today: Day?) async throws -> Bool
    /// Walks, newest first, of one walker or of everyone.
    func walks(walker: Handle?) async throws -> [Walk]
    /// Sets (or replaces) the walker's own cadence.
    func setWalkPlan(_ plan: WalkPlan) async throws
    /// Every walk plan, by walker.
    func walkPlans() async throws -> [WalkPlan]
    /// The chain of coaching for the weeks up to today, from the top or from one person.
    func chain(_ request: ChainRequest) async throws -> ChainReport
}
