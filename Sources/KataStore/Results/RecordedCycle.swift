import Foundation

/// A cycle that `recordCycle` wrote, or found already written under its id with the same content
/// (a retried request, an outbox sent again).
public struct RecordedCycle: Sendable, Equatable {
    public var cycle: LoggedCycle
    /// False when the id held this very cycle already and nothing was written.
    public var isNew: Bool

    public init(cycle: LoggedCycle, isNew: Bool) {
        self.cycle = cycle
        self.isNew = isNew
    }
}
