import Foundation
import ImprovementKata
import KataStore

/// A store that can read a learner's own record (target conditions and experimenting record) for
/// the growth figures of DESIGN §11.4: every `KataService` can, through the storyboards.
///
/// Review packets take the coach's own growth as a learner from a source that is one; a source
/// that is not (a fake in a test) gives packets without it (`null`).
public protocol GrowthSource: Sendable {
    /// The growth figures of `learner`; with a period, only what was reviewed or closed in it.
    func growth(of learner: Handle, in period: Period?) async throws -> LearnerGrowth
}
