import Foundation
import ImprovementKata

/// Which cycles a listing shows.
public struct CycleFilter: Sendable, Equatable, Codable {
    public var coach: Handle?
    public var learner: Handle?
    public var from: Day?
    public var to: Day?
    public var limit: Int?

    public init(coach: Handle? = nil, learner: Handle? = nil, from: Day? = nil, to: Day? = nil, limit: Int? = nil) {
        self.coach = coach
        self.learner = learner
        self.from = from
        self.to = to
        self.limit = limit
    }
}

/// Changes to a logged cycle; nil leaves a value as it is.
public struct CycleCorrection: Sendable, Equatable, Codable {
    /// The fields of `PATCH /api/v1/cycles/{id}`.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case date, minutes, secondCoach, actualCondition, obstacle, happened, asExpected, learned, nextStep, expected
        case goSee
    }

    public var date: Day?
    public var minutes: Int?
    public var secondCoach: Handle?
    public var actualCondition: String?
    /// The obstacle the cycle addressed (one of its target condition's), correcting a wrong link.
    public var obstacle: UUID?
    public var happened: String?
    /// Whether the reviewed step's result was what the learner expected.
    public var asExpected: AsExpected?
    public var learned: String?
    public var nextStep: String?
    public var expected: String?
    public var goSee: Day?

    public init(
        date: Day? = nil, minutes: Int? = nil, secondCoach: Handle? = nil, actualCondition: String? = nil,
        obstacle: UUID? = nil, happened: String? = nil, learned: String? = nil, nextStep: String? = nil,
        expected: String? = nil, goSee: Day? = nil, asExpected: AsExpected? = nil
    ) {
        self.date = date
        self.minutes = minutes
        self.secondCoach = secondCoach
        self.actualCondition = actualCondition
        self.obstacle = obstacle
        self.happened = happened
        self.asExpected = asExpected
        self.learned = learned
        self.nextStep = nextStep
        self.expected = expected
        self.goSee = goSee
    }

    /// Whether nothing would change.
    public var isEmpty: Bool { self == CycleCorrection() }
}
