import ImprovementKata
import KataTestSupport
import Testing

@Suite("Target condition")
struct TargetConditionTests {
    func target(created: String = "2026-11-02", achieveBy: String = "2026-12-18") throws -> TargetCondition {
        try TargetCondition(
            learner: handle("bob"), focusProcess: " Line 3 changeover ", condition: "Changeover in 20 min, every time",
            achieveBy: day(achieveBy), outcomeMetrics: [Metric(name: "changeover", target: "20 min")],
            createdOn: day(created))
    }

    @Test("a new target condition is active with its focus process trimmed")
    func newTarget() throws {
        let target = try target()
        #expect(target.isActive)
        #expect(target.status == .active)
        #expect(target.focusProcess == "Line 3 changeover")
        #expect(target.closedOn == nil)
        #expect(target.amendments.isEmpty)
    }

    @Test("refuses an achieve-by date before the day it is set")
    func achieveByBeforeCreated() throws {
        let error = thrownKataError { try target(created: "2026-11-02", achieveBy: "2026-11-01") }
        #expect(error?.ruleText?.hasPrefix("the achieve-by date 2026-11-01 is before") == true)
        #expect(try target(created: "2026-11-02", achieveBy: "2026-11-02").achieveBy == day("2026-11-02"))
    }

    @Test("names every missing text")
    func missingTexts() {
        let error = thrownKataError {
            try TargetCondition(
                learner: handle("bob"), focusProcess: " ", condition: "", achieveBy: day("2026-12-01"),
                createdOn: day("2026-11-01"))
        }
        #expect(error?.missingFields == ["focus process", "condition"])
    }

    @Test("refuses a closing date on an active target and none on a closed one")
    func closingDateMatchesStatus() {
        #expect(
            thrownKataError {
                try TargetCondition(
                    learner: handle("bob"), focusProcess: "p", condition: "c", achieveBy: day("2026-12-01"),
                    createdOn: day("2026-11-01"), closedOn: day("2026-11-05"))
            }?.ruleText != nil)
        #expect(
            thrownKataError {
                try TargetCondition(
                    learner: handle("bob"), focusProcess: "p", condition: "c", achieveBy: day("2026-12-01"),
                    createdOn: day("2026-11-01"), status: .dropped)
            }?.ruleText != nil)
    }

    @Test("an amendment is appended and the original content stays")
    func amendAppends() throws {
        var target = try target()
        try target.amend(on: day("2026-11-09"), text: "Including the tool cart", outcomeMetrics: [])
        try target.amend(
            on: day("2026-11-16"), text: "  ", processMetrics: [Metric(name: "setup steps", target: "12")])
        try target.amend(on: day("2026-11-17"), text: "Also on night shift")
        #expect(target.condition == "Changeover in 20 min, every time")
        #expect(target.amendments.map(\.text) == ["Including the tool cart", "Also on night shift"])
        #expect(target.amendments.map(\.date) == [day("2026-11-09"), day("2026-11-17")])
        #expect(target.outcomeMetrics.map(\.name) == ["changeover"])
        #expect(target.processMetrics.map(\.name) == ["setup steps"])
        #expect(target.achieveBy == day("2026-12-18"))
    }

    @Test("an amendment must add something")
    func emptyAmendment() throws {
        var target = try target()
        #expect(thrownKataError { try target.amend(on: day("2026-11-09"), text: " ") }?.missingFields != nil)
        #expect(target.amendments.isEmpty)
    }

    @Test("a closed target condition cannot be amended")
    func amendClosed() throws {
        var target = try target()
        try target.close(as: .achieved, on: day("2026-12-01"), reflection: "Done early")
        let error = thrownKataError { try target.amend(on: day("2026-12-02"), text: "More") }
        #expect(error?.ruleText == "the target condition is achieved; only an active one can be amended.")
        #expect(target.amendments.isEmpty)
    }

    @Test("is missed only once its achieve-by date has passed")
    func missedAfterAchieveBy() throws {
        var early = try target()
        let error = thrownKataError { try early.close(as: .missed, on: day("2026-12-17"), reflection: nil) }
        #expect(error?.ruleText?.contains("(2026-12-18)") == true)
        #expect(early.isActive)
        var late = try target()
        try late.close(as: .missed, on: day("2026-12-19"), reflection: "Tooling came late")
        #expect(late.status == .missed)
        #expect(late.closedOn == day("2026-12-19"))
        #expect(late.reflection == "Tooling came late")
        var dropped = try target()
        try dropped.close(as: .dropped, on: day("2026-11-10"), reflection: " ")
        #expect(dropped.status == .dropped)
        #expect(dropped.reflection == nil)
    }

    @Test("is closed only once, and not as active")
    func closeTwice() throws {
        var target = try target()
        #expect(
            thrownKataError { try target.close(as: .active, on: day("2026-11-10"), reflection: nil) }?.isUsage == true)
        try target.close(as: .achieved, on: day("2026-11-20"), reflection: nil)
        let error = thrownKataError { try target.close(as: .dropped, on: day("2026-11-21"), reflection: nil) }
        #expect(error?.ruleText == "the target condition is already achieved.")
        #expect(target.status == .achieved)
        #expect(target.closedOn == day("2026-11-20"))
    }

    @Test("a closing or amending date before the target condition was set is refused")
    func closedOnNotBeforeCreated() throws {
        var target = try target()
        let closing = thrownKataError { try target.close(as: .dropped, on: day("2026-10-01"), reflection: nil) }
        #expect(closing?.ruleText == "the target condition was set on 2026-11-02; it cannot be closed on 2026-10-01.")
        let amending = thrownKataError { try target.amend(on: day("2026-11-01"), text: "More") }
        #expect(amending?.ruleText == "the target condition was set on 2026-11-02; it cannot be amended on 2026-11-01.")
        #expect(target.isActive)
        #expect(target.amendments.isEmpty)
    }
}

