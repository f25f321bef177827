import CoachTheCoaches
import ImprovementKata
import KataStore

/// The chain of coaching as a tree for the terminal, at 80 columns: a plant manager reads at a
/// glance who coached with their coaching touched from above (●) and who not (○); the gaps follow
/// as sentences, never as a score.
enum ChainText {
    static let width = 80
    /// Deeper levels are drawn at this indent, with their level number, so that a long line of
    /// reports never pushes the names off the screen.
    static let deepest = 8
    /// At most this many gaps are written out; the JSON has them all.
    static let gapLimit = 20

    static func render(_ chain: ChainReport) -> String {
        let window = chain.window
        var out = "Chain of coaching, the \(window) to \(chain.to)\n"
        out += "● coached, coaching touched from above   ○ not   · does not coach\n\n"
        guard !chain.tree.isEmpty else { return out + "No one is in the reporting line yet.\n" }
        var gaps: [String] = []
        for person in chain.tree { out += lines(person, depth: 0, window: window, gaps: &gaps) }
        if !gaps.isEmpty {
            out += "\nGaps\n"
            for gap in gaps.prefix(gapLimit) { out += wrapped("  " + gap, hanging: "    ") + "\n" }
            if gaps.count > gapLimit {
                out += "  … and \(gaps.count - gapLimit) more (see --format json).\n"
            }
        }
        out += "\nBy level\n"
        for level in chain.levels {
            switch level.coaches {
            case 0: out += "  level \(level.level): no coaches\n"
            default:
                let coaches = level.coaches == 1 ? "1 coach" : "\(level.coaches) coaches"
                let share = Int(((level.share ?? 0) * 100).rounded())
                out += "  level \(level.level): \(coaches), \(level.touchedFromAbove) touched from above (\(share) %)\n"
            }
        }
        return out
    }

    /// The line of `person` and those of their reports, with the gaps they show.
    private static func lines(_ person: ChainPerson, depth: Int, window: String, gaps: inout [String]) -> String {
        let indent = String(repeating: "  ", count: min(depth, deepest))
        let level = depth > deepest ? "[\(depth + 1)] " : ""
        let marker = person.coachedAndTouched ? "●" : (!person.coach && person.reports.isEmpty ? "·" : "○")
        gaps += person.gaps(in: window)
        var facts = person.practice
        // Who touched their coaching comes last: a long list is what the width cuts.
        if !person.touchedBy.isEmpty {
            facts.append("touched by " + names(person.touchedBy.map(\.rawValue), atMost: 3))
        }
        let head = "\(indent)\(level)\(marker) \(person.handle) \(person.name)".terminalSafe
        let said = facts.joined(separator: " · ")
        // What is said of a person goes on a line of its own under their name when both do not fit.
        var out =
            head.count + 2 + said.count <= width
            ? head + "  " + said + "\n"
            : wrapped(head, hanging: indent + "    ") + "\n"
                + wrapped(indent + "    " + said, hanging: indent + "      ")
                + "\n"
        var quiet: [ChainPerson] = []
        for report in person.reports {
            if !report.coach && report.reports.isEmpty && report.walks == 0 && report.walkPlan == nil {
                quiet.append(report)
            } else {
                out += lines(report, depth: depth + 1, window: window, gaps: &gaps)
            }
        }
        if !quiet.isEmpty {
            let inner = String(repeating: "  ", count: min(depth + 1, deepest))
            let count = quiet.count == 1 ? "1 more who does not coach" : "\(quiet.count) more who do not coach"
            let line = "\(inner)· \(count): \(names(quiet.map(\.handle.rawValue), atMost: 4))".terminalSafe
            out += wrapped(line, hanging: inner + "    ") + "\n"
        }
        return out
    }

    /// The first `atMost` of `handles`, and how many more there are.
    static func names(_ handles: [String], atMost: Int) -> String {
        let shown = handles.prefix(atMost).joined(separator: ", ")
        return handles.count > atMost ? shown + " and \(handles.count - atMost) more" : shown
    }

    /// `line` broken between words at the terminal's width, the lines after the first starting
    /// with `hanging`: a handle is never cut, so that it can be pasted into `--from` (DESIGN §5).
    static func wrapped(_ line: String, hanging: String) -> String {
        guard line.count > width else { return line }
        let lead = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = lead
        for word in line.dropFirst(lead.count).split(separator: " ") {
            if current.count > lead.count, current.count + 1 + word.count > width, current != hanging {
                lines.append(current)
                current = hanging + word
            } else {
                current += (current == lead || current == hanging ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
