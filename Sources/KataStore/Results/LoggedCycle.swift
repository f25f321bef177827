import Foundation
import ImprovementKata

/// A logged coaching cycle with the records it touched, for showing back to the coach.
public struct LoggedCycle: Sendable, Equatable, Codable {
    public var cycle: CoachingCycle
    public var target: TargetCondition?
    public var obstacle: Obstacle?
    public var reviewed: Experiment?
    public var planned: Experiment?
    public init(
        cycle: CoachingCycle, target: TargetCondition? = nil, obstacle: Obstacle? = nil, reviewed: Experiment? = nil,
        planned: Experiment? = nil
    ) {
        self.cycle = cycle
        self.target = target
        self.obstacle = obstacle
        self.reviewed = reviewed
        self.planned = planned
    }
}
