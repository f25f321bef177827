import CoachTheCoaches
import Foundation

/// A coach's coached days per ISO week as a strip of small bars for the practice table, drawn on
/// the server as inline SVG: each week a light bar as tall as its workdays and a dark one as tall
/// as its coached days; nothing where the coach had no workday (outside their pairings).
///
/// Two paths per coach, so that a page of 2,000 coaches over a year stays small; the label gives
/// the numbers, so the strip says what it shows without colour or sight.
///
/// ```swift
/// CoachedDaysStrip.svg(summary.weekly, workweek: 5)
/// // <svg class="strip" … aria-label="Coached days per ISO week, of its workdays: 3/5 5/5">…</svg>
/// ```
enum CoachedDaysStrip {
    /// Height of one day in the bars, in CSS pixels.
    static let dayHeight = 4

    static func svg(_ weekly: [WeeklyPractice], workweek: Int) -> String {
        let highest = max(workweek, weekly.map(\.workdays).max() ?? 0, 1)
        let height = highest * dayHeight + 1  // and the baseline under the bars
        // Wide bars for a few weeks, narrow ones for a year: the strip stays within about 160 px.
        let slot = weekly.count <= 13 ? 9 : weekly.count <= 26 ? 6 : 3
        let bar = slot - 1
        let width = max(slot * weekly.count, 1)
        var room = ""
        var coached = ""
        for (index, week) in weekly.enumerated() where week.workdays > 0 {
            let x = index * slot
            room += "M\(x) \(height - 1)v-\(week.workdays * dayHeight)h\(bar)v\(week.workdays * dayHeight)z"
            if week.coachedDays > 0 {
                coached +=
                    "M\(x) \(height - 1)v-\(week.coachedDays * dayHeight)h\(bar)v\(week.coachedDays * dayHeight)z"
            }
        }
        let label =
            "Coached days per ISO week, of its workdays: "
            + weekly.map { $0.workdays == 0 ? "none" : "\($0.coachedDays)/\($0.workdays)" }.joined(separator: " ")
        var svg =
            "<svg class=\"strip\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(label)\">"
        if !room.isEmpty { svg += "<path d=\"\(room)\" fill=\"#d5dde8\"/>" }
        if !coached.isEmpty { svg += "<path d=\"\(coached)\" fill=\"#14365d\"/>" }
        return svg + "<path d=\"M0 \(height - 1).5h\(width)\" stroke=\"#6b7685\"/></svg>"
    }
}
