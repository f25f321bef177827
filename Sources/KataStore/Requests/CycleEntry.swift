import Foundation
import ImprovementKata

/// What a coach says in one coaching cycle, following the five questions; the input of
/// `SQLiteStore.logCycle`.
public struct CycleEntry: Sendable, Equatable {
    public var date: Day
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var minutes: Int?
    /// Q1: the target condition; nil means the learner's one active target condition.
    public var target: UUID?
    /// Q2: the actual condition now.
    public var actualCondition: String?
    /// Q2: what actually happened with the last step.
    public var happened: String?
    /// Q2: what was learned from it.
    public var learned: String?
    /// Q3: an obstacle from the parking lot to address now.
    public var obstacle: UUID?
    /// Q3: a new obstacle, parked and addressed now.
    public var newObstacle: String?
    /// Q4: the next step.
    public var nextStep: String?
    /// Q4: what the learner expects from it.
    public var expected: String?
    /// Q5: when we can go and see what was learned.
    public var goSee: Day?

    public init(
        date: Day, coach: Handle, learner: Handle, secondCoach: Handle? = nil, minutes: Int? = nil, target: UUID? = nil,
        actualCondition: String? = nil, happened: String? = nil, learned: String? = nil, obstacle: UUID? = nil,
        newObstacle: String? = nil, nextStep: String? = nil, expected: String? = nil, goSee: Day? = nil
    ) {
        self.date = date
        self.coach = coach
        self.learner = learner
        self.secondCoach = secondCoach
        self.minutes = minutes
        self.target = target
        self.actualCondition = actualCondition
        self.happened = happened
        self.learned = learned
        self.obstacle = obstacle
        self.newObstacle = newObstacle
        self.nextStep = nextStep
        self.expected = expected
        self.goSee = goSee
    }

    /// Whether the entry reviews the last step.
    public var reviewsLastStep: Bool { happened.nonBlank != nil || learned.nonBlank != nil }
}
