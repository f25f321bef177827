import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Start, list and end coaching relationships.",
        subcommands: [Add.self, List.self, End.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Pair a coach with a learner, optionally with a 2nd coach who watches the coach.",
            discussion: """
                Example:
                  kata pair add --coach ann --learner bo --second-coach lena --since 2026-09-01
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The coach's handle.") var coach: String
        @Option(parsing: .unconditional, help: "The learner's handle.") var learner: String
        @Option(parsing: .unconditional, help: "The 2nd coach's handle.") var secondCoach: String?
        @Option(parsing: .unconditional, help: "First day of the pairing (default: today).") var since: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let pairing = try Pairing(
                coach: handle(coach, "--coach"), learner: handle(learner, "--learner"),
                secondCoach: secondCoach.map { try handle($0, "--second-coach") },
                since: since?.day(today: today, field: "--since") ?? today)
            try await store.addPairing(pairing)
            context.output.line(
                "\(pairing.coach) coaches \(pairing.learner) from \(pairing.since)"
                    + (pairing.secondCoach.map { ", with \($0) as 2nd coach" } ?? "") + ".")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List coaching relationships.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only this coach's learners.") var coach: String?
        @Option(parsing: .unconditional, help: "Only this learner's coaches.") var learner: String?
        @Option(parsing: .unconditional, help: "Only pairings this 2nd coach watches.") var secondCoach: String?
        @Flag(help: "Only pairings in force today.") var active = false

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let pairings = try await store.pairings(
                coach: coach.map { try handle($0, "--coach") }, learner: learner.map { try handle($0, "--learner") },
                secondCoach: secondCoach.map { try handle($0, "--second-coach") },
                activeOn: active ? context.today(store) : nil)
            let listing = Listing(
                columns: ["id", "coach", "learner", "secondCoach", "since", "until"],
                rows: pairings.map {
                    [
                        format.format == .text ? $0.id.short : $0.id.text, $0.coach.rawValue, $0.learner.rawValue,
                        $0.secondCoach?.rawValue ?? "", $0.since.description, $0.until?.description ?? "",
                    ]
                })
            try render(listing, records: pairings.map(PairingRow.init), empty: "No pairings.", context, format.format)
        }
    }

    struct End: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "end",
            abstract: "End a coaching relationship; the day given is its last day.",
            discussion: """
                Example:
                  kata pair end --coach ann --learner bo --on 2026-11-30
                """)

        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "The coach's handle.") var coach: String
        @Option(parsing: .unconditional, help: "The learner's handle.") var learner: String
        @Option(parsing: .unconditional, help: "The last day of the pairing (default: today).") var on: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let pairing = try await store.endPairing(
                coach: handle(coach, "--coach"), learner: handle(learner, "--learner"),
                on: on?.day(today: today, field: "--on") ?? today)
            context.output.line(
                "\(pairing.coach) coached \(pairing.learner) from \(pairing.since) to \(pairing.until ?? today).")
        }
    }
}

/// A pairing in JSON listings: the interchange fields.
struct PairingRow: Encodable {
    var id: String
    var coach: String
    var learner: String
    var secondCoach: String?
    var since: Day
    var until: Day?

    init(_ pairing: Pairing) {
        id = pairing.id.text
        coach = pairing.coach.rawValue
        learner = pairing.learner.rawValue
        secondCoach = pairing.secondCoach?.rawValue
        since = pairing.since
        until = pairing.until
    }
}

/// Prints a listing in the chosen format; `records` are what JSON shows.
func render<T: Encodable>(
    _ listing: Listing, records: [T], empty: String, _ context: CommandContext, _ format: OutputFormat
) throws {
    switch format {
    case .json: context.output.write(try jsonText(records))
    case .csv: context.output.write(listing.csv())
    case .text: context.output.write(listing.rows.isEmpty ? empty + "\n" : listing.text())
    }
}
