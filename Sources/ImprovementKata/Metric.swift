/// An outcome or process metric of a target condition: what is measured and the value aimed for.
///
/// The goal is text because practitioners write it that way (`≤ 45 s`, `95 %`, `0 defects`).
/// Written on the command line as `"name: goal"`, with an optional unit after the goal's number.
public struct Metric: Hashable, Sendable, Codable {
    public var name: String
    /// The value aimed for.
    public var target: String?
    public var unit: String?

    public init(name: String, target: String? = nil, unit: String? = nil) throws {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty else {
            throw KataError.missing(fields: ["metric name"], hint: "Write it as \"name: target\".")
        }
        self.name = trimmed
        self.target = target.nonBlank?.trimmed
        self.unit = unit.nonBlank?.trimmed
    }

    /// Parses `"lead time: 45 s"` (name, then the goal after the first colon).
    public init(parsing text: String, field: String) throws {
        guard let colon = text.firstIndex(of: ":") else {
            throw KataError.invalidValue(
                field: field, value: text, expected: "\"name: target\", for example \"cycle time: 45 s\"")
        }
        try self.init(name: String(text[..<colon]), target: String(text[text.index(after: colon)...]))
    }
}

/// A measured value of a metric in a current-condition snapshot.
public struct MetricValue: Hashable, Sendable, Codable {
    public var name: String
    public var value: Double
    public var unit: String?

    public init(name: String, value: Double, unit: String? = nil) throws {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty else {
            throw KataError.missing(fields: ["metric name"], hint: "Write it as name=value.")
        }
        guard value.isFinite else {
            throw KataError.invalidValue(field: "metric \(trimmed)", value: "\(value)", expected: "a number")
        }
        self.name = trimmed
        self.value = value
        self.unit = unit.nonBlank?.trimmed
    }

    /// Parses `"cycle time=52"` or `"cycle time=52 s"` (a number, then an optional unit).
    public init(parsing text: String, field: String) throws {
        let invalid = KataError.invalidValue(
            field: field, value: text, expected: "name=value, for example \"cycle time=52 s\"")
        guard let equals = text.firstIndex(of: "=") else { throw invalid }
        let rest = text[text.index(after: equals)...].trimmed
        let firstWord = rest.prefix { !$0.isWhitespace }
        let numberPart = Double(firstWord) != nil ? firstWord : rest.prefix { $0.isNumber || ".-+".contains($0) }
        guard let value = Double(numberPart), value.isFinite else { throw invalid }
        let unit = rest.dropFirst(numberPart.count).trimmed
        try self.init(name: String(text[..<equals]), value: value, unit: unit.isEmpty ? nil : unit)
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
