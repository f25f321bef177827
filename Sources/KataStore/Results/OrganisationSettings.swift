import Foundation
import ImprovementKata

/// The organisation's settings kept in the database: its time zone and working calendar.
public struct OrganisationSettings: Sendable, Equatable {
    /// The IANA time zone in which dates are counted (`Europe/Berlin`).
    public var timeZone: String
    /// The workweek and holidays.
    public var calendar: WorkCalendar

    public init(timeZone: String, calendar: WorkCalendar) {
        self.timeZone = timeZone
        self.calendar = calendar
    }

    /// Today's date in the organisation's time zone at the instant `now`.
    ///
    /// The zone's offset at `now` added to the seconds since 1970 gives the local wall time, whose
    /// whole days since 1970-01-01 are `Day.ordinal`: no `Calendar` is set up for it (every command
    /// asks once, at its start).
    public func today(at now: Date) -> Day {
        let zone = TimeZone(identifier: timeZone) ?? .current
        let local = now.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: now))
        return Day(ordinal: Int((local / 86_400).rounded(.down)))
    }
}
