import Foundation

/// A 2nd coach's record of watching a coach run a coaching cycle: what was observed, one focus
/// point for the coach to practise, and the trigger (the moment to apply it).
public struct Observation: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var date: Day
    public var secondCoach: Handle
    public var coach: Handle
    public var cycle: UUID?
    public var notes: String?
    public var focus: String?
    public var trigger: String?

    public init(
        id: UUID = UUID(), date: Day, secondCoach: Handle, coach: Handle, cycle: UUID? = nil, notes: String? = nil,
        focus: String? = nil, trigger: String? = nil
    ) throws {
        guard secondCoach != coach else {
            throw KataError.ruleBroken(
                "\(coach) cannot be their own 2nd coach; the observer watches someone else coach.")
        }
        self.id = id
        self.date = date
        self.secondCoach = secondCoach
        self.coach = coach
        self.cycle = cycle
        self.notes = notes
        self.focus = focus
        self.trigger = trigger
    }
}
