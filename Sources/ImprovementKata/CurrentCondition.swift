import Foundation

/// A dated snapshot of the actual condition now, for one target condition: what was seen and the
/// metric values measured.
public struct CurrentCondition: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var target: UUID
    public var date: Day
    public var text: String
    public var metrics: [MetricValue]

    public init(id: UUID = UUID(), target: UUID, date: Day, text: String, metrics: [MetricValue] = []) throws {
        guard !text.isBlank else {
            throw KataError.missing(fields: ["--text"], hint: "Describe the actual condition now, as observed.")
        }
        self.id = id
        self.target = target
        self.date = date
        self.text = text
        self.metrics = metrics
    }
}
