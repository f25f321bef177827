import Foundation
import ImprovementKata

extension CycleEntry {
    /// Whether `logged` is what logging this entry made: the check that lets a cycle sent twice
    /// under one id (a retry, an outbox resending) be stored once, and a different cycle under a
    /// used id be refused.
    ///
    /// What the entry leaves to the store (the learner's active target condition, the obstacle
    /// being worked) matches whatever the store chose.
    public func isLogged(as logged: LoggedCycle) -> Bool {
        let cycle = logged.cycle
        guard
            cycle.date == date, cycle.coach == coach, cycle.learner == learner, cycle.secondCoach == secondCoach,
            cycle.minutes == minutes, target == nil || cycle.target == target,
            cycle.actualCondition.nonBlank == actualCondition.nonBlank
        else { return false }
        if reviewsLastStep {
            guard let reviewed = logged.reviewed, reviewed.id == cycle.reviewed,
                reviewed.happened.nonBlank == happened.nonBlank, reviewed.learned.nonBlank == learned.nonBlank,
                reviewed.asExpected == asExpected
            else { return false }
        } else if cycle.reviewed != nil {
            return false
        }
        if let text = newObstacle.nonBlank {
            guard obstacle == nil, logged.obstacle?.text == text else { return false }
        } else if let obstacle, cycle.obstacle != obstacle {
            return false
        }
        if let step = nextStep.nonBlank {
            guard let planned = logged.planned, planned.id == cycle.planned, planned.step == step,
                planned.expected.nonBlank == expected.nonBlank, planned.goSee == goSee
            else { return false }
        } else if cycle.planned != nil {
            return false
        }
        return true
    }
}
