import Foundation
import ImprovementKata

/// A learner's storyboard for one target condition: the challenge it serves, the target
/// condition, the latest current condition, the obstacle parking lot and the experimenting record.
public struct Storyboard: Sendable, Equatable, Codable {
    public var learner: Person
    public var challenge: Challenge?
    public var target: TargetCondition
    public var conditions: [CurrentCondition]
    /// The actual condition last recorded: a snapshot or a coaching cycle's Q2 answer.
    public var current: ActualCondition?
    public var obstacles: [Obstacle]
    /// The experimenting record, oldest first.
    public var experiments: [Experiment]
    public init(
        learner: Person, challenge: Challenge? = nil, target: TargetCondition, conditions: [CurrentCondition],
        current: ActualCondition? = nil, obstacles: [Obstacle], experiments: [Experiment]
    ) {
        self.learner = learner
        self.challenge = challenge
        self.target = target
        self.conditions = conditions
        self.current = current
        self.obstacles = obstacles
        self.experiments = experiments
    }

    /// The latest current-condition snapshot.
    public var latestCondition: CurrentCondition? { conditions.last }
}

/// The actual condition as last recorded for a target condition, from a `condition add` snapshot
/// or from the answer to Q2 ("What is the actual condition now?") in a coaching cycle.
public struct ActualCondition: Sendable, Equatable, Codable {
    public var date: Day
    public var text: String
    public var metrics: [MetricValue]
    /// The cycle whose Q2 answer it is; nil for a snapshot.
    public var cycle: UUID?

    public init(date: Day, text: String, metrics: [MetricValue] = [], cycle: UUID? = nil) {
        self.date = date
        self.text = text
        self.metrics = metrics
        self.cycle = cycle
    }
}
