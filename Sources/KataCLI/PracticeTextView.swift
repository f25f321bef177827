import CoachTheCoaches
import Foundation
import ImprovementKata

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
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    var widths: [Int] {
        columns.indices.map { index in
            rows.reduce(columns[index].header.displayWidth) { max($0, $1[index].text.displayWidth) }
        }
    }

    /// The width of every column but the last, with the separators: where the last one starts.
    var widthBeforeLast: Int {
        widths.dropLast().reduce(0) { $0 + $1 + 2 }
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

/// The text view of `kata practice`: one row per coach with a sparkline of weekly coached days,
/// the roll-ups, and the learners left without coaching longest; at most 100 columns wide.
struct PracticeTextView {
    static let width = 100
    static let levels = Array("▁▂▃▄▅▆▇█")

    var report: PracticeReport
    var threshold: Double
    var style: TerminalStyle

    func table() -> String {
        guard !report.coaches.isEmpty else {
            return
                "No coaching from \(report.from) to \(report.to): nobody was coach in a pairing then or logged a cycle.\n"
        }
        var table = StyledTable(
            columns: [
                .init(header: "coach"), .init(header: "cycles", alignRight: true),
                .init(header: "coached", alignRight: true), .init(header: "cadence", alignRight: true),
                .init(header: "best", alignRight: true), .init(header: "now", alignRight: true),
                .init(header: "gap", alignRight: true), .init(header: "last", alignRight: true),
                .init(header: "pred", alignRight: true), .init(header: "obs", alignRight: true),
                .init(header: "weekly"),
            ])
        table.rows = report.coaches.map(row)
        let room = max(8, Self.width - table.widthBeforeLast)
        let weeks = report.coaches.first?.weekly.count ?? 0
        let bucket = max(1, (weeks + room - 1) / room)
        let last = table.columns.count - 1
        table.columns[last].header = bucket == 1 ? "weekly" : "per \(bucket) weeks"
        for (index, coach) in report.coaches.enumerated() {
            table.rows[index][last] = Cell(sparkline(coach.weekly, bucket: bucket), .green)
        }
        let coaches = report.coaches.count == 1 ? "1 coach" : "\(report.coaches.count) coaches"
        return "Practice from \(report.from) to \(report.to), \(coaches)\n\n" + table.text(style) + "\n" + legend()
    }

    /// The cells of one coach, the sparkline left for later (its width depends on the others).
    func row(_ coach: PracticeSummary) -> [Cell] {
        let cadenceTint: Tint = coach.workdays == 0 ? .dim : coach.cadence < threshold ? .red : .green
        return [
            Cell(coach.coach.truncated(to: 16)), Cell(String(coach.cycles)),
            Cell("\(coach.coachedDays)/\(coach.workdays)"),
            Cell(coach.workdays == 0 ? "—" : percent(coach.cadence), cadenceTint),
            Cell(String(coach.longestStreak)), Cell(String(coach.currentStreak)), Cell(String(coach.longestGap)),
            Cell(coach.daysSinceLastCycle?.description ?? "—"), Cell(coach.predictionRate.map(percent) ?? "—"),
            Cell(String(coach.observations)), Cell(""),
        ]
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
            "coached: workdays with a cycle / workdays in the coach's span (first pairing to the last one's end)",
            "cadence: coached / workdays, red below \(percent(threshold)); best, now: longest and current streak",
            "gap: longest run of workdays without a cycle; last: days since the last cycle",
            "pred: steps planned with a prediction; obs: 2nd-coach observations; weekly: ▁ no coached day, █ all",
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
            table.rows.append([
                Cell((group.group ?? (by == .unit ? "(no unit)" : "(none)")).truncated(to: 40)),
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
        for learner in learners {
            table.rows.append([
                Cell(learner.learner.truncated(to: 16)), Cell(learner.name.truncated(to: 30)),
                Cell(learner.coach.truncated(to: 16)), Cell(learner.lastCycle?.description ?? "never"),
                Cell(learner.daysSinceLastCycle?.description ?? "—"),
            ])
        }
        return "\nLearners left without coaching longest (pairings in force on \(report.to))\n" + table.text(style)
    }

    func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }
}