@Suite("Metrics")
struct MetricTests {
    @Test("parses a metric goal as name: target")
    func metric() throws {
        let metric = try Metric(parsing: "cycle time: 45 s", field: "--outcome")
        #expect(metric.name == "cycle time")
        #expect(metric.target == "45 s")
        #expect(metric.unit == nil)
        let ratio = try Metric(parsing: "first pass yield: 95 % : all shifts", field: "--outcome")
        #expect(ratio.name == "first pass yield")
        #expect(ratio.target == "95 % : all shifts")
        #expect(try Metric(parsing: "defects:", field: "--process").target == nil)
    }

    @Test("refuses a metric goal without a colon or a name")
    func badMetric() {
        #expect(
            thrownKataError { try Metric(parsing: "cycle time 45 s", field: "--outcome") }?.invalidField == "--outcome")
        #expect(
            thrownKataError { try Metric(parsing: " : 45 s", field: "--outcome") }?.missingFields == ["metric name"])
    }

    @Test(
        "parses a measured value as name=value with an optional unit",
        arguments: [
            ("cycle time=52 s", "cycle time", 52.0, "s"), ("cycle time=52", "cycle time", 52.0, nil),
            (" cycle time = 52.5 s ", "cycle time", 52.5, "s"), ("scrap=-3", "scrap", -3.0, nil),
            ("yield=95.5 %", "yield", 95.5, "%"),
        ] as [(String, String, Double, String?)])
    func metricValue(text: String, name: String, value: Double, unit: String?) throws {
        let parsed = try MetricValue(parsing: text, field: "--metric")
        #expect(parsed.name == name)
        #expect(parsed.value == value)
        #expect(parsed.unit == unit)
    }

    @Test(
        "refuses measured values it cannot read",
        arguments: ["cycle time: 45 s", "cycle time=fast", "cycle time=", "cycle time=.", "cycle time 52", "x=nan"])
    func badMetricValue(text: String) {
        #expect(thrownKataError { try MetricValue(parsing: text, field: "--metric") }?.invalidField == "--metric")
    }

    @Test("a measured value needs a name and a finite number")
    func metricValueRules() {
        #expect(
            thrownKataError { try MetricValue(parsing: "=52", field: "--metric") }?.missingFields == ["metric name"])
        #expect(thrownKataError { try MetricValue(name: "x", value: .infinity) }?.invalidField == "metric x")
    }
}
