import Foundation

/// One coach with one learner on one day, following the five coaching questions.
///
/// A cycle reviews the last step (question 2: closing that experiment) and plans the next one
/// (questions 4 and 5: opening an experiment with its prediction and go-see date).
public struct CoachingCycle: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var date: Day
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var minutes: Int?
    /// Q1: the target condition discussed.
    public var target: UUID?
    /// Q2: the actual condition now.
    public var actualCondition: String?
    /// Q3: the obstacle being addressed now.
    public var obstacle: UUID?
    /// Q2: the experiment reviewed (closed) in this cycle.
    public var reviewed: UUID?
    /// Q4–5: the experiment planned (opened) in this cycle.
    public var planned: UUID?

    public init(
        id: UUID = UUID(), date: Day, coach: Handle, learner: Handle, secondCoach: Handle? = nil, minutes: Int? = nil,
        target: UUID? = nil, actualCondition: String? = nil, obstacle: UUID? = nil, reviewed: UUID? = nil,
        planned: UUID? = nil
    ) throws {
        guard coach != learner else { throw KataError.ruleBroken("\(coach) cannot coach themselves.") }
        if let secondCoach, secondCoach == coach || secondCoach == learner {
            throw KataError.ruleBroken(
                "the 2nd coach (\(secondCoach)) must be someone other than the coach and the learner.")
        }
        try CoachingCycle.validate(minutes: minutes)
        self.id = id
        self.date = date
        self.coach = coach
        self.learner = learner
        self.secondCoach = secondCoach
        self.minutes = minutes
        self.target = target
        self.actualCondition = actualCondition
        self.obstacle = obstacle
        self.reviewed = reviewed
        self.planned = planned
    }

    /// Checks that `minutes` is a plausible length for a cycle (0 to 1440).
    public static func validate(minutes: Int?) throws {
        if let minutes, !(0...1440).contains(minutes) {
            throw KataError.invalidValue(
                field: "minutes", value: String(minutes),
                expected: "a whole number of minutes from 0 to 1440 (usually 20 or less)")
        }
    }
}
