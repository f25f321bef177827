import ImprovementKata

/// The days a coach is expected to coach: from the earliest `since` of their pairings as coach
/// to the latest `until`, open while any pairing is open (DESIGN §6).
///
/// A coach without pairings is taken to coach from their first ever cycle on, with no end: the
/// figures then measure the practice they chose to start.
///
/// ```swift
/// let span = ActiveSpan(start: Day("2026-09-14")!, end: nil)
/// span.contains(Day("2026-11-20")!)  // true
/// ```
public struct ActiveSpan: Sendable, Equatable {
    /// The first day of the span.
    public var start: Day
    /// The last day of the span (inclusive); nil while it is open.
    public var end: Day?

    public init(start: Day, end: Day? = nil) {
        self.start = start
        self.end = end
    }

    /// The span of a coach: from their pairings when they have any, else from their first cycle.
    ///
    /// - Parameters:
    ///   - pairedSince: the earliest `since` of the coach's pairings, nil without pairings.
    ///   - pairedUntil: the latest `until` of those pairings, nil when any of them is open.
    ///   - firstCycle: the date of the coach's first ever cycle.
    public static func of(pairedSince: Day?, pairedUntil: Day?, firstCycle: Day?) -> ActiveSpan? {
        if let pairedSince { return ActiveSpan(start: pairedSince, end: pairedUntil) }
        return firstCycle.map { ActiveSpan(start: $0, end: nil) }
    }

    /// Whether `day` lies in the span.
    public func contains(_ day: Day) -> Bool {
        start <= day && (end.map { day <= $0 } ?? true)
    }
}
