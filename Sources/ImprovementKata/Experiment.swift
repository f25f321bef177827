import Foundation

/// One row of the experimenting record: one PDCA cycle against an obstacle.
///
/// The step and what the learner expects are written first; what happened and what was learned
/// come after the step is taken. The prediction cannot be changed once the result is in.
public struct Experiment: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var target: UUID
    public var obstacle: UUID?
    /// The next step: the experiment.
    public var step: String
    /// What the learner expects to happen: the prediction.
    public var expected: String?
    public var plannedOn: Day
    /// When we can go and see what we have learned from taking the step.
    public var goSee: Day?
    public var happened: String?
    public var learned: String?
    /// Whether what happened was what the learner expected (asked with the result).
    public var asExpected: AsExpected?
    public var closedOn: Day?

    public init(
        id: UUID = UUID(), target: UUID, obstacle: UUID? = nil, step: String, expected: String? = nil, plannedOn: Day,
        goSee: Day? = nil, happened: String? = nil, learned: String? = nil, asExpected: AsExpected? = nil,
        closedOn: Day? = nil
    ) throws {
        guard !step.isBlank else { throw KataError.missing(fields: ["next step"], hint: "Say what the next step is.") }
        if let goSee { try Experiment.validate(goSee: goSee, plannedOn: plannedOn) }
        if let closedOn, closedOn < plannedOn {
            throw KataError.ruleBroken("the step is reviewed (\(closedOn)) before it was planned (\(plannedOn)).")
        }
        if asExpected != nil && closedOn == nil {
            throw KataError.ruleBroken("whether the step went as expected is known only once it is reviewed.")
        }
        self.id = id
        self.target = target
        self.obstacle = obstacle
        self.step = step
        self.expected = expected
        self.plannedOn = plannedOn
        self.goSee = goSee
        self.happened = happened
        self.learned = learned
        self.asExpected = asExpected
        self.closedOn = closedOn
    }

    /// Throws when the go-see date `goSee` is before the day the step is planned.
    public static func validate(goSee: Day, plannedOn: Day) throws {
        if goSee < plannedOn {
            throw KataError.ruleBroken("the go-see date \(goSee) is before the step is planned (\(plannedOn)).")
        }
    }

    /// Whether the result of the step has been recorded.
    public var isClosed: Bool { closedOn != nil }

    /// Whether the learner wrote a prediction (white space alone is none).
    public var hasPrediction: Bool { expected.nonBlank != nil }

    /// Records what happened, whether it was expected and what was learned, closing the experiment.
    public mutating func close(on day: Day, happened: String?, learned: String?, asExpected: AsExpected? = nil) throws {
        guard !isClosed else { throw KataError.ruleBroken("the step '\(step)' has been reviewed already.") }
        guard day >= plannedOn else {
            throw KataError.ruleBroken("the step was planned on \(plannedOn); it cannot be reviewed on \(day).")
        }
        self.happened = happened.nonBlank
        self.learned = learned.nonBlank
        self.asExpected = asExpected
        closedOn = day
    }
}
