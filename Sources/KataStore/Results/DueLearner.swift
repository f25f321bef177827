import Foundation
import ImprovementKata

/// A learner their coach should go and see: a go-see date has come, or they have not been
/// coached for more than a workday.
public struct DueLearner: Sendable, Equatable, Codable {
    public var coach: Handle
    public var learner: Person
    /// The open step whose go-see date is on or before the day, if any.
    public var goSee: Experiment?
    /// The date of the last cycle with this coach, nil if never.
    public var lastCycle: Day?
    /// Workdays since the last cycle up to the day (nil when never coached).
    public var workdaysSinceLastCycle: Int?
    public init(
        coach: Handle, learner: Person, goSee: Experiment? = nil, lastCycle: Day? = nil,
        workdaysSinceLastCycle: Int? = nil
    ) {
        self.coach = coach
        self.learner = learner
        self.goSee = goSee
        self.lastCycle = lastCycle
        self.workdaysSinceLastCycle = workdaysSinceLastCycle
    }

    /// Why the learner is due, in words.
    public var reasons: [String] {
        var result: [String] = []
        if let goSee, let date = goSee.goSee {
            result.append("go and see: '\(goSee.step)' (due \(date))")
        }
        if let lastCycle, let gap = workdaysSinceLastCycle, gap > 1 {
            result.append("not coached for \(gap) workdays (last \(lastCycle))")
        } else if lastCycle == nil {
            result.append("never coached")
        }
        return result
    }
}
