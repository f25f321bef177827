/// An ISO 8601 week: weeks start on Monday and week 1 is the week holding the year's first
/// Thursday, so 2026-12-31 is in 2026-W53 and 2027-01-04 starts 2027-W01.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (not always the calendar year of every day in the week).
    public let year: Int
    /// The week number, 1 to 52 or 53.
    public let week: Int

    /// The week that holds `day`.
    public init(containing day: Day) {
        let thursday = day.adding(days: 4 - day.weekday.rawValue)
        year = thursday.year
        let januaryFirst = Day.ordinal(year: year, month: 1, day: 1)
        week = (thursday.ordinal - januaryFirst) / 7 + 1
    }

    /// The week `week` of ISO year `year`, or nil when the year has no such week.
    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// How many ISO weeks `year` has: 52 or 53.
    public static func weeks(in year: Int) -> Int {
        guard let december28 = Day(year: year, month: 12, day: 28) else { return 52 }
        return ISOWeek(containing: december28).week
    }

    /// The Monday that starts the week.
    public var monday: Day {
        let january4 = Day(ordinal: Day.ordinal(year: year, month: 1, day: 4))
        let firstMonday = january4.adding(days: 1 - january4.weekday.rawValue)
        return firstMonday.adding(days: (week - 1) * 7)
    }

    /// The Sunday that ends the week.
    public var sunday: Day { monday.adding(days: 6) }

    /// The week as `2026-W47`.
    public var description: String { "\(year)-W" + String(week).leftPadded(to: 2) }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}
