import KataStore

/// What kind of work a unit of the demo plant does, and the improvement work a lean coach would
/// expect to find there: focus processes, target-condition patterns, metrics, obstacles and the
/// experiments run against them.
///
/// A `#` in a focus process or metric name is replaced by a station, line or machine number.
struct DemoUnitKind: Sendable {
    var name: String
    var focusProcesses: [String]
    /// Desired operating patterns: the text of a target condition.
    var patterns: [String]
    var outcomeMetrics: [DemoMetricTemplate]
    var processMetrics: [DemoMetricTemplate]
    var obstacles: [DemoObstacleTemplate]
    /// Whether the unit runs the plant's extra Saturday shifts.
    var worksExtraShifts: Bool
}

/// A metric of a target condition, with the ranges its starting value and its goal are drawn from.
///
/// A goal below the start means lower is better.
struct DemoMetricTemplate: Sendable {
    var name: String
    var unit: String
    var start: ClosedRange<Double>
    var goal: ClosedRange<Double>
    var decimals: Int = 0

    var lowerIsBetter: Bool { goal.upperBound < start.lowerBound }
}

/// An obstacle and the steps (experiments) a learner might take against it, each with what the
/// learner would expect.
struct DemoObstacleTemplate: Sendable {
    var text: String
    var steps: [DemoStep]
}

/// One step against an obstacle and its prediction.
struct DemoStep: Sendable {
    var step: String
    var expected: String

    init(_ step: String, _ expected: String) {
        self.step = step
        self.expected = expected
    }
}
