import ArgumentParser
import Foundation
import ImprovementKata
import KataStore

/// The learner's storyboard as terminal text, laid out like the board at the process: challenge,
/// target condition, current condition, obstacle parking lot, experimenting record.
enum StoryboardText {
    static func render(_ board: Storyboard, today: Day) -> String {
        var out = "STORYBOARD  \(board.learner.name) (\(board.learner.handle))"
        if let unit = board.learner.unit { out += " · \(unit)" }
        out += "\n\n"
        if let challenge = board.challenge {
            out += label("Challenge") + challenge.title + (challenge.by.map { " (by \($0))" } ?? "") + "\n"
        }
        out += target(board.target, conditions: board.conditions, today: today)
        out += "\nObstacle parking lot\n"
        if board.obstacles.isEmpty { out += "  (empty)\n" }
        for obstacle in board.obstacles {
            let marker = obstacle.status == .working ? "▶" : " "
            var status = obstacle.status.rawValue
            if let closed = obstacle.closedOn { status += " \(closed)" }
            out += "  \(marker) \(obstacle.id.short)  \(obstacle.text)  [\(status)]\n"
        }
        out += "\nExperimenting record\n"
        if board.experiments.isEmpty { out += "  (no steps yet)\n" }
        let obstacles = Dictionary(board.obstacles.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        for (index, step) in board.experiments.enumerated() {
            let number = "\(index + 1).".padded(to: 4)
            out += "  \(number)\(step.plannedOn)  Step:     \(step.step)\n"
            let indent = String(repeating: " ", count: 18)
            if let obstacle = step.obstacle.flatMap({ obstacles[$0] }) {
                out += indent + "Obstacle: \(obstacle)\n"
            }
            out += indent + "Expected: \(step.expected.nonBlank ?? "(no prediction written)")\n"
            if let goSee = step.goSee { out += indent + "Go see:   \(goSee)\n" }
            if step.isClosed {
                out += indent + "Happened: \(step.happened ?? "")\n"
                out += indent + "Learned:  \(step.learned ?? "")\n"
            } else {
                out += indent + "(result not in yet)\n"
            }
        }
        return out
    }

    /// The target condition block, with the latest current condition.
    static func target(_ target: TargetCondition, conditions: [CurrentCondition], today: Day? = nil) -> String {
        var out =
            label("Target") + "\(target.focusProcess) · achieve by \(target.achieveBy) · \(target.status.rawValue)"
        if target.isActive, let today {
            let left = today.days(to: target.achieveBy)
            out += left >= 0 ? " (\(left) days left)" : " (\(-left) days past)"
        } else if let closed = target.closedOn {
            out += " on \(closed)"
        }
        out += "  [\(target.id.short)]\n"
        out += indent(target.condition)
        for amendment in target.amendments {
            out += indent("+ \(amendment.date): \(amendment.text)")
        }
        for metric in target.outcomeMetrics {
            out += label("  Outcome") + describe(metric) + "\n"
        }
        for metric in target.processMetrics {
            out += label("  Process") + describe(metric) + "\n"
        }
        if let reflection = target.reflection { out += label("Reflection") + reflection + "\n" }
        if let latest = conditions.last {
            out += "\n" + label("Current") + "\(latest.date)\n" + indent(latest.text)
            for metric in latest.metrics {
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
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String(repeating: " ", count: 14) + $0 }
            .joined(separator: "\n") + "\n"
    }
}

struct StoryboardCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "storyboard",
        abstract: "Show a learner's storyboard: challenge, target and current condition, obstacles, experiments.",
        discussion: """
            Without --target it shows the learner's most recent active target condition.

            Example:
              kata storyboard bo
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The learner's handle.") var learner: String
    @Option(parsing: .unconditional, help: "The target condition's id, when the learner has several.") var target:
        String?

    func run(in context: CommandContext) throws {
        let store = try global.openStore(context)
        let board = try store.storyboard(
            learner: handle(learner, "learner"), target: target.map { try store.resolve(.target, $0) })
        context.output.write(StoryboardText.render(board, today: try context.today(store)).terminalSafe)
    }
}
