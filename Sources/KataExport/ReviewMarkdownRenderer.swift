import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes a review packet as Markdown, readable as plain text and in a Markdown viewer.
///
/// Text from the database is escaped so that a viewer shows it as written: Markdown punctuation
/// and HTML tags are backslash-escaped and line breaks become spaces, so a name can neither break
/// a table nor smuggle in markup.
public enum ReviewMarkdownRenderer {
    /// One packet as a Markdown document.
    public static func render(_ packet: ReviewPacket) -> String {
        var out: [String] = []
        let coach = packet.coach
        out.append("# Coaching practice review: \(escape(coach.name)) (\(escape(coach.handle)))")
        out.append("")
        out.append("> " + escape(packet.purpose))
        out.append("")
        out.append("- **Period:** \(ReviewFigures.period(packet.period))")
        if let unit = coach.unit { out.append("- **Unit:** \(escape(unit))") }
        out.append("- **Made:** \(escape(ReviewFigures.made(packet.generatedAt, packet.kataVersion)))")
        out.append("- **Privacy:** \(escape(ReviewFigures.privacy(packet.privacy)))")
        if packet.emptyPeriod {
            out += ["", "**\(ReviewFigures.emptyPeriodNote)**"]
        }
        out += ["", "## Practice figures", "", "| Figure | Value | |", "| --- | ---: | --- |"]
        for row in ReviewFigures.rows(packet) {
            out.append("| \(row.label) | \(row.value) | \(escape(row.detail)) |")
        }
        out += weekly(packet) + calendar(packet) + learners(packet) + targets(packet) + observations(packet)
        out += ownDevelopment(packet)
        out += escalationsToDecide(packet)
        out += ["", "## What the figures mean", ""]
        for definition in packet.definitions {
            out.append("- **\(escape(definition.label))** (`\(definition.figure)`): \(escape(definition.definition))")
        }
        out += ["", "---", "", "*\(escape(packet.purpose))*", ""]
        return out.joined(separator: "\n")
    }

    /// Every packet of a `--all` export, one after another, separated by rules.
    public static func render(_ collection: ReviewCollection) -> String {
        guard !collection.packets.isEmpty else {
            return """
                # Coaching practice reviews

                No coach coached in \(ReviewFigures.period(collection.period)).

                *Made \(escape(ReviewFigures.made(collection.generatedAt, collection.kataVersion))).*

                """
        }
        return collection.packets.map(render).joined(separator: "\n---\n\n")
    }

    private static func weekly(_ packet: ReviewPacket) -> [String] {
        var out = ["", "## Weekly trend", "", "| ISO week | Cycles | Coached days | |", "| --- | ---: | ---: | --- |"]
        for week in packet.practice.weekly {
            let bar = String(repeating: "█", count: min(week.coachedDays, 7))
            out.append("| \(escape(week.week)) | \(week.cycles) | \(week.coachedDays) | \(bar) |")
        }
        return out
    }

    /// A text calendar in a code block: one row per weekday, one column per week.
    private static func calendar(_ packet: ReviewPacket) -> [String] {
        let grid = CoachedDaysCalendar(packet)
        var months = ""
        for index in grid.weeks.indices {
            let label = grid.monthLabel(index) ?? ""
            if months.count <= index * 2 {
                months += String(repeating: " ", count: index * 2 - months.count) + label
            }
        }
        var lines = ["    " + months]
        for weekday in grid.rows {
            let cells = grid.weeks.map { week -> String in
                switch grid.cell(week, weekday) {
                case .outside: return " "
                case .workday(let cycles): return cycles > 0 ? "■" : "□"
                case .dayOff(let cycles): return cycles > 0 ? "■" : "·"
                }
            }
            lines.append(weekday.abbreviation + " " + cells.joined(separator: " "))
        }
        return [
            "", "## Coached days", "", "```",
        ] + lines + [
            "```", "",
            "■ a day with a cycle; □ a workday without one; "
                + "· not a counted workday (weekend, holiday, or outside the coach's pairings).",
        ]
    }

    private static func learners(_ packet: ReviewPacket) -> [String] {
        var out = ["", "## Learners coached", ""]
        guard !packet.learners.isEmpty else { return out + ["No cycles with learners in this period."] }
        let named = packet.privacy.learnerNames
        out.append(named ? "| Learner | Handle | Cycles | Last cycle |" : "| Learner | Cycles | Last cycle |")
        out.append(named ? "| --- | --- | ---: | --- |" : "| --- | ---: | --- |")
        for learner in packet.learners {
            let handle = named ? " \(escape(learner.handle ?? "")) |" : ""
            out.append("| \(escape(learner.label)) |\(handle) \(learner.cycles) | \(learner.lastCycle) |")
        }
        return out
    }

