import Foundation

/// An inclusive range of days, [from, to], over which the kata counts practice.
///
/// Written as `--from DATE --to DATE`, or as one of `2026`, `2026-H2`, `2026-Q3`, `2026-09`,
/// `2026-W38`.
///
/// ```swift
/// let q3 = try Period(parsing: "2026-Q3")  // 2026-07-01 … 2026-09-30
/// q3.contains(Day("2026-08-15")!)          // true
/// ```
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// The first day of the period.
    public let from: Day
    /// The last day of the period (inclusive).
    public let to: Day

    /// A period from `from` to `to`; throws when `to` is earlier than `from`.
    public init(from: Day, to: Day) throws {
        guard from <= to else {
            throw KataError.usage("the period ends (\(to)) before it starts (\(from)); give --to on or after --from.")
        }
        self.from = from
        self.to = to
    }

    /// Parses `2026`, `2026-H2`, `2026-Q3`, `2026-09` or `2026-W38`.
    public init(parsing text: String) throws {
        let invalid = KataError.invalidValue(
            field: "period", value: text, expected: "2026, 2026-H2, 2026-Q3, 2026-09 or 2026-W38")
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), year >= 1, year <= 9998
        else { throw invalid }
        func monthRange(_ first: Int, _ last: Int) throws -> Period {
            guard let start = Day(year: year, month: first, day: 1),
                let end = Day(year: year, month: last, day: Day.daysIn(month: last, year: year))
            else { throw invalid }
            return try Period(from: start, to: end)
        }
        if parts.count == 1 {
            self = try monthRange(1, 12)
            return
        }
        guard parts.count == 2 else { throw invalid }
        let rest = parts[1]
        if rest.hasPrefix("H"), rest.count == 2, let half = Int(rest.dropFirst()), (1...2).contains(half) {
            self = try monthRange(half * 6 - 5, half * 6)
        } else if rest.hasPrefix("Q"), rest.count == 2, let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            self = try monthRange(quarter * 3 - 2, quarter * 3)
        } else if rest.hasPrefix("W"), rest.count == 3, let number = Int(rest.dropFirst()),
            let week = ISOWeek(year: year, week: number)
        {
            self = try Period(from: week.monday, to: week.sunday)
        } else if rest.count == 2, rest.allSatisfy(\.isNumber), let month = Int(rest), (1...12).contains(month) {
            self = try monthRange(month, month)
        } else {
            throw invalid
        }
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    /// Every day of the period, in order.
    public var days: ClosedRange<Day> { from...to }

    /// Calendar days in the period.
    public var length: Int { from.days(to: to) + 1 }

    /// The ISO weeks that meet the period, in order.
    public var weeks: [ISOWeek] {
        var result: [ISOWeek] = []
        var monday = ISOWeek(containing: from).monday
        while monday <= to {
            result.append(ISOWeek(containing: monday))
            monday = monday.adding(days: 7)
        }
        return result
    }

    /// `2026-09-01..2026-11-30`.
    public var description: String { "\(from)..\(to)" }

    /// The last `weeks` full ISO weeks before the week holding `today`.
    public static func lastFullWeeks(_ weeks: Int, before today: Day) -> Period {
        let thisMonday = ISOWeek(containing: today).monday
        let from = thisMonday.adding(days: -7 * weeks)
        return Period(uncheckedFrom: from, to: thisMonday.adding(days: -1))
    }

    init(uncheckedFrom from: Day, to: Day) {
        self.from = from
        self.to = to
    }
}
