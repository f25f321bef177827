import Foundation
import ImprovementKata
import KataStore

/// An `obstacle` line: `id`*, `target`*, `text`*, `status`, `createdOn`, `closedOn`.
///
/// Left out, `status` is `parked` and `createdOn` is today (or `closedOn` when that is earlier)
/// for a new obstacle; an existing one is compared as it stands.
public struct ObstacleRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "target", "text", "status", "createdOn", "closedOn"]

    public var id: UUID
    public var target: UUID
    public var text: String
    public var status: Obstacle.Status?
    public var createdOn: Day?
    public var closedOn: Day?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "an obstacle")
        id = try fields.id("id")
        target = try fields.id("target")
        text = try fields.text("text")
        status = try fields.optionalCase("status", Obstacle.Status.self)
        createdOn = try fields.optionalDay("createdOn")
        closedOn = try fields.optionalDay("closedOn")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.obstacle.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(target, "target")
        try fields.put(text, "text")
        try fields.put(status?.rawValue, "status")
        try fields.put(createdOn, "createdOn")
        try fields.put(closedOn, "closedOn")
    }

    static let allowed = Set(fields + ["kind"])

    /// The obstacle the line describes; `today` stands in for a missing `createdOn`.
    package func value(today: Day) throws -> Obstacle {
        try Obstacle(
            id: id, target: target, text: text, status: status ?? .parked,
            createdOn: createdOn ?? min(today, closedOn ?? today), closedOn: closedOn)
    }
}
