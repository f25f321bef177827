import CoachTheCoaches
import Foundation
import ImprovementKata

/// The inline SVG charts of the HTML packet: coached days per week as bars, and a calendar heatmap
/// of coached days.
///
/// Neither relies on colour: bars are hatched and carry their number, coached days are solid with
/// their count of cycles, workdays without a cycle are empty boxes, days off are hatched grey.
/// Pattern ids carry a per-packet prefix so that several packets can share one file. The web
/// app's coach page draws the same charts from a `PracticeChart`.
///
/// ```swift
/// let charts = ReviewHTMLCharts(id: "c", width: 330)
/// let html = charts.definitions + charts.weeklyBars(chart) + charts.heatmap(chart) + charts.heatmapLegend(chart)
/// ```
public struct ReviewHTMLCharts: Sendable {
    /// The prefix of the packet's SVG ids (`p1`).
    public let id: String
    /// The width of the drawing, in CSS pixels.
    public let width: Double

    static let ink = "#1b2f4b"

    public init(id: String, width: Double) {
        self.id = id
        self.width = width
    }

    /// The hatch patterns the charts and legend use, once per page before them.
    public var definitions: String {
        """
        <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>\
        <pattern id="\(id)-bar" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="5" height="5" fill="#c9d3e0"/><line x1="0" y1="0" x2="0" y2="5" stroke="\(Self.ink)" \
        stroke-width="2.2"/></pattern>\
        <pattern id="\(id)-off" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="4" height="4" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="4" stroke="#b5b5b5" \
        stroke-width="1"/></pattern>\
        </defs></svg>
        """
    }

    /// Coached days per ISO week as hatched bars, each labelled with its number.
    func weeklyBars(_ packet: ReviewPacket) -> String { weeklyBars(PracticeChart(packet)) }

    /// Coached days per ISO week of `chart` as hatched bars, each labelled with its number.
    public func weeklyBars(_ chart: PracticeChart) -> String {
        let weeks = chart.weekly
        let height = 150.0
        let left = 26.0
        let top = 14.0
        let bottom = 22.0
        let plotHeight = height - top - bottom
        let plotWidth = width - left - 4
        let highest = max(chart.calendar.workweek.count, weeks.map(\.coachedDays).max() ?? 0, 1)
        let step = highest <= 7 ? 1 : Int((Double(highest) / 5).rounded(.up))
        let slot = weeks.isEmpty ? plotWidth : plotWidth / Double(weeks.count)
        let every = max(1, Int((30 / slot).rounded(.up)))
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(highest) }

