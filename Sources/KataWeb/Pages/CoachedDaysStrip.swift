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
        // Written by appending, not by interpolating and joining: a page of 2,000 coaches over
        // a year draws 100,000 bars, and the strips were a third of that page's own time.
        var room = ""
        var coached = ""
        var label = "Coached days per ISO week, of its workdays:"
        room.reserveCapacity(weekly.count * 16)
        coached.reserveCapacity(weekly.count * 16)
        label.reserveCapacity(44 + weekly.count * 5)
        let baseline = String(height - 1)
        let across = "h" + String(bar) + "v"
        func draw(_ path: inout String, x: String, days: Int) {
            let tall = String(days * dayHeight)
            path += "M"
            path += x
            path += " "
            path += baseline
            path += "v-"
            path += tall
            path += across
            path += tall
            path += "z"
        }
        for (index, week) in weekly.enumerated() {
            guard week.workdays > 0 else {
                label += " none"
                continue
            }
            let x = String(index * slot)
            draw(&room, x: x, days: week.workdays)
            if week.coachedDays > 0 { draw(&coached, x: x, days: week.coachedDays) }
            label += " "
            label += String(week.coachedDays)
            label += "/"
            label += String(week.workdays)
        }
        var svg =
            "<svg class=\"strip\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(label)\">"
        if !room.isEmpty { svg += "<path d=\"\(room)\" fill=\"#d5dde8\"/>" }
        if !coached.isEmpty { svg += "<path d=\"\(coached)\" fill=\"#14365d\"/>" }
        return svg + "<path d=\"M0 \(height - 1).5h\(width)\" stroke=\"#6b7685\"/></svg>"
    }
}
