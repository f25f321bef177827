import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct ObstacleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "obstacle",
        abstract: "Keep a target condition's obstacle parking lot.",
        subcommands: [Add.self, List.self, Work.self, Close.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Park an obstacle on the parking lot.",
            discussion: """
                Example:
                  kata obstacle add --target 3f2a9c1e "Screws run out twice a shift"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The target condition's id.") var target: String
        @Argument(help: "What is in the way.") var text: String
        @Flag(help: "Work on it now (the obstacle worked so far goes back to the parking lot).") var work = false
        @Option(
            parsing: .unconditional,
            help: "The day it was parked, not before its target condition was set (default: today).")
        var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let obstacle = try await Obstacle(
                target: store.resolve(.target, target), text: text, status: work ? .working : .parked,
                createdOn: date?.day(today: today, field: "--date") ?? today)
            try await store.addObstacle(obstacle, today: today)
            context.output.line("Obstacle \(obstacle.id.short) is \(obstacle.status.rawValue).")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the parking lot: the obstacle being worked first, then parked, then closed.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only this target condition's obstacles.") var target: String?
        @Option(parsing: .unconditional, help: "Only this learner's obstacles.") var learner: String?
        @Flag(help: "Leave out obstacles overcome or dropped.") var open = false

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let obstacles = try await store.obstacles(
                target: try await store.resolve(.target, target),
                learner: learner.map { try handle($0, "--learner") }, includeClosed: !open)
            let text = format.format == .text
            let listing = Listing(
                columns: ["id", "target", "status", "createdOn", "closedOn", "text"],
                rows: obstacles.map {
                    [
                        text ? $0.id.short : $0.id.text, text ? $0.target.short : $0.target.text,
                        text && $0.status == .working ? "▶ working" : $0.status.rawValue, $0.createdOn.description,
                        $0.closedOn?.description ?? "", text ? $0.text.truncated(to: 60) : $0.text,
                    ]
                })
            try render(
                listing, records: obstacles.map(ObstacleRow.init), empty: "The parking lot is empty.", context,
                format.format)
        }
    }

    struct Work: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "work",
            abstract: "Make this the one obstacle being worked; the current one goes back to the parking lot.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The obstacle's id.") var id: String
        @Option(parsing: .unconditional, help: "The day work on it starts, not before it was parked (default: today).")
        var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let obstacle = try await store.workObstacle(
                store.resolve(.obstacle, id), on: date?.day(today: today, field: "--date") ?? today, today: today)
            context.output.line("Working on obstacle \(obstacle.id.short): \(obstacle.text)")
        }
    }

    struct Close: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Mark an obstacle overcome or dropped.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The obstacle's id.") var id: String
        @Flag(help: "How it ended.") var outcome: Outcome
        @Option(parsing: .unconditional, help: "The day it ended, not before it was parked (default: today).")
        var date: DayArgument?

        enum Outcome: String, EnumerableFlag {
            case overcome, dropped
        }

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let obstacle = try await store.closeObstacle(
                store.resolve(.obstacle, id), as: Obstacle.Status(rawValue: outcome.rawValue) ?? .dropped,
                on: date?.day(today: today, field: "--date") ?? today, today: today)
            context.output.line("Obstacle \(obstacle.id.short) is \(obstacle.status.rawValue).")
        }
    }
}

/// An obstacle in JSON: the interchange fields.
struct ObstacleRow: Encodable {
    var id: String
    var target: String
    var text: String
    var status: String
    var createdOn: Day
    var closedOn: Day?

    init(_ obstacle: Obstacle) {
        id = obstacle.id.text
        target = obstacle.target.text
        text = obstacle.text
        status = obstacle.status.rawValue
        createdOn = obstacle.createdOn
        closedOn = obstacle.closedOn
    }
}
