import Foundation

/// A coaching relationship: a coach, a learner and optionally a 2nd coach who watches the coach,
/// from `since` to `until` (the last day, inclusive; open while nil).
public struct Pairing: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var since: Day
    public var until: Day?

    /// A pairing; throws when someone would coach themselves or the dates are reversed.
    public init(
        id: UUID = UUID(), coach: Handle, learner: Handle, secondCoach: Handle? = nil, since: Day, until: Day? = nil
    ) throws {
        guard coach != learner else {
            throw KataError.ruleBroken(
                "\(coach) cannot coach themselves; a pairing needs a coach and a different learner.")
        }
        guard secondCoach != coach, secondCoach != learner else {
            throw KataError.ruleBroken(
                "the 2nd coach watches the coach, so it must be someone other than \(coach) and \(learner).")
        }
        if let until, until < since {
            throw KataError.ruleBroken("the pairing ends (\(until)) before it starts (\(since)).")
        }
        self.id = id
        self.coach = coach
        self.learner = learner
        self.secondCoach = secondCoach
        self.since = since
        self.until = until
    }

    /// Whether the pairing is in force on `day`.
    public func isActive(on day: Day) -> Bool {
        since <= day && (until.map { day <= $0 } ?? true)
    }

    /// Whether the pairing is in force on any day of `period`.
    public func overlaps(_ period: Period) -> Bool {
        since <= period.to && (until.map { $0 >= period.from } ?? true)
    }
}
