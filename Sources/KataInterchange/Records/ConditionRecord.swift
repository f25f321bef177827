import Foundation
import ImprovementKata
import KataStore

/// A `condition` line (a current-condition snapshot): `id`*, `target`*, `date`*, `text`*,
/// `metrics` (a list of `{name, value, unit}`).
public struct ConditionRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "target", "date", "text", "metrics"]

    public var id: UUID
    public var target: UUID
    public var date: Day
    public var text: String
    public var metrics: [MetricValueRecord]

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a condition")
        id = try fields.id("id")
        target = try fields.id("target")
        date = try fields.day("date")
        text = try fields.text("text")
        metrics = try fields.decodeIfPresent([MetricValueRecord].self, forKey: FieldKey("metrics")) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.condition.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(target, "target")
        try fields.put(date, "date")
        try fields.put(text, "text")
        if !metrics.isEmpty { try fields.encode(metrics, forKey: FieldKey("metrics")) }
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> CurrentCondition {
        try CurrentCondition(
            id: id, target: target, date: date, text: text,
            metrics: metrics.map { try MetricValue(name: $0.name, value: $0.value, unit: $0.unit) })
    }
}

/// A measured value of a condition line: `name`*, `value`* (a number), `unit`.
public struct MetricValueRecord: Codable, Hashable, Sendable {
    public var name: String
    public var value: Double
    public var unit: String?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: ["name", "value", "unit"], of: "a metric value")
        name = try fields.text("name")
        value = try fields.decode(Double.self, forKey: FieldKey("value"))
        unit = try fields.optionalText("unit")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(name, "name")
        try fields.encode(value, forKey: FieldKey("value"))
        try fields.put(unit, "unit")
    }
}
