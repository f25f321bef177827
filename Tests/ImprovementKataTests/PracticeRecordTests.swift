import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@Suite("Obstacle, experiment, coaching cycle and observation")
struct PracticeRecordTests {
    let target = UUID()

    @Test("an obstacle starts parked and closes once, as overcome or dropped")
    func obstacleClose() throws {
        var obstacle = try Obstacle(target: target, text: "Tool cart is far away", createdOn: day("2026-11-02"))
        #expect(obstacle.status == .parked)
        #expect(thrownKataError { try obstacle.close(as: .working, on: day("2026-11-05")) }?.isUsage == true)
        try obstacle.close(as: .overcome, on: day("2026-11-05"))
        #expect(obstacle.status == .overcome)
        #expect(obstacle.closedOn == day("2026-11-05"))
        let error = thrownKataError { try obstacle.close(as: .dropped, on: day("2026-11-06")) }
        #expect(error?.ruleText == "the obstacle is already overcome.")
        #expect(obstacle.closedOn == day("2026-11-05"))
    }

    @Test("an obstacle has a closing date exactly when it is closed, never before it was parked")
    func obstacleDates() {
        #expect(
            thrownKataError {
                try Obstacle(target: target, text: "x", status: .dropped, createdOn: day("2026-11-02"))
            }?.ruleText != nil)
        #expect(
            thrownKataError {
                try Obstacle(
                    target: target, text: "x", status: .working, createdOn: day("2026-11-02"),
                    closedOn: day("2026-11-03"))
            }?.ruleText != nil)
        #expect(
            thrownKataError {
                try Obstacle(
                    target: target, text: "x", status: .overcome, createdOn: day("2026-11-02"),
                    closedOn: day("2026-11-01"))
            }?.ruleText != nil)
        #expect(thrownKataError { try Obstacle(target: target, text: "\n", createdOn: day("2026-11-02")) } != nil)
        #expect(Obstacle.Status.dropped.isClosed && Obstacle.Status.overcome.isClosed)
        #expect(!Obstacle.Status.parked.isClosed && !Obstacle.Status.working.isClosed)
    }

    @Test("an experiment's go-see date cannot be before it is planned")
    func goSeeBeforePlanned() throws {
        let error = thrownKataError {
            try Experiment(
                target: target, step: "Move the cart", plannedOn: day("2026-11-10"), goSee: day("2026-11-09"))
        }
        #expect(error?.ruleText == "the go-see date 2026-11-09 is before the step is planned (2026-11-10).")
        let sameDay = try Experiment(
            target: target, step: "Move the cart", plannedOn: day("2026-11-10"), goSee: day("2026-11-10"))
        #expect(sameDay.goSee == day("2026-11-10"))
        #expect(thrownKataError { try Experiment(target: target, step: " ", plannedOn: day("2026-11-10")) } != nil)
    }

    @Test("an experiment is reviewed once, not before it was planned")
    func experimentClose() throws {
        var experiment = try Experiment(
            target: target, step: "Move the cart", expected: "Changeover under 30 min", plannedOn: day("2026-11-10"))
        #expect(thrownKataError { try experiment.close(on: day("2026-11-09"), happened: "x", learned: nil) } != nil)
        #expect(!experiment.isClosed)
        try experiment.close(on: day("2026-11-11"), happened: "34 min", learned: " ")
        #expect(experiment.isClosed)
        #expect(experiment.closedOn == day("2026-11-11"))
        #expect(experiment.happened == "34 min")
        #expect(experiment.learned == nil)
        let error = thrownKataError { try experiment.close(on: day("2026-11-12"), happened: "again", learned: nil) }
        #expect(error?.ruleText == "the step 'Move the cart' has been reviewed already.")
        #expect(experiment.happened == "34 min")
    }

    @Test("white space alone is no prediction")
    func hasPrediction() throws {
        func experiment(_ expected: String?) throws -> Experiment {
            try Experiment(target: target, step: "Move the cart", expected: expected, plannedOn: day("2026-11-10"))
        }
        #expect(try !experiment(" \n\t").hasPrediction)
        #expect(try !experiment(nil).hasPrediction)
        #expect(try !experiment("").hasPrediction)
        #expect(try experiment("Under 30 min").hasPrediction)
    }

    @Test("a coach cannot coach themselves and the 2nd coach is a third person")
    func cyclePeople() {
        let date = day("2026-11-20")
        #expect(
            thrownKataError { try CoachingCycle(date: date, coach: handle("ann"), learner: handle("ann")) }?.ruleText
                == "ann cannot coach themselves.")
        #expect(
            thrownKataError {
                try CoachingCycle(date: date, coach: handle("ann"), learner: handle("bob"), secondCoach: handle("bob"))
            }?.ruleText != nil)
        #expect(
            thrownKataError {
                try CoachingCycle(date: date, coach: handle("ann"), learner: handle("bob"), secondCoach: handle("ann"))
            }?.ruleText != nil)
    }

    @Test(
        "a cycle takes 0 to 1440 minutes", arguments: [(-1, false), (0, true), (20, true), (1440, true), (1441, false)])
    func cycleMinutes(minutes: Int, valid: Bool) {
        let error = thrownKataError {
            try CoachingCycle(date: day("2026-11-20"), coach: handle("ann"), learner: handle("bob"), minutes: minutes)
        }
        #expect((error == nil) == valid)
        if !valid { #expect(error?.invalidField == "minutes") }
    }

    @Test("an observer watches someone else coach")
    func observation() throws {
        #expect(
            thrownKataError {
                try Observation(date: day("2026-11-20"), secondCoach: handle("ann"), coach: handle("ann"))
            }?.ruleText != nil)
        let seen = try Observation(
            date: day("2026-11-20"), secondCoach: handle("cy"), coach: handle("ann"), focus: "Ask for the prediction")
        #expect(seen.focus == "Ask for the prediction")
    }

    @Test("a challenge needs a title and cannot be its own parent")
    func challenge() {
        let id = UUID()
        #expect(thrownKataError { try Challenge(title: "  ") }?.missingFields == ["title"])
        #expect(thrownKataError { try Challenge(id: id, title: "Flow", parent: id) }?.ruleText != nil)
    }

    @Test("a current condition needs a description")
    func currentCondition() throws {
        #expect(thrownKataError { try CurrentCondition(target: target, date: day("2026-11-20"), text: " ") } != nil)
        let condition = try CurrentCondition(
            target: target, date: day("2026-11-20"), text: "42 min changeover",
            metrics: [MetricValue(name: "changeover", value: 42, unit: "min")])
        #expect(condition.metrics.first?.value == 42)
    }
}
