import ImprovementKata

/// What a store holds about one coach's practice in a period, before the calendar figures of
/// DESIGN §6 are worked out from it.
public struct CoachPracticeFacts: Sendable, Equatable {
    /// The coach's handle.
    public var coach: String
    public var name: String
    public var unit: String?
    /// The coach's active span, from their pairings as coach, else from their first cycle.
    public var span: ActiveSpan?
    /// The coach's latest cycle on or before the end of the period, from all history.
    public var lastCycle: Day?
    /// Cycles on each day of the period, `dailyCycles[0]` being its first day.
    public var dailyCycles: [Int]
    /// Distinct learners in the period's cycles.
    public var learners: Int
    /// The minutes of the period's cycles that recorded minutes, added up.
    public var minutesTotal: Int
    /// The period's cycles that recorded minutes.
    public var minutesRecorded: Int
    /// The period's cycles that recorded more than 20 minutes.
    public var cyclesOver20Minutes: Int
    /// Experiments planned in the period's cycles.
    public var plannedSteps: Int
    /// Those of them without an expectation (blank or whitespace only).
    public var stepsWithoutPrediction: Int
    /// 2nd-coach observations of this coach dated in the period.
    public var observations: Int

    public init(
        coach: String, name: String, unit: String?, span: ActiveSpan?, lastCycle: Day?, dailyCycles: [Int],
        learners: Int = 0, minutesTotal: Int = 0, minutesRecorded: Int = 0, cyclesOver20Minutes: Int = 0,
        plannedSteps: Int = 0, stepsWithoutPrediction: Int = 0, observations: Int = 0
    ) {
        self.coach = coach
        self.name = name
        self.unit = unit
        self.span = span
        self.lastCycle = lastCycle
        self.dailyCycles = dailyCycles
        self.learners = learners
        self.minutesTotal = minutesTotal
        self.minutesRecorded = minutesRecorded
        self.cyclesOver20Minutes = cyclesOver20Minutes
        self.plannedSteps = plannedSteps
        self.stepsWithoutPrediction = stepsWithoutPrediction
        self.observations = observations
    }
}

/// A learner in a pairing in force on the last day of a period, and their last cycle with that
/// pairing's coach on or before it.
public struct PairedLearnerFacts: Sendable, Equatable {
    public var learner: String
    public var name: String
    public var coach: String
    public var lastCycle: Day?

    public init(learner: String, name: String, coach: String, lastCycle: Day?) {
        self.learner = learner
        self.name = name
        self.coach = coach
        self.lastCycle = lastCycle
    }
}
