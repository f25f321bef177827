import ImprovementKata

/// Changes to the organisation's settings (`kata init`); nil and empty leave a setting as it is.
public struct SettingsChange: Sendable, Equatable {
    /// The IANA time zone in which dates are counted.
    public var timeZone: String?
    /// The days of the workweek.
    public var workweek: Set<Weekday>?
    public var addHolidays: [Day]
    public var removeHolidays: [Day]

    public init(
        timeZone: String? = nil, workweek: Set<Weekday>? = nil, addHolidays: [Day] = [], removeHolidays: [Day] = []
    ) {
        self.timeZone = timeZone
        self.workweek = workweek
        self.addHolidays = addHolidays
        self.removeHolidays = removeHolidays
    }
}
