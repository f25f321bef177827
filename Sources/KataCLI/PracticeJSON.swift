import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes the JSON document of `kata practice` directly, in the layout of `jsonText` (two-space
/// indent, keys sorted, nulls written out).
///
/// Foundation's `JSONEncoder` takes about 0.2 s for a year of 2,000 coaches (a hundred thousand
/// weekly objects), a third of the time budget of the whole command; appending to one string
/// takes a few milliseconds. A test checks that both give the same document.
struct PracticeJSON {
    private(set) var text = ""
    private var depth = 0

    /// The report, with the roll-up when `--by` asks for one.
    static func document(_ report: PracticeReport, by: String?, groups: [PracticeGroup]?) -> String {
        var writer = PracticeJSON()
        writer.text.reserveCapacity(1024 + report.coaches.count * (800 + 70 * report.weeks))
        writer.object { writer in
            if let by { writer.field("by") { $0.string(by) } }
            writer.field("coaches") { writer in writer.array(report.coaches) { $0.coach($1) } }
            writer.field("from") { $0.string(report.from.description) }
            if let groups { writer.field("groups") { writer in writer.array(groups) { $0.group($1) } } }
            writer.field("to") { $0.string(report.to.description) }
        }
        return writer.text + "\n"
    }

    private mutating func coach(_ coach: PracticeSummary) {
        object { writer in
            writer.field("averageMinutes") { $0.number(coach.averageMinutes) }
            writer.field("cadence") { $0.number(coach.cadence) }
            writer.field("coach") { $0.string(coach.coach) }
            writer.field("coachedDays") { $0.number(coach.coachedDays) }
            writer.field("currentStreak") { $0.number(coach.currentStreak) }
            writer.field("cycles") { $0.number(coach.cycles) }
            writer.field("cyclesOver20Minutes") { $0.number(coach.cyclesOver20Minutes) }
            writer.field("daysSinceLastCycle") { $0.number(coach.daysSinceLastCycle) }
            writer.field("lastCycle") { $0.string(coach.lastCycle?.description) }
            writer.field("learners") { $0.number(coach.learners) }
            writer.field("longestGap") { $0.number(coach.longestGap) }
            writer.field("longestStreak") { $0.number(coach.longestStreak) }
            writer.field("name") { $0.string(coach.name) }
            writer.field("observations") { $0.number(coach.observations) }
            writer.field("predictionRate") { $0.number(coach.predictionRate) }
            writer.field("unit") { $0.string(coach.unit) }
            writer.field("weekly") { writer in
                writer.array(coach.weekly) { writer, week in
                    writer.object { writer in
                        writer.field("coachedDays") { $0.number(week.coachedDays) }
                        writer.field("cycles") { $0.number(week.cycles) }
                        writer.field("week") { $0.string(week.week) }
                    }
                }
            }
            writer.field("workdays") { $0.number(coach.workdays) }
        }
    }

    private mutating func group(_ group: PracticeGroup) {
        object { writer in
            writer.field("coaches") { $0.number(group.coaches) }
            writer.field("coachesBelow") { $0.number(group.coachesBelow) }
            writer.field("cycles") { $0.number(group.cycles) }
            writer.field("group") { $0.string(group.group) }
            writer.field("meanCadence") { $0.number(group.meanCadence) }
        }
    }

    // MARK: Layout

    private var firstInContainer = true

    private mutating func newline() {
        text += "\n"
        text += String(repeating: "  ", count: depth)
    }

    private mutating func separate() {
        if !firstInContainer { text += "," }
        firstInContainer = false
        newline()
    }

    private mutating func object(_ body: (inout PracticeJSON) -> Void) {
        text += "{"
        depth += 1
        firstInContainer = true
        body(&self)
        depth -= 1
        let empty = firstInContainer
        firstInContainer = false
        if !empty { newline() }
        text += "}"
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout PracticeJSON, Element) -> Void) {
        text += "["
        depth += 1
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            newline()
            write(&self, element)
        }
        depth -= 1
        if !elements.isEmpty { newline() }
        text += "]"
        firstInContainer = false
    }

    private mutating func field(_ key: String, _ value: (inout PracticeJSON) -> Void) {
        separate()
        text += "\"\(key)\" : "
        value(&self)
        firstInContainer = false
    }

    private mutating func number(_ value: Int?) {
        text += value.map(String.init) ?? "null"
    }

    private mutating func number(_ value: Double?) {
        guard let value, value.isFinite else {
            text += "null"
            return
        }
        text += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    }

    private mutating func string(_ value: String?) {
        guard let value else {
            text += "null"
            return
        }
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u" + String(String(scalar.value, radix: 16).leftPadded(to: 4))
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension PracticeReport {
    /// The ISO weeks of the period: the length of every coach's weekly series.
    var weeks: Int { coaches.first?.weekly.count ?? 0 }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