        var svg = [
            "<svg width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
                + "aria-label=\"Coached days per ISO week\">"
        ]
        for value in stride(from: 0, through: highest, by: step) {
            svg.append(
                "<line x1=\"\(f(left))\" x2=\"\(f(width - 2))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" "
                    + "stroke=\"\(value == 0 ? "#111" : "#cfcfcf")\" stroke-width=\"\(value == 0 ? 1.2 : 0.6)\""
                    + (value == 0 ? "" : " stroke-dasharray=\"2 2\"") + "/>")
            svg.append(
                "<text x=\"\(f(left - 5))\" y=\"\(f(y(value) + 3))\" font-size=\"8\" text-anchor=\"end\" "
                    + "fill=\"#333\">\(value)</text>")
        }
        for (index, week) in weeks.enumerated() {
            let barWidth = max(2, min(slot * 0.68, 34))
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let centre = x + barWidth / 2
            let barTop = y(week.coachedDays)
            svg.append("<g>")
            svg.append(
                "<title>\(ReviewHTMLRenderer.escape(week.week)): \(ReviewFigures.days(week.coachedDays)) coached, "
                    + "\(ReviewFigures.cycles(week.cycles))</title>")
            if week.coachedDays > 0 {
                svg.append(
                    "<rect x=\"\(f(x))\" y=\"\(f(barTop))\" width=\"\(f(barWidth))\" "
                        + "height=\"\(f(y(0) - barTop))\" fill=\"url(#\(id)-bar)\" stroke=\"\(Self.ink)\" "
                        + "stroke-width=\"1\"/>")
            }
            if slot >= 11 {
                svg.append(
                    "<text x=\"\(f(centre))\" y=\"\(f(barTop - 3))\" font-size=\"\(slot >= 16 ? 9 : 7)\" "
                        + "font-weight=\"600\" text-anchor=\"middle\" fill=\"#111\">\(week.coachedDays)</text>")
            }
            if index % every == 0 {
                let label = week.week.split(separator: "-").last.map(String.init) ?? week.week
                svg.append(
                    "<text x=\"\(f(centre))\" y=\"\(f(height - bottom + 11))\" font-size=\"8\" "
                        + "text-anchor=\"middle\" fill=\"#333\">\(ReviewHTMLRenderer.escape(label))</text>")
            }
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The period as a calendar: weekdays as rows, weeks as columns, coached days solid with their
    /// count of cycles.
    func heatmap(_ packet: ReviewPacket) -> String { heatmap(PracticeChart(packet)) }

    /// The period of `chart` as a calendar heatmap, as `heatmap(_:)` draws a packet's.
    public func heatmap(_ chart: PracticeChart) -> String {
        let grid = CoachedDaysCalendar(chart)
        let rows = grid.rows
        let left = 30.0
        let top = 14.0
        let gap = 2.0
        let cell = cellSize(weeks: grid.weeks.count)
        let drawnWidth = left + Double(grid.weeks.count) * (cell + gap)
        let height = top + Double(rows.count) * (cell + gap)
        var svg = [
            "<svg width=\"\(f(drawnWidth))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(drawnWidth)) \(f(height))\" "
                + "role=\"img\" aria-label=\"Calendar of coached days\">"
        ]
        for (row, weekday) in rows.enumerated() {
            svg.append(
                "<text x=\"0\" y=\"\(f(top + Double(row) * (cell + gap) + cell / 2 + 3))\" font-size=\"8\" "
                    + "fill=\"#333\">\(weekday.abbreviation)</text>")
        }
        for (column, week) in grid.weeks.enumerated() {
            let x = left + Double(column) * (cell + gap)
            if let month = grid.monthLabel(column) {
                svg.append("<text x=\"\(f(x))\" y=\"9\" font-size=\"8\" fill=\"#333\">\(month)</text>")
            }
            for (row, weekday) in rows.enumerated() {
                let y = top + Double(row) * (cell + gap)
                let date = grid.day(week, weekday)
                let box = "x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\""
                switch grid.cell(week, weekday) {
                case .outside:
                    continue
                case .workday(let cycles) where cycles == 0:
                    svg.append(
                        "<rect \(box) fill=\"#fff\" stroke=\"#555\" stroke-width=\"1\"><title>\(date): workday, "
                            + "no cycle</title></rect>")
                case .dayOff(let cycles) where cycles == 0:
                    svg.append(
                        "<rect \(box) fill=\"url(#\(id)-off)\"><title>\(date): not a workday</title></rect>")
                case .workday(let cycles), .dayOff(let cycles):
                    svg.append(
                        "<rect \(box) fill=\"\(Self.ink)\"><title>\(date): \(ReviewFigures.cycles(cycles))</title></rect>"
                    )
                    if ReviewHTMLCharts.showsCounts(cell) {
                        svg.append(
                            "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + cell / 2 + 3))\" font-size=\"8.5\" "
                                + "font-weight=\"600\" text-anchor=\"middle\" fill=\"#fff\">\(cycles)</text>")
                    }
                }
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The side of a heatmap day for a period of `weeks` weeks: as large as fits, 9 to 24 pixels.
    func cellSize(weeks: Int) -> Double {
        min(24, max(9, (width - 30) / Double(max(weeks, 1)) - 2))
    }

    /// Whether heatmap days of that size are large enough to carry their count of cycles.
    static func showsCounts(_ cell: Double) -> Bool { cell >= 13 }

    /// The key to the heatmap of `packet`, as labelled swatches.
    func heatmapLegend(_ packet: ReviewPacket) -> String { heatmapLegend(PracticeChart(packet)) }

    /// The key to the heatmap of `chart`, as labelled swatches.
    public func heatmapLegend(_ chart: PracticeChart) -> String {
        let counts = ReviewHTMLCharts.showsCounts(cellSize(weeks: CoachedDaysCalendar(chart).weeks.count))
        func swatch(_ attributes: String, _ mark: String = "") -> String {
            "<svg width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">"
                + "<rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"11\" \(attributes)/>\(mark)</svg>"
        }
        let number = "<text x=\"6\" y=\"9.5\" font-size=\"8\" text-anchor=\"middle\" fill=\"#fff\">2</text>"
        return """
            <div class="legend">\
            <span>\(swatch("fill=\"\(Self.ink)\"", counts ? number : "")) \(counts ? "coached (number = cycles that day)" : "coached day")</span>\
            <span>\(swatch("fill=\"#fff\" stroke=\"#555\"")) workday without a cycle</span>\
            <span>\(swatch("fill=\"url(#\(id)-off)\"")) not a counted workday (weekend, holiday, outside the pairings)</span>\
            </div>
            """
    }

    /// A number for SVG: at most one decimal, no trailing zero.
    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
