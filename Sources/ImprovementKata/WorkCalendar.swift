import Foundation

/// The organisation's working days: a workweek (Monday to Friday by default) less holidays.
///
/// Practice is counted on workdays only: a missed Saturday is not a gap in a coach's practice,
/// and a cycle on a holiday counts as a cycle but not as a coached workday.
public struct WorkCalendar: Sendable, Equatable {
    /// The days of the week people work.
    public var workweek: Set<Weekday>
    /// Days off in the workweek.
    public var holidays: Set<Day>

    /// Monday to Friday.
    public static let mondayToFriday: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// A calendar with the given workweek and holidays.
    public init(workweek: Set<Weekday> = WorkCalendar.mondayToFriday, holidays: Set<Day> = []) {
        self.workweek = workweek
        self.holidays = holidays
    }

    /// Whether people work on `day`.
    public func isWorkday(_ day: Day) -> Bool {
        workweek.contains(day.weekday) && !holidays.contains(day)
    }

    /// The workdays of `period`, in order.
    public func workdays(in period: Period) -> [Day] {
        period.days.filter(isWorkday)
    }

    /// The last workday on or before `day`, not earlier than `limit`; nil if there is none.
    public func workday(onOrBefore day: Day, notBefore limit: Day) -> Day? {
        var current = day
        while current >= limit {
            if isWorkday(current) { return current }
            current = current.adding(days: -1)
        }
        return nil
    }

    /// Workdays strictly after `start` up to and including `end`.
    public func workdays(after start: Day, through end: Day) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkday(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Refuses a time zone that is not an IANA identifier, naming `field`.
    public static func requireTimeZone(_ identifier: String, field: String) throws {
        guard TimeZone(identifier: identifier) == nil else { return }
        throw KataError.invalidValue(
            field: field, value: identifier, expected: "an IANA time zone such as Europe/Berlin or America/Chicago")
    }

    /// Refuses a workweek without a working day: no day would be due, and the record's practice
    /// figures could not be worked out.
    public static func requireWorkweek(_ days: Set<Weekday>, field: String) throws {
        guard days.isEmpty else { return }
        throw KataError.invalidValue(
            field: field, value: "", expected: "at least one working day, such as mon-fri or mon,tue,wed,thu,fri,sat")
    }

    /// Parses a workweek such as `mon-fri`, `mon,tue,wed,thu,fri,sat` or `1-5`.
    public static func parseWorkweek(_ text: String) throws -> Set<Weekday> {
        let invalid = KataError.invalidValue(
            field: "workweek", value: text, expected: "days such as mon-fri or mon,tue,wed,thu,fri,sat")
        var days: Set<Weekday> = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { String($0).trimmingCharacters(in: .whitespaces) }
            switch bounds.count {
            case 1:
                guard let day = Weekday(name: bounds[0]) else { throw invalid }
                days.insert(day)
            case 2:
                guard let first = Weekday(name: bounds[0]), let last = Weekday(name: bounds[1]), first <= last
                else { throw invalid }
                for raw in first.rawValue...last.rawValue { days.insert(Weekday(rawValue: raw) ?? first) }
            default:
                throw invalid
            }
        }
        guard !days.isEmpty else { throw invalid }
        return days
    }

    /// The workweek written as `mon,tue,wed,thu,fri`.
    public static func describe(_ workweek: Set<Weekday>) -> String {
        workweek.sorted().map { $0.abbreviation.lowercased() }.joined(separator: ",")
    }
}
