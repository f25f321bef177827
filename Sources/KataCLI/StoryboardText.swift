import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// The learner's storyboard as terminal text, laid out like the board at the process: challenge,
/// target condition, current condition, obstacle parking lot, experimenting record.
///
/// Long texts wrap at 80 columns under where they start (a hanging indent).
enum StoryboardText {
    /// The width the text is laid out for.
    static let width = 80

    static func render(_ board: Storyboard, today: Day, growth: LearnerGrowth? = nil) -> String {
        var heading = "\(board.learner.name) (\(board.learner.handle))"
        if let unit = board.learner.unit { heading += " · \(unit)" }
        var out = wrap(heading, lead: "STORYBOARD  ") + "\n"
        if let challenge = board.challenge {
            out += wrap(challenge.title + (challenge.by.map { " (by \($0))" } ?? ""), lead: label("Challenge"))
        }
        out += target(board.target, current: board.current, today: today)
        out += "\nObstacle parking lot\n"
        if board.obstacles.isEmpty { out += "  (empty)\n" }
        for obstacle in board.obstacles {
            let marker = obstacle.status == .working ? "▶" : " "
            var status = obstacle.status.rawValue
            if let closed = obstacle.closedOn { status += " \(closed)" }
            out += wrap("\(obstacle.text)  [\(status)]", lead: "  \(marker) \(obstacle.id.short)  ")
        }
        out += "\nExperimenting record\n"
        if board.experiments.isEmpty { out += "  (no steps yet)\n" }
        let obstacles = Dictionary(board.obstacles.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let indent = String(repeating: " ", count: 18)
        for (index, step) in board.experiments.enumerated() {
            let number = "\(index + 1).".padded(to: 4)
            out += wrap(step.step, lead: "  \(number)\(step.plannedOn)  Step:     ")
            if let obstacle = step.obstacle.flatMap({ obstacles[$0] }) {
                out += wrap(obstacle, lead: indent + "Obstacle: ")
            }
            out += wrap(step.expected.nonBlank ?? "(no prediction written)", lead: indent + "Expected: ")
            if let goSee = step.goSee { out += indent + "Go see:   \(goSee)\n" }
            if step.isClosed {
                out += wrap(step.happened ?? "", lead: indent + "Happened: ")
                if let answer = step.asExpected { out += indent + "As expected? \(answer.rawValue)\n" }
                out += wrap(step.learned ?? "", lead: indent + "Learned:  ")
            } else {
                out += indent + "(result not in yet)\n"
            }
        }
        if let growth { out += "\n" + self.growth(growth) }
        return out
    }

    /// The learner's growth figures (DESIGN §11.4), over all their target conditions.
    static func growth(_ growth: LearnerGrowth) -> String {
        growth.lines.reduce("Growth as a learner (all target conditions)\n") { out, line in
            out + wrap(line.value, lead: "  " + line.label.padded(to: 20))
        }
    }

    /// The target condition block, with the actual condition last recorded (a snapshot or a
    /// cycle's Q2 answer), dated.
    static func target(_ target: TargetCondition, current: ActualCondition?, today: Day? = nil) -> String {
        var heading = "\(target.focusProcess) · achieve by \(target.achieveBy) · \(target.status.rawValue)"
        if target.isActive, let today {
            let left = today.days(to: target.achieveBy)
            heading += left >= 0 ? " (\(left) days left)" : " (\(-left) days past)"
        } else if let closed = target.closedOn {
            heading += " on \(closed)"
        }
        var out = wrap(heading + "  [\(target.id.short)]", lead: label("Target"))
        out += indent(target.condition)
        for amendment in target.amendments {
            out += indent("+ \(amendment.date): \(amendment.text)")
        }
        for metric in target.outcomeMetrics {
            out += wrap(describe(metric), lead: label("  Outcome"))
        }
        for metric in target.processMetrics {
            out += wrap(describe(metric), lead: label("  Process"))
        }
        if let reflection = target.reflection { out += wrap(reflection, lead: label("Reflection")) }
        if let current {
            let source = current.cycle.map { " (coaching cycle \($0.short))" } ?? ""
            out += "\n" + label("Current") + "\(current.date)\(source)\n" + indent(current.text)
            for metric in current.metrics {
                out += indent("\(metric.name) = \(format(metric.value))\(metric.unit.map { " \($0)" } ?? "")")
            }
        }
        return out
    }

    static func describe(_ metric: Metric) -> String {
        metric.name + (metric.target.map { ": \($0)" } ?? "") + (metric.unit.map { " \($0)" } ?? "")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func label(_ text: String) -> String { text.padded(to: 14) }

    private static func indent(_ text: String) -> String {
        wrap(text, lead: String(repeating: " ", count: 14))
    }

    /// `lead` followed by `text`, in lines of at most `width` columns, ending with a newline.
    ///
    /// Every line after the first starts with as many spaces as `lead` is wide, a line of the text
    /// starts a new line, and a word longer than the room left is cut.
    static func wrap(_ text: String, lead: String, width: Int = width) -> String {
        let hanging = String(repeating: " ", count: lead.displayWidth)
        var lines: [String] = []
        for (number, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = number == 0 ? lead : hanging
            var fresh = true  // nothing of the text on this line yet
            var gap = ""
            var word = ""
            func place() {
                while !word.isEmpty {
                    let spacing = fresh ? "" : gap
                    if line.displayWidth + spacing.count + word.displayWidth <= width {
                        line += spacing + word
                        word = ""
                        fresh = false
                    } else if !fresh {
                        lines.append(line)
                        line = hanging
                        fresh = true
                    } else {
                        let room = max(1, width - line.displayWidth)
                        line += word.prefix(room)
                        word = String(word.dropFirst(room))
                        lines.append(line)
                        line = hanging
                    }
                }
                gap = ""
            }
            for character in paragraph {
                if character == " " {
                    if !word.isEmpty { place() }
                    gap.append(" ")
                } else {
                    word.append(character)
                }
            }
            place()
            lines.append(line)
        }
        return lines.map(\.trimmedTrailing).joined(separator: "\n") + "\n"
    }
}

struct StoryboardCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "storyboard",
        abstract: "Show a learner's storyboard: challenge, target and current condition, obstacles, experiments.",
        discussion: """
            Without --target it shows the learner's most recent active target condition. Below the \
            board, the learner's growth over all their target conditions: experiments run, the share \
            of results that surprised (partly or not as expected: how PDCA teaches), the median days \
            from a planned go-see date to the cycle that reviewed the step, and target conditions \
            closed with a reflection. In JSON: {"storyboard": …, "growth": …}.

            Example:
              kata storyboard bo
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// What `--format json` prints.
    struct Document: Encodable {
        var storyboard: Storyboard
        var growth: LearnerGrowth?
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The learner's handle.") var learner: String
    @Option(parsing: .unconditional, help: "The target condition's id, when the learner has several.") var target:
        String?
    @Option(parsing: .unconditional, help: "Output format: text (default) or json.") var format: Format = .text

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let learner = try handle(learner, "learner")
        let board = try await store.storyboard(learner: learner, target: try await store.resolve(.target, target))
        // The figures need every target condition of the learner; offline, the cache holds only the
        // board, which is then shown without them.
        let growth = try? await store.growth(of: learner)
        switch format {
        case .json: context.output.write(try jsonText(Document(storyboard: board, growth: growth)))
        case .text:
            context.output.write(
                StoryboardText.render(board, today: try await context.today(store), growth: growth).terminalSafe)
        }
    }
}
