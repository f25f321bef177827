import CoachTheCoaches
import Foundation
import ImprovementKata

/// The period of a packet laid out as a calendar: weekdays as rows (Monday first), ISO weeks as
/// columns, each day with its cycles; the heatmap of the HTML packet and the text calendar of the
/// Markdown one, and the heatmap of the web app's coach page.
struct CoachedDaysCalendar {
    /// What a day of the calendar shows.
    enum Cell: Equatable {
        /// The day lies outside the period.
        case outside
        /// A workday with `cycles` cycles (0: not coached).
        case workday(cycles: Int)
        /// A weekend day or holiday with `cycles` cycles.
        case dayOff(cycles: Int)
    }

    let period: ReviewPeriod
    let weeks: [ISOWeek]
    private let cycles: [Day: Int]
    private let calendar: ReviewCalendar

    init(_ packet: ReviewPacket) { self.init(PracticeChart(packet)) }

    init(_ chart: PracticeChart) {
        period = chart.period
        calendar = chart.calendar
        cycles = Dictionary(chart.dailyCycles.map { ($0.date, $0.cycles) }, uniquingKeysWith: +)
        var weeks: [ISOWeek] = []
        var monday = ISOWeek(containing: chart.period.from).monday
        while monday <= chart.period.to {
            weeks.append(ISOWeek(containing: monday))
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
    }

    /// The day of `week` on `weekday`.
    func day(_ week: ISOWeek, _ weekday: Weekday) -> Day {
        week.monday.adding(days: weekday.rawValue - 1)
    }

    /// What the day of `week` on `weekday` shows.
    func cell(_ week: ISOWeek, _ weekday: Weekday) -> Cell {
        let date = day(week, weekday)
        guard period.from <= date && date <= period.to else { return .outside }
        let count = cycles[date, default: 0]
        // Workdays outside the coach's pairings are not counted, so they show as days off.
        return calendar.isCountedWorkday(date) ? .workday(cycles: count) : .dayOff(cycles: count)
    }

    /// Whether any day of the period on `weekday` is a workday or has a cycle; other rows (a free
    /// Sunday) are left out to save space.
    func showsRow(_ weekday: Weekday) -> Bool {
        calendar.workweek.contains(weekday.rawValue)
            || weeks.contains { week in
                if case .dayOff(let count) = cell(week, weekday) { return count > 0 }
                return false
            }
    }

    /// The rows shown, Monday first.
    var rows: [Weekday] { Weekday.allCases.filter(showsRow) }

    /// The month label over each week where a month starts (the first week holds the period's
    /// first month).
    func monthLabel(_ index: Int) -> String? {
        let week = weeks[index]
        let first = max(week.monday, period.from)
        let last = min(week.sunday, period.to)
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if index == 0 { return names[first.components.month - 1] }
        for date in first...last where date.components.day == 1 {
            return names[date.components.month - 1]
        }
        return nil
    }
}
