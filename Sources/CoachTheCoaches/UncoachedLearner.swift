import ImprovementKata

/// A learner in a pairing in force at the end of a period, with how long they have gone without
/// a cycle from that pairing's coach.
public struct UncoachedLearner: Sendable, Equatable, Codable {
    public var learner: String
    public var name: String
    public var coach: String
    /// The latest cycle of this coach with this learner on or before the end of the period.
    public var lastCycle: Day?
    /// Calendar days from the last cycle to the end of the period; nil when never coached.
    public var daysSinceLastCycle: Int?

    public init(learner: String, name: String, coach: String, lastCycle: Day?, daysSinceLastCycle: Int?) {
        self.learner = learner
        self.name = name
        self.coach = coach
        self.lastCycle = lastCycle
        self.daysSinceLastCycle = daysSinceLastCycle
    }
}
