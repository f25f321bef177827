import Foundation
import ImprovementKata
import KataStore

/// A `target` line: `id`*, `learner`*, `focusProcess`*, `condition`*, `achieveBy`*, `challenge`,
/// `outcomeMetrics`, `processMetrics` (lists of `{name, target, unit}`), `status`, `createdOn`,
/// and, so that a round trip loses nothing, `closedOn`, `reflection` and `amendments` (a list of
/// `{date, text}`).
///
/// Left out, `status` is `active` and `createdOn` is today (or the achieve-by date when that is
/// earlier) for a new target condition; an existing one is compared as it stands.
public struct TargetRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = [
        "id", "learner", "focusProcess", "condition", "achieveBy", "challenge", "outcomeMetrics", "processMetrics",
        "status", "createdOn", "closedOn", "reflection", "amendments",
    ]

    public var id: UUID
    public var learner: Handle
    public var focusProcess: String
    public var condition: String
    public var achieveBy: Day
    public var challenge: UUID?
    public var outcomeMetrics: [MetricRecord]
    public var processMetrics: [MetricRecord]
    public var status: TargetCondition.Status?
    public var createdOn: Day?
    public var closedOn: Day?
    public var reflection: String?
    public var amendments: [AmendmentRecord]

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a target")
        id = try fields.id("id")
        learner = try fields.handle("learner")
        focusProcess = try fields.text("focusProcess")
        condition = try fields.text("condition")
        achieveBy = try fields.day("achieveBy")
        challenge = try fields.optionalID("challenge")
        outcomeMetrics = try fields.decodeIfPresent([MetricRecord].self, forKey: FieldKey("outcomeMetrics")) ?? []
        processMetrics = try fields.decodeIfPresent([MetricRecord].self, forKey: FieldKey("processMetrics")) ?? []
        status = try fields.optionalCase("status", TargetCondition.Status.self)
        createdOn = try fields.optionalDay("createdOn")
        closedOn = try fields.optionalDay("closedOn")
        reflection = try fields.optionalText("reflection")
        amendments = try fields.decodeIfPresent([AmendmentRecord].self, forKey: FieldKey("amendments")) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.target.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(learner, "learner")
        try fields.put(focusProcess, "focusProcess")
        try fields.put(condition, "condition")
        try fields.put(achieveBy, "achieveBy")
        try fields.put(challenge, "challenge")
        if !outcomeMetrics.isEmpty { try fields.encode(outcomeMetrics, forKey: FieldKey("outcomeMetrics")) }
        if !processMetrics.isEmpty { try fields.encode(processMetrics, forKey: FieldKey("processMetrics")) }
        try fields.put(status?.rawValue, "status")
        try fields.put(createdOn, "createdOn")
        try fields.put(closedOn, "closedOn")
        try fields.put(reflection, "reflection")
        if !amendments.isEmpty { try fields.encode(amendments, forKey: FieldKey("amendments")) }
    }

    static let allowed = Set(fields + ["kind"])

    /// The target condition the line describes; `today` stands in for a missing `createdOn`.
    package func value(today: Day) throws -> TargetCondition {
        try TargetCondition(
            id: id, learner: learner, focusProcess: focusProcess, condition: condition, achieveBy: achieveBy,
            challenge: challenge, outcomeMetrics: outcomeMetrics.map { try $0.value() },
            processMetrics: processMetrics.map { try $0.value() }, createdOn: createdOn ?? min(today, achieveBy),
            status: status ?? .active, closedOn: closedOn, reflection: reflection,
            amendments: amendments.map { TargetCondition.Amendment(date: $0.date, text: $0.text) })
    }
}

/// An outcome or process metric of a target line: `name`*, `target` (the value aimed for), `unit`.
public struct MetricRecord: Codable, Hashable, Sendable {
    public var name: String
    public var target: String?
    public var unit: String?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: ["name", "target", "unit"], of: "a metric")
        name = try fields.text("name")
        target = try fields.optionalText("target")
        unit = try fields.optionalText("unit")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(name, "name")
        try fields.put(target, "target")
        try fields.put(unit, "unit")
    }

    package func value() throws -> Metric { try Metric(name: name, target: target, unit: unit) }
}

/// A dated amendment of a target line: `date`*, `text`*.
public struct AmendmentRecord: Codable, Hashable, Sendable {
    public var date: Day
    public var text: String

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: ["date", "text"], of: "an amendment")
        date = try fields.day("date")
        text = try fields.text("text")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(date, "date")
        try fields.put(text, "text")
    }
}
