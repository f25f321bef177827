import Foundation
import ImprovementKata
import KataStore

/// An `observation` line (a 2nd coach watching a coach): `id`*, `date`*, `secondCoach`*, `coach`*,
/// `cycle`, `notes`, `focus`, `trigger`.
public struct ObservationRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "date", "secondCoach", "coach", "cycle", "notes", "focus", "trigger"]

    public var id: UUID
    public var date: Day
    public var secondCoach: Handle
    public var coach: Handle
    public var cycle: UUID?
    public var notes: String?
    public var focus: String?
    public var trigger: String?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "an observation")
        id = try fields.id("id")
        date = try fields.day("date")
        secondCoach = try fields.handle("secondCoach")
        coach = try fields.handle("coach")
        cycle = try fields.optionalID("cycle")
        notes = try fields.optionalText("notes")
        focus = try fields.optionalText("focus")
        trigger = try fields.optionalText("trigger")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.observation.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(date, "date")
        try fields.put(secondCoach, "secondCoach")
        try fields.put(coach, "coach")
        try fields.put(cycle, "cycle")
        try fields.put(notes, "notes")
        try fields.put(focus, "focus")
        try fields.put(trigger, "trigger")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> Observation {
        try Observation(
            id: id, date: date, secondCoach: secondCoach, coach: coach, cycle: cycle, notes: notes, focus: focus,
            trigger: trigger)
    }
}
