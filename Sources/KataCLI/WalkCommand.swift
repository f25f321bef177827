import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite
import KataStore

extension Walk.Mode: ExpressibleByArgument {}

/// A cadence of walks typed as `1w`, `2w`, …: anything else is a usage error naming the option.
struct WeeksArgument: ExpressibleByArgument, Sendable {
    let weeks: Int

    init?(argument: String) {
        guard let weeks = try? WalkPlan.weeks(parsing: argument) else { return nil }
        self.weeks = weeks
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

struct WalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Record a leader's Kata walk to learners' storyboards, set walk plans, list walks.",
        subcommands: [Record.self, Plan.self, List.self], defaultSubcommand: Record.self)

    struct Record: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a walk to learners' storyboards: what 'kata walk' does.",
            discussion: """
                Example:
                  kata walk --walker pat --learner bo --learner cy --mode go-see \\
                    --with lena --learned "Bo reads the run chart before the cycle"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The leader who walked.") var walker: String
        @Option(parsing: .unconditional, help: "The day (default: today).") var date: DayArgument?
        @Option(
            name: .customLong("learner"), parsing: .unconditionalSingleValue,
            help: "A learner whose storyboard the walk went to (repeat for more).")
        var learner: [String] = []
        @Option(parsing: .unconditional, help: "What the walker did at the storyboards.") var mode: Walk.Mode?
        @Option(parsing: .unconditional, help: "Who walked along (the lean coach, say).") var with: String?
        @Option(parsing: .unconditional, help: "What the walker learned.") var learned: String?
        @Option(parsing: .unconditional, help: "What the walker will follow up.") var followUp: String?

        func validate() throws {
            guard !learner.isEmpty else {
                throw ValidationError("Name at least one learner whose storyboard the walk went to: --learner H.")
            }
        }

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let walk = try Walk(
                walker: handle(walker, "--walker"), date: date?.day(today: today, field: "--date") ?? today,
                learners: learner.map { try handle($0, "--learner") }, mode: mode,
                with: with.map { try handle($0, "--with") }, learned: learned, followUp: followUp)
            let isNew: Bool
            do {
                isNew = try await store.recordWalk(walk, at: context.now, today: today)
            } catch let kept as RemoteStore.Kept {
                return kept.report(to: context)
            }
            let learners = walk.learners.map(\.rawValue).joined(separator: ", ")
            context.output.line(
                (isNew ? "Recorded" : "Already recorded:")
                    + " \(walk.walker)'s walk to \(learners) on \(walk.date) (\(walk.id.short)).")
        }
    }

    struct Plan: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Set a walker's own cadence of walks: one every N weeks.",
            discussion: """
                Example:
                  kata walk plan --walker pat --every 2w --since 2026-11-02
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The leader who walks.") var walker: String
        @Option(parsing: .unconditional, help: "Weeks between walks: 1w, 2w, …") var every: WeeksArgument
        @Option(parsing: .unconditional, help: "The plan's first day (default: today).") var since: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let plan = try WalkPlan(
                walker: handle(walker, "--walker"), every: every.weeks,
                since: since?.day(today: today, field: "--since") ?? today)
            try await store.setWalkPlan(plan)
            context.output.line(
                "\(plan.walker) plans a walk every \(plan.every == 1 ? "week" : "\(plan.every) weeks")"
                    + (plan.since.map { " from \($0)" } ?? "") + ".")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List walks, newest first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only this walker's walks.") var walker: String?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let walks = try await store.walks(walker: walker.map { try handle($0, "--walker") })
            let listing = Listing(
                columns: ["id", "date", "walker", "learners", "mode", "with"],
                rows: walks.map {
                    [
                        $0.id.short, $0.date.description, $0.walker.rawValue,
                        $0.learners.map(\.rawValue).joined(separator: ","), $0.mode?.rawValue ?? "",
                        $0.with?.rawValue ?? "",
                    ]
                })
            try render(listing, records: walks.map(WalkRow.init), empty: "No walks recorded.", context, format.format)
        }
    }
}

/// A walk in JSON: the interchange fields.
struct WalkRow: Encodable {
    var id: String
    var walker: String
    var date: Day
    var learners: [String]
    var mode: String?
    var with: String?
    var learned: String?
    var followUp: String?

    init(_ walk: Walk) {
        id = walk.id.uuidString.lowercased()
        walker = walk.walker.rawValue
        date = walk.date
        learners = walk.learners.map(\.rawValue)
        mode = walk.mode?.rawValue
        with = walk.with?.rawValue
        learned = walk.learned
        followUp = walk.followUp
    }
}
