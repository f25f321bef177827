import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes the JSON document of `kata practice` directly, in the layout of `jsonText` (two-space
/// indent, keys sorted, nulls written out).
///
/// Foundation's `JSONEncoder` takes about 0.2 s for a year of 2,000 coaches (a hundred thousand
/// weekly objects), a third of the time budget of the whole command; appending to one string
/// takes a few milliseconds. The tests check that both write the same document.
public enum PracticeJSON {
    /// The report, with the roll-up when `--by` asks for one.
    public static func document(_ report: PracticeReport, by: String?, groups: [PracticeGroup]?) -> String {
        var text = "{\n"
        text.reserveCapacity(1024 + report.coaches.count * (700 + 80 * (report.coaches.first?.weekly.count ?? 0)))
        if let by { text += "  \"by\" : \(string(by)),\n" }
        text += "  \"coaches\" : ["
        for (index, coach) in report.coaches.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            write(coach, to: &text)
        }
        text += report.coaches.isEmpty ? "],\n" : "\n  ],\n"
        text += "  \"from\" : \"\(report.from)\",\n"
        if let groups {
            text += "  \"groups\" : ["
            for (index, group) in groups.enumerated() {
                text += index == 0 ? "\n" : ",\n"
                text += """
                        {
                          "coaches" : \(group.coaches),
                          "coachesBelow" : \(group.coachesBelow),
                          "cycles" : \(group.cycles),
                          "group" : \(string(group.group)),
                          "meanCadence" : \(number(group.meanCadence))
                        }
                    """
            }
            text += groups.isEmpty ? "],\n" : "\n  ],\n"
        }
        text += "  \"to\" : \"\(report.to)\""
        if let until = report.until { text += ",\n  \"until\" : \"\(until)\"" }
        text += "\n}\n"
        return text
    }

    private static func write(_ coach: PracticeSummary, to text: inout String) {
        text += """
                {
                  "averageMinutes" : \(number(coach.averageMinutes)),
                  "cadence" : \(number(coach.cadence)),
                  "coach" : \(string(coach.coach)),
                  "coachedDays" : \(coach.coachedDays),
                  "currentStreak" : \(coach.currentStreak),
                  "cycles" : \(coach.cycles),
                  "cyclesOver20Minutes" : \(coach.cyclesOver20Minutes),
                  "daysSinceLastCycle" : \(number(coach.daysSinceLastCycle)),
                  "lastCycle" : \(string(coach.lastCycle?.description)),
                  "learners" : \(coach.learners),
                  "longestGap" : \(coach.longestGap),
                  "longestStreak" : \(coach.longestStreak),
                  "name" : \(string(coach.name)),
                  "observations" : \(coach.observations),
                  "predictionRate" : \(number(coach.predictionRate)),
                  "unit" : \(string(coach.unit)),
                  "weekly" : [
            """
        for (index, week) in coach.weekly.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += "        {\n          \"coachedDays\" : "
            text += String(week.coachedDays)
            text += ",\n          \"cycles\" : "
            text += String(week.cycles)
            text += ",\n          \"week\" : \""
            text += week.week
            text += "\"\n        }"
        }
        text += coach.weekly.isEmpty ? "],\n" : "\n      ],\n"
        text += "      \"workdays\" : \(coach.workdays)\n    }"
    }

    private static func number(_ value: Int?) -> String {
        value.map(String.init) ?? "null"
    }

    /// A whole number without a fraction, as `JSONEncoder` writes it; other numbers in full.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    }

    private static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
