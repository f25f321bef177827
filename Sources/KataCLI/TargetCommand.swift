import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Set, read, amend and close target conditions.",
        subcommands: [Add.self, List.self, Show.self, Amend.self, Close.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Set a learner's next target condition for one focus process.",
            discussion: """
                The achieve-by date does not move once set; later additions go through 'kata target amend'. \
                --date is the day the target condition was set (default today), for a storyboard kept on \
                paper: a relative --achieve-by (+4w) counts from it, and the achieve-by date may not be before it.

                Example:
                  kata target add --learner bo --focus-process "Station 4" --achieve-by +4w \\
                    --condition "Every unit leaves station 4 within 52 s, one piece flow" \\
                    --outcome "cycle time: 52 s" --process "parts presented: at point of use"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The learner who owns it.") var learner: String
        @Option(parsing: .unconditional, help: "The focus process.") var focusProcess: String
        @Option(parsing: .unconditional, help: "The desired operating pattern.") var condition: String
        @Option(parsing: .unconditional, help: "The date to reach it by (usually 1 week to 3 months out).")
        var achieveBy: DayArgument
        @Option(parsing: .unconditional, help: "Id of the challenge it works toward.") var challenge: String?
        @Option(
            name: .customLong("outcome"), parsing: .unconditionalSingleValue,
            help: "An outcome metric, \"name: target\" (repeatable).")
        var outcomes: [String] = []
        @Option(
            name: .customLong("process"), parsing: .unconditionalSingleValue,
            help: "A process metric, \"name: target\" (repeatable).")
        var processes: [String] = []
        @Option(parsing: .unconditional, help: "The day the target condition was set (default: today).")
        var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let setOn = try date?.day(today: today, field: "--date") ?? today
            let target = try TargetCondition(
                learner: handle(learner, "--learner"), focusProcess: focusProcess, condition: condition,
                achieveBy: achieveBy.day(today: setOn, field: "--achieve-by"),
                challenge: try await store.resolve(.challenge, challenge),
                outcomeMetrics: outcomes.map { try Metric(parsing: $0, field: "--outcome") },
                processMetrics: processes.map { try Metric(parsing: $0, field: "--process") }, createdOn: setOn)
            try await store.addTarget(target, today: today)
            context.output.line(
                "Target condition \(target.id.short) for \(target.learner) (\(target.focusProcess)), "
                    + "achieve by \(target.achieveBy).")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List target conditions, active first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only this learner's.") var learner: String?
        @Option(parsing: .unconditional, help: "Only those with this status: active, achieved, missed or dropped.")
        var status: TargetCondition.Status?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let targets = try await store.targets(learner: learner.map { try handle($0, "--learner") }, status: status)
            let text = format.format == .text
            let listing = Listing(
                columns: ["id", "learner", "focusProcess", "achieveBy", "status", "condition"],
                rows: targets.map {
                    [
                        text ? $0.id.short : $0.id.text, $0.learner.rawValue, $0.focusProcess,
                        $0.achieveBy.description, $0.status.rawValue,
                        text ? $0.condition.truncated(to: 50) : $0.condition,
                    ]
                })
            try render(
                listing, records: targets.map(TargetRow.init),
                empty: "No target conditions. Set one with 'kata target add'.", context, format.format)
        }
    }

    struct Show: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a target condition in full.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Argument(help: "The target condition's id (the first characters are enough).") var id: String

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let target = try await store.target(store.resolve(.target, id))
            switch format.format {
            case .json: context.output.write(try jsonText(TargetRow(target)))
            case .csv:
                context.output.write(
                    Listing(
                        columns: ["id", "learner", "focusProcess", "achieveBy", "status", "condition"],
                        rows: [
                            [
                                target.id.text, target.learner.rawValue, target.focusProcess,
                                target.achieveBy.description, target.status.rawValue, target.condition,
                            ]
                        ]
                    ).csv())
            case .text:
                let current = try await store.currentCondition(target: target.id)
                context.output.write(StoryboardText.target(target, current: current).terminalSafe)
            }
        }
    }

    struct Amend: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "amend",
            abstract: "Add to a target condition; what was written stays.",
            discussion: """
                Example:
                  kata target amend 3f2a9c1e --text "Includes the night shift"
                  kata target amend 3f2a9c1e --process "andon response: 2 min"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The target condition's id.") var id: String
        @Option(parsing: .unconditional, help: "Text to add to the condition.") var text: String?
        @Option(
            name: .customLong("outcome"), parsing: .unconditionalSingleValue,
            help: "Another outcome metric, \"name: target\" (repeatable).")
        var outcomes: [String] = []
        @Option(
            name: .customLong("process"), parsing: .unconditionalSingleValue,
            help: "Another process metric, \"name: target\" (repeatable).")
        var processes: [String] = []
        @Option(parsing: .unconditional, help: "The day of the amendment (default: today).") var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let target = try await store.amendTarget(
                store.resolve(.target, id), on: date?.day(today: today, field: "--date") ?? today, text: text,
                outcomeMetrics: outcomes.map { try Metric(parsing: $0, field: "--outcome") },
                processMetrics: processes.map { try Metric(parsing: $0, field: "--process") }, today: today)
            context.output.line("Amended target condition \(target.id.short).")
        }
    }

    struct Close: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "End a target condition as achieved, missed or dropped.",
            discussion: """
                Example:
                  kata target close 3f2a9c1e --achieved --reflection "Kitting did it"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The target condition's id.") var id: String
        @Flag(help: "How it ended.") var outcome: Outcome
        @Option(parsing: .unconditional, help: "What the learner reflects on looking back.") var reflection: String?
        @Option(parsing: .unconditional, help: "The day it ended (default: today).") var date: DayArgument?

        enum Outcome: String, EnumerableFlag {
            case achieved, missed, dropped
        }

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let status = TargetCondition.Status(rawValue: outcome.rawValue) ?? .dropped
            let today = try await context.today(store)
            let target = try await store.closeTarget(
                store.resolve(.target, id), as: status, on: date?.day(today: today, field: "--date") ?? today,
                reflection: reflection, today: today)
            context.output.line("Target condition \(target.id.short) is \(target.status.rawValue).")
        }
    }
}

extension TargetCondition.Status: ExpressibleByArgument {}

/// A target condition in JSON: the interchange fields plus how it ended.
struct TargetRow: Encodable {
    var id: String
    var learner: String
    var focusProcess: String
    var condition: String
    var achieveBy: Day
    var challenge: String?
    var outcomeMetrics: [Metric]
    var processMetrics: [Metric]
    var status: String
    var createdOn: Day
    var closedOn: Day?
    var reflection: String?
    var amendments: [TargetCondition.Amendment]

    init(_ target: TargetCondition) {
        id = target.id.text
        learner = target.learner.rawValue
        focusProcess = target.focusProcess
        condition = target.condition
        achieveBy = target.achieveBy
        challenge = target.challenge?.text
        outcomeMetrics = target.outcomeMetrics
        processMetrics = target.processMetrics
        status = target.status.rawValue
        createdOn = target.createdOn
        closedOn = target.closedOn
        reflection = target.reflection
        amendments = target.amendments
    }
}

struct ConditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "condition",
        abstract: "Record the actual condition now for a target condition.",
        subcommands: [Add.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a dated current-condition snapshot with metric values.",
            discussion: """
                Example:
                  kata condition add --target 3f2a9c1e --text "Cycle time varies 48-71 s" \\
                    --metric "cycle time=58 s"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The target condition's id.") var target: String
        @Option(parsing: .unconditional, help: "What the actual condition is, as observed.") var text: String
        @Option(
            name: .customLong("metric"), parsing: .unconditionalSingleValue,
            help: "A measured value, \"name=value\" (repeatable).")
        var metrics: [String] = []
        @Option(parsing: .unconditional, help: "The day observed (default: today).") var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let values = try metrics.map { try MetricValue(parsing: $0, field: "--metric") }
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let condition = try await CurrentCondition(
                target: store.resolve(.target, target), date: date?.day(today: today, field: "--date") ?? today,
                text: text, metrics: values)
            try await store.addCondition(condition, at: context.now, today: today)
            context.output.line("Recorded the current condition of \(condition.date) (\(condition.id.short)).")
        }
    }
}
