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
    public func today(at now: Date) -> Day {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: timeZone) ?? .current
        let parts = gregorian.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
