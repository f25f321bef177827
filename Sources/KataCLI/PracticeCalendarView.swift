import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

/// A calendar heatmap of one coach's cycles, like a contribution graph: one row per weekday, one
/// column per ISO week of the period, each cell shaded by the cycles of that day.
struct PracticeCalendarView {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let shades = ["░", "▒", "▓", "█"]

    var summary: PracticeSummary
    /// The period asked for, which the calendar shows.
    var period: Period
    /// The day counted to when the period reaches past today; later days are left blank.
    var until: Day?
    var calendar: WorkCalendar
    var style: TerminalStyle

    var text: String {
        let weeks = period.weeks
        let label = 5
        // Two characters per week look square in a terminal; a long period gets one.
        let cell = label + weeks.count * 2 <= PracticeTextView.width ? 2 : 1
        var lines = ["\(summary.coach) (\(summary.name))", "Coaching cycles from \(period.from) to \(period.to)"]
        if let until { lines.append(Period.notOverSentence(until: until)) }
        lines.append("")
        lines.append(String(repeating: " ", count: label) + monthHeader(weeks, cell: cell).trimmedTrailing)
        for weekday in Weekday.allCases {
            var row = weekday.abbreviation.padded(to: label)
            for week in weeks {
                let day = week.monday.adding(days: weekday.rawValue - 1)
                row += mark(day) + String(repeating: " ", count: cell - 1)
            }
            lines.append(row.trimmedTrailing)
        }
        lines.append("")
        var legend = style.paint("·", .dim) + " workday without a cycle  "
        for (index, shade) in Self.shades.enumerated() {
            legend += " " + style.paint(shade, .green) + " \(index + 1)" + (index == Self.shades.count - 1 ? "+" : "")
        }
        lines.append(legend + " cycles")
        lines.append("blank: not a workday of the coach's span" + (until == nil ? "" : ", or not yet"))
        let cadence = summary.workdays == 0 ? "" : " (\(Int((summary.cadence * 100).rounded()))%)"
        lines.append(
            "\(summary.coachedDays) of \(summary.workdays) workdays coached\(cadence), \(summary.cycles) cycles;")
        lines.append(
            "longest streak \(summary.longestStreak), current \(summary.currentStreak); longest gap \(summary.longestGap)."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cell of one day: shaded by its cycles, a dot for a workday without one, blank otherwise.
    func mark(_ day: Day) -> String {
        guard period.contains(day), until.map({ day <= $0 }) ?? true else { return " " }
        let cycles = summary.dailyCycles[day] ?? 0
        if cycles > 0 { return style.paint(Self.shades[min(cycles, Self.shades.count) - 1], .green) }
        let counted = calendar.isWorkday(day) && (summary.activeSpan?.contains(day) ?? false)
        return counted ? style.paint("·", .dim) : " "
    }

    /// Month names above the week in which each month of the period starts.
    func monthHeader(_ weeks: [ISOWeek], cell: Int) -> String {
        var header: [Character] = Array(repeating: " ", count: weeks.count * cell + 3)
        var lastMonth = 0
        var free = 0
        for (index, week) in weeks.enumerated() {
            let first = max(week.monday, period.from)
            let month = first.components.month
            guard month != lastMonth, index * cell >= free else { continue }
            lastMonth = month
            for (offset, character) in Self.months[month - 1].enumerated() { header[index * cell + offset] = character }
            free = index * cell + 4
        }
        return String(header)
    }
}
