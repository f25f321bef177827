import ImprovementKata
import KataStore

/// What the demo built: how many records of each kind, over which days, and people to start with.
public struct DemoSummary: Sendable, Equatable {
    public var firstDay: Day
    public var lastDay: Day
    public var people: Int
    public var pairings: Int
    public var challenges: Int
    /// A coach who coaches steadily, to try `kata due --coach` with.
    public var exampleCoach: Handle
    /// One of the example coach's learners, to try `kata storyboard` with.
    public var exampleLearner: Handle
    /// The example coach's 2nd coach.
    public var exampleSecondCoach: Handle
    public var targets = 0
    public var conditions = 0
    public var obstacles = 0
    public var experiments = 0
    public var cycles = 0
    public var observations = 0
    /// Holidays in the settings.
    public var holidays = 0
}
