import ImprovementKata
import KataStore

/// The calendar figures of one coach's practice: workdays, coached days, cadence, streaks, gaps
/// and the weekly series, as DESIGN §6 defines them.
public struct PracticeFigures: Sendable, Equatable {
    /// Cycles dated in the period, on any day.
    public var cycles: Int
    /// Workdays of the period within the coach's active span.
    public var workdays: Int
    /// Those workdays with at least one cycle.
    public var coachedDays: Int
    /// coachedDays / workdays; 0 when there are no workdays.
    public var cadence: Double
    public var longestStreak: Int
    public var currentStreak: Int
    public var longestGap: Int
    public var weekly: [WeeklyPractice]
}

/// Turns per-day cycle counts into the practice figures: a pure function of the counts, the
/// organisation's calendar, the coach's active span and the period.
///
/// The calendar of the period (which days are workdays, which ISO week each day is in) is worked
/// out once in `init`, so that the figures of thousands of coaches cost one pass over each
/// coach's days.
///
/// ```swift
/// let calculator = PracticeCalculator(period: try Period(parsing: "2026-11"), calendar: WorkCalendar())
/// let figures = calculator.figures(
///     dailyCycles: [Day("2026-11-02")!: 2, Day("2026-11-03")!: 1],
///     span: ActiveSpan(start: Day("2026-01-05")!))
/// figures.coachedDays  // 2
/// ```
public struct PracticeCalculator: Sendable {
    /// The period counted.
    public let period: Period
    /// The workweek and holidays.
    public let calendar: WorkCalendar
    private let isWorkday: [Bool]
    private let weekOfDay: [Int]
    private let weeks: [ISOWeek]

    public init(period: Period, calendar: WorkCalendar) {
        self.period = period
        self.calendar = calendar
        isWorkday = period.days.map(calendar.isWorkday)
        weeks = period.weeks
        let firstMonday = ISOWeek(containing: period.from).monday
        weekOfDay = period.days.map { firstMonday.days(to: $0) / 7 }
    }

    /// The figures for cycle counts given per day; days outside the period are ignored.
    public func figures(dailyCycles: [Day: Int], span: ActiveSpan?) -> PracticeFigures {
        var counts = [Int](repeating: 0, count: period.length)
        for (day, count) in dailyCycles where period.contains(day) {
            counts[period.from.days(to: day)] += count
        }
        return figures(counts: counts, span: span)
    }

    /// The figures for `counts`, the cycles on each day of the period in order (`counts[0]` is
    /// the first day); `span` nil means the coach has no workdays at all.
    public func figures(counts: [Int], span: ActiveSpan?) -> PracticeFigures {
        precondition(counts.count == period.length, "one count per day of the period")
        var weekly = weeks.map { WeeklyPractice(week: $0.description, cycles: 0, coachedDays: 0) }
        var cycles = 0
        for (offset, count) in counts.enumerated() where count > 0 {
            cycles += count
            weekly[weekOfDay[offset]].cycles += count
        }
        guard let (first, last) = spanOffsets(span) else {
            return PracticeFigures(
                cycles: cycles, workdays: 0, coachedDays: 0, cadence: 0, longestStreak: 0, currentStreak: 0,
                longestGap: 0, weekly: weekly)
        }
        var workdays = 0
        var coachedDays = 0
        var streak = 0
        var gap = 0
        var longestStreak = 0
        var longestGap = 0
        for offset in first...last where isWorkday[offset] {
            workdays += 1
            weekly[weekOfDay[offset]].workdays += 1
            if counts[offset] > 0 {
                coachedDays += 1
                weekly[weekOfDay[offset]].coachedDays += 1
                streak += 1
                gap = 0
                longestStreak = max(longestStreak, streak)
            } else {
                gap += 1
                streak = 0
                longestGap = max(longestGap, gap)
            }
        }
        return PracticeFigures(
            cycles: cycles, workdays: workdays, coachedDays: coachedDays,
            cadence: workdays == 0 ? 0 : Double(coachedDays) / Double(workdays), longestStreak: longestStreak,
            currentStreak: currentStreak(counts, first: first, last: last), longestGap: longestGap, weekly: weekly)
    }

    /// The offsets of the first and last day of the period inside `span`; nil when they do not meet.
    private func spanOffsets(_ span: ActiveSpan?) -> (Int, Int)? {
        guard let span else { return nil }
        let first = max(period.from, span.start)
        let last = min(period.to, span.end ?? period.to)
        guard first <= last else { return nil }
        return (period.from.days(to: first), period.from.days(to: last))
    }

    /// Workdays with a cycle counted back from the last workday; that day itself may still be
    /// without a cycle (it may not be over), and the count stops at the start of the period.
    private func currentStreak(_ counts: [Int], first: Int, last: Int) -> Int {
        var offset = last
        while offset >= first && !isWorkday[offset] { offset -= 1 }
        guard offset >= first else { return 0 }
        if counts[offset] == 0 { offset -= 1 }
        var streak = 0
        while offset >= first {
            if isWorkday[offset] {
                guard counts[offset] > 0 else { break }
                streak += 1
            }
            offset -= 1
        }
        return streak
    }
}
