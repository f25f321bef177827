import Foundation
import ImprovementKata
import KataStore

/// A `pairing` line: `id`*, `coach`*, `learner`*, `secondCoach`, `since`*, `until` (the last day,
/// inclusive).
public struct PairingRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "coach", "learner", "secondCoach", "since", "until"]

    public var id: UUID
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var since: Day
    public var until: Day?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a pairing")
        id = try fields.id("id")
        coach = try fields.handle("coach")
        learner = try fields.handle("learner")
        secondCoach = try fields.optionalHandle("secondCoach")
        since = try fields.day("since")
        until = try fields.optionalDay("until")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.pairing.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(coach, "coach")
        try fields.put(learner, "learner")
        try fields.put(secondCoach, "secondCoach")
        try fields.put(since, "since")
        try fields.put(until, "until")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> Pairing {
        try Pairing(id: id, coach: coach, learner: learner, secondCoach: secondCoach, since: since, until: until)
    }
}
