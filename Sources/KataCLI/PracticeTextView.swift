import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

/// How a cell is coloured on a terminal.
enum Tint {
    case plain, bold, dim, red, green
}

/// ANSI colours, used only when the context allows them (a terminal, no `NO_COLOR`).
struct TerminalStyle {
    var enabled: Bool

    func paint(_ text: String, _ tint: Tint) -> String {
        let codes: [Tint: String] = [.bold: "1", .dim: "2", .red: "31", .green: "32"]
        guard enabled, !text.isEmpty, let code = codes[tint] else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// One cell of a `StyledTable`.
struct Cell {
    var text: String
    var tint: Tint = .plain

    init(_ text: String, _ tint: Tint = .plain) {
        self.text = text
        self.tint = tint
    }
}

/// A table of aligned columns whose cells are coloured after they are padded, so that escape
/// codes never upset the alignment.
struct StyledTable {
    struct Column {
        var header: String
        var alignRight = false
        /// The most the column widens for its cells; a wider cell runs past it (a cell alone on its row).
        var widest: Int?
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    var widths: [Int] {
        columns.indices.map { index in
            let widest = rows.reduce(columns[index].header.displayWidth) { max($0, $1[index].text.displayWidth) }
            return min(widest, columns[index].widest ?? widest)
        }
    }

    /// How wide the table is: every column with the separators between them.
    var width: Int {
        widths.reduce(0, +) + 2 * max(0, columns.count - 1)
    }

    func text(_ style: TerminalStyle) -> String {
        let widths = widths
        func line(_ cells: [Cell]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.text.displayWidth))
                let painted = style.paint(cell.text, cell.tint)
                if columns[index].alignRight {
                    parts.append(padding + painted)
                } else {
                    parts.append(index == cells.count - 1 ? painted : painted + padding)
                }
            }
            return parts.joined(separator: "  ").trimmedTrailing
        }
        let header = line(columns.map { Cell($0.header, .bold) })
        return ([header] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// The text view of `kata practice`: one row per coach, a sparkline of weekly coached days per
/// coach, the roll-ups, and the learners left without coaching longest; at most 80 columns wide.
///
/// Handles are never cut, so that one can be pasted into `--coach`: a handle too long for its
/// column gets a line of its own, with the figures on the next.
struct PracticeTextView {
    static let width = 80
    static let levels = Array("▁▂▃▄▅▆▇█")
    /// The widest handle column of the sparklines; longer handles stand on a line of their own.
    static let widestSparkLabel = 30

    var report: PracticeReport
    var threshold: Double
    var style: TerminalStyle

    /// What is printed when the report lists nobody, in the terms of the filter asked for.
    func nobodyListed(_ filter: PracticeFilter) -> String {
        let period = "from \(report.from) to \(report.countedTo)"
        let text: String
        if let secondCoach = filter.secondCoach {
            let unit = filter.unit.map { " in \($0)" } ?? ""
            text =
                "\(secondCoach) is no one's 2nd coach\(unit) \(period): no pairing with \(secondCoach) as 2nd coach "
                + "overlaps the period."
        } else if let coach = filter.coach {
            text = "No coaching by \(coach) \(period): \(coach) was coach in no pairing then and logged no cycle."
        } else {
            let unit = filter.unit.map { " in \($0)" } ?? ""
            text = "No coaching\(unit) \(period): nobody was coach in a pairing then or logged a cycle."
        }
        return StoryboardText.wrap(text, lead: "", width: PracticeTextView.width)
    }

    func table() -> String {
        guard !report.coaches.isEmpty else { return nobodyListed(PracticeFilter()) }
        var table = StyledTable(
            columns: [
                .init(header: "coach"), .init(header: "cycles", alignRight: true),
                .init(header: "coached", alignRight: true), .init(header: "cadence", alignRight: true),
                .init(header: "best", alignRight: true), .init(header: "now", alignRight: true),
                .init(header: "gap", alignRight: true), .init(header: "last", alignRight: true),
                .init(header: "pred", alignRight: true), .init(header: "obs", alignRight: true),
            ])
        let figures = report.coaches.map(row)
        table.rows = figures.map { [Cell("")] + $0 }
        // The widest handle that leaves the row within the view.
        let room = Self.width - table.width + table.widths[0]
        let fitting = report.coaches.map(\.coach.displayWidth).filter { $0 <= room }
        table.columns[0].widest = max(table.columns[0].header.displayWidth, fitting.max() ?? 0)
        table.rows = []
        for (coach, cells) in zip(report.coaches, figures) {
            if coach.coach.displayWidth > room {
                table.rows.append([Cell(coach.coach)] + Array(repeating: Cell(""), count: cells.count))
                table.rows.append([Cell("")] + cells)
            } else {
                table.rows.append([Cell(coach.coach)] + cells)
            }
        }
        let coaches = report.coaches.count == 1 ? "1 coach" : "\(report.coaches.count) coaches"
        return heading("Practice from \(report.from) to \(report.to), \(coaches)") + "\n" + table.text(style)
            + "\n" + sparklines() + "\n" + legend()
    }

    /// The title of the view, with the note that the period is not over when it was cut at today.
    func heading(_ title: String) -> String {
        guard let until = report.until else { return title + "\n" }
        return title + "\n" + Period.notOverSentence(until: until) + "\n"
    }

    /// The cells of one coach's figures, without the handle.
    func row(_ coach: PracticeSummary) -> [Cell] {
        let cadenceTint: Tint = coach.workdays == 0 ? .dim : coach.cadence < threshold ? .red : .green
        return [
            Cell(String(coach.cycles)), Cell("\(coach.coachedDays)/\(coach.workdays)"),
            Cell(coach.workdays == 0 ? "—" : percent(coach.cadence), cadenceTint),
            Cell(String(coach.longestStreak)), Cell(String(coach.currentStreak)), Cell(String(coach.longestGap)),
            Cell(coach.daysSinceLastCycle?.description ?? "—"), Cell(coach.predictionRate.map(percent) ?? "—"),
            Cell(String(coach.observations)),
        ]
    }

    /// One sparkline per coach, after the handle; weeks are put together in buckets when a line
    /// of one character per week would not fit.
    func sparklines() -> String {
        let label = report.coaches.map(\.coach.displayWidth).filter { $0 <= Self.widestSparkLabel }.max() ?? 0
        let room = Self.width - label - 2
        let weeks = report.coaches.first?.weekly.count ?? 0
        let bucket = max(1, (weeks + room - 1) / room)
        let unit = bucket == 1 ? "week" : "\(bucket) weeks"
        var lines = [style.paint("Coached days per \(unit): ▁ none … █ every workday", .bold)]
        for coach in report.coaches {
            let spark = style.paint(sparkline(coach.weekly, bucket: bucket), .green)
            if coach.coach.displayWidth > label {
                lines.append(coach.coach)
                lines.append(String(repeating: " ", count: label + 2) + spark)
            } else {
                lines.append(coach.coach.padded(to: label + 2) + spark)
            }
        }
        return lines.map(\.trimmedTrailing).joined(separator: "\n") + "\n"
    }

    /// Coached days per week (or per `bucket` weeks) as a share of the workdays: ▁ none … █ all;
    /// blank where the coach had no workday.
    func sparkline(_ weekly: [WeeklyPractice], bucket: Int) -> String {
        var line = ""
        for start in stride(from: 0, to: weekly.count, by: bucket) {
            let weeks = weekly[start..<min(start + bucket, weekly.count)]
            let workdays = weeks.reduce(0) { $0 + $1.workdays }
            guard workdays > 0 else {
                line += " "
                continue
            }
            let coached = weeks.reduce(0) { $0 + $1.coachedDays }
            let level = Int((Double(coached) / Double(workdays) * 7).rounded())
            line.append(Self.levels[min(7, max(0, level))])
        }
        return line
    }

    func legend() -> String {
        [
            "coached: workdays with a cycle / workdays of the coach's span (from the first",
            "  pairing as coach to the last one's end); cadence: coached / workdays, red",
            "  below \(percent(threshold)); best, now: longest and current streak of coached workdays",
            "gap: longest run of workdays without a cycle; last: days since the last cycle",
            "pred: steps planned with a prediction; obs: 2nd-coach observations",
        ].map { style.paint($0, .dim) }.joined(separator: "\n") + "\n"
    }

    func rollup(_ groups: [PracticeGroup], by: PracticeGroupingOption) -> String {
        let name = by == .unit ? "unit" : "2nd coach"
        var table = StyledTable(
            columns: [
                .init(header: name), .init(header: "coaches", alignRight: true),
                .init(header: "cycles", alignRight: true), .init(header: "mean cadence", alignRight: true),
                .init(header: "below \(percent(threshold))", alignRight: true),
            ])
        for group in groups {
            let meanTint: Tint = group.meanCadence.map { $0 < threshold ? .red : .green } ?? .dim
            let label = group.group ?? (by == .unit ? "(no unit)" : "(none)")
            table.rows.append([
                // A 2nd coach's handle is never cut; a unit's name may be.
                Cell(by == .unit ? label.truncated(to: 36) : label),
                Cell(String(group.coaches)), Cell(String(group.cycles)),
                Cell(group.meanCadence.map(percent) ?? "—", meanTint),
                Cell(String(group.coachesBelow), group.coachesBelow > 0 ? .red : .plain),
            ])
        }
        return "\nBy \(name)\n" + table.text(style)
    }

    func learnersLeftLongest(_ learners: [UncoachedLearner]) -> String {
        guard !learners.isEmpty else { return "" }
        var table = StyledTable(
            columns: [
                .init(header: "learner"), .init(header: "name"), .init(header: "coach"),
                .init(header: "last cycle"), .init(header: "days", alignRight: true),
            ])
        func rows(nameWidth: Int) -> [[Cell]] {
            learners.map { learner in
                [
                    Cell(learner.learner), Cell(learner.name.truncated(to: nameWidth)), Cell(learner.coach),
                    Cell(learner.lastCycle?.description ?? "never"),
                    Cell(learner.daysSinceLastCycle?.description ?? "—"),
                ]
            }
        }
        table.rows = rows(nameWidth: 4)
        // Names, not handles, give way when the table would be wider than the view.
        table.rows = rows(nameWidth: max(12, Self.width - table.width + 4))
        return "\nLearners left without coaching longest (pairings in force on \(report.countedTo))\n"
            + table.text(style)
    }

    func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }
}