    private static func targets(_ packet: ReviewPacket) -> [String] {
        var out = ["", "## Target conditions coached", ""]
        guard !packet.targetConditions.isEmpty else {
            return out + ["No cycle in this period worked on a target condition."]
        }
        // The focus process is free text: its column is there only with notes.
        let notes = packet.privacy.notes
        out.append("| Learner |" + (notes ? " Focus process |" : "") + " Set on | Achieve by | Outcome | Cycles |")
        out.append("| --- |" + (notes ? " --- |" : "") + " --- | --- | --- | ---: |")
        for target in packet.targetConditions {
            let outcome = ReviewFigures.outcome(status: target.status, closedOn: target.closedOn, later: target.later)
            out.append(
                "| \(escape(target.learner)) |" + (notes ? " \(escape(target.focusProcess ?? "–")) |" : "")
                    + " \(target.setOn) | \(target.achieveBy) | \(outcome) | \(target.cycles) |")
        }
        let texts = packet.targetConditions.filter { $0.condition != nil || $0.reflection != nil }
        if !texts.isEmpty {
            out.append("")
            for target in texts {
                var line = "- \(escape(target.learner)), \(escape(target.focusProcess ?? "–")):"
                if let condition = target.condition { line += " *condition:* \(escape(condition))" }
                if let reflection = target.reflection { line += " *reflection:* \(escape(reflection))" }
                out.append(line)
            }
        }
        return out
    }

    private static func observations(_ packet: ReviewPacket) -> [String] {
        var out = ["", "## 2nd-coach observations", ""]
        guard !packet.observations.isEmpty else { return out + ["No observations in this period."] }
        let notes = packet.privacy.notes
        out.append("| Date | Observer | Focus point | Trigger |" + (notes ? " Notes |" : ""))
        out.append("| --- | --- | --- | --- |" + (notes ? " --- |" : ""))
        for observation in packet.observations {
            var line =
                "| \(observation.date) | \(escape(observation.observer.name)) | \(escape(observation.focus ?? "–")) "
                + "| \(escape(observation.trigger ?? "–")) |"
            if notes { line += " \(escape(observation.notes ?? "–")) |" }
            out.append(line)
        }
        return out
    }

    private static func ownDevelopment(_ packet: ReviewPacket) -> [String] {
        let own = packet.ownDevelopment
        var out = ["", "## Own development as a learner", ""]
        out.append(
            "Received \(ReviewFigures.cycles(own.cyclesReceived)) on \(ReviewFigures.days(own.daysCoached)) "
                + "in this period.")
        if !own.coaches.isEmpty {
            out.append("")
            for coach in own.coaches {
                out.append(
                    "- From \(escape(coach.label)): \(ReviewFigures.cycles(coach.cycles)), last on \(coach.lastCycle)")
            }
        }
        if let growth = own.growth {
            out += ["", "Growth as a learner in this period (steps reviewed, target conditions closed):", ""]
            out += growth.lines.map { "- \($0.label): \(escape($0.value))" }
        }
        out.append("")
        guard !own.targetConditions.isEmpty else {
            return out + ["No target conditions of their own were active in this period."]
        }
        let notes = packet.privacy.notes
        out.append(
            "|" + (notes ? " Focus process |" : "") + " Set on | Achieve by | Outcome | Cycles |"
                + (notes ? " Condition | Reflection |" : ""))
        out.append("|" + (notes ? " --- |" : "") + " --- | --- | --- | ---: |" + (notes ? " --- | --- |" : ""))
        for target in own.targetConditions {
            let outcome = ReviewFigures.outcome(status: target.status, closedOn: target.closedOn, later: target.later)
            var line =
                "|" + (notes ? " \(escape(target.focusProcess ?? "–")) |" : "")
                + " \(target.setOn) | \(target.achieveBy) | \(outcome) | \(target.cycles) |"
            if notes { line += " \(escape(target.condition ?? "–")) | \(escape(target.reflection ?? "–")) |" }
            out.append(line)
        }
        return out
    }

    private static func escalationsToDecide(_ packet: ReviewPacket) -> [String] {
        let asked = packet.escalationsToDecide
        guard asked.asked > 0 else { return [] }
        var out = ["", "## " + DeciderEscalations.heading, "", escape(asked.summary)]
        if !asked.zeroCostUnanswered.isEmpty {
            out += ["", "Zero-cost items unanswered after \(LossReport.zeroCostWorkdays) workdays:", ""]
            out += asked.zeroCostUnanswered.map { "- " + escape(DeciderEscalations.words($0)) }
        }
        return out
    }

    /// Text as Markdown shows it literally: punctuation that Markdown or HTML would act on is
    /// backslash-escaped, and line breaks become spaces.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\r\n", "\n", "\r", "\t", "\u{2028}", "\u{2029}":
                result.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "~":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }
}
