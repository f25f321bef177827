import Foundation
import ImprovementKata
import KataStore

/// An `experiment` line (one row of the experimenting record): `id`*, `target`*, `obstacle`,
/// `step`*, `expected`, `plannedOn`*, `goSee`, `happened`, `asExpected` (`yes` `partly` `no`), `learned`,
/// `closedOn`.
public struct ExperimentRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = [
        "id", "target", "obstacle", "step", "expected", "plannedOn", "goSee", "happened", "asExpected", "learned",
        "closedOn",
    ]

    public var id: UUID
    public var target: UUID
    public var obstacle: UUID?
    public var step: String
    public var expected: String?
    public var plannedOn: Day
    public var goSee: Day?
    public var happened: String?
    /// Whether the result was what the learner expected; added after version 1 first shipped, so optional.
    public var asExpected: AsExpected?
    public var learned: String?
    public var closedOn: Day?

    package init(
        id: UUID, target: UUID, obstacle: UUID?, step: String, expected: String?, plannedOn: Day, goSee: Day?,
        happened: String?, asExpected: AsExpected? = nil, learned: String?, closedOn: Day?
    ) {
        self.id = id
        self.target = target
        self.obstacle = obstacle
        self.step = step
        self.expected = expected
        self.plannedOn = plannedOn
        self.goSee = goSee
        self.happened = happened
        self.asExpected = asExpected
        self.learned = learned
        self.closedOn = closedOn
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "an experiment")
        id = try fields.id("id")
        target = try fields.id("target")
        obstacle = try fields.optionalID("obstacle")
        step = try fields.text("step")
        expected = try fields.optionalText("expected")
        plannedOn = try fields.day("plannedOn")
        goSee = try fields.optionalDay("goSee")
        happened = try fields.optionalText("happened")
        asExpected = try fields.optionalCase("asExpected", AsExpected.self)
        learned = try fields.optionalText("learned")
        closedOn = try fields.optionalDay("closedOn")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.experiment.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(target, "target")
        try fields.put(obstacle, "obstacle")
        try fields.put(step, "step")
        try fields.put(expected, "expected")
        try fields.put(plannedOn, "plannedOn")
        try fields.put(goSee, "goSee")
        try fields.put(happened, "happened")
        try fields.put(asExpected?.rawValue, "asExpected")
        try fields.put(learned, "learned")
        try fields.put(closedOn, "closedOn")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> Experiment {
        try Experiment(
            id: id, target: target, obstacle: obstacle, step: step, expected: expected, plannedOn: plannedOn,
            goSee: goSee, happened: happened, learned: learned, asExpected: asExpected, closedOn: closedOn)
    }
}
