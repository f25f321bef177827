import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@Suite("rules at their edges")
struct RuleEdgeTests {
    @Test("a 2nd coach cannot be the learner of the pairing")
    func secondCoachIsNotTheLearner() throws {
        let ann = try Handle(validating: "ann")
        let bo = try Handle(validating: "bo")
        #expect(throws: KataError.self) {
            try Pairing(coach: ann, learner: bo, secondCoach: bo, since: Day("2026-11-02")!)
        }
    }

    @Test("a target condition is missed only after its achieve-by day, not on it")
    func missedAfterTheDay() throws {
        var target = try TargetCondition(
            learner: Handle(validating: "bo"), focusProcess: "Station 4", condition: "52 s",
            achieveBy: Day("2026-12-18")!, createdOn: Day("2026-11-20")!)
        #expect(throws: KataError.self) { try target.close(as: .missed, on: Day("2026-12-18")!, reflection: nil) }
        try target.close(as: .missed, on: Day("2026-12-19")!, reflection: "Fixture never arrived")
        #expect(target.status == .missed)
        #expect(target.closedOn == Day("2026-12-19"))
    }

    @Test(
        "a measured value in scientific notation keeps its unit apart",
        arguments: [
            ("parts=1e3 pcs", 1000.0, "pcs"), ("cycle time=52 s", 52.0, "s"), ("cycle time=52s", 52.0, "s"),
        ])
    func scientificNotation(text: String, value: Double, unit: String) throws {
        let metric = try MetricValue(parsing: text, field: "--metric")
        #expect(metric.value == value)
        #expect(metric.unit == unit)
    }
}
