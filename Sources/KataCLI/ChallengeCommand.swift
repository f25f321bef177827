import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge",
        abstract: "Set and list challenges: the long-range direction target conditions work toward.",
        subcommands: [Add.self, List.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a challenge.",
            discussion: """
                Example:
                  kata challenge add "Ship any order in 24 hours" --owner carl --by 2027-06-30
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "What the challenge is.") var title: String
        @Option(parsing: .unconditional, help: "More about it: why it matters.") var description: String?
        @Option(parsing: .unconditional, help: "Handle of the manager who owns it.") var owner: String?
        @Option(parsing: .unconditional, help: "The date it is to be met by.") var by: DayArgument?
        @Option(parsing: .unconditional, help: "Id of the parent challenge it serves.") var parent: String?
        @Option(parsing: .unconditional, help: "The day it was set; a relative --by counts from it (default: today).")
        var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let setOn = try date?.day(today: today, field: "--date") ?? today
            try setOn.requireHappened(by: today, record: "a challenge")
            let challenge = try Challenge(
                title: title, description: description, owner: owner.map { try handle($0, "--owner") },
                by: by?.day(today: setOn, field: "--by"), parent: try await store.resolve(.challenge, parent))
            try await store.addChallenge(challenge)
            context.output.line("Added challenge \(challenge.id.short): \(challenge.title)")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List challenges.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in context: CommandContext) async throws {
            let challenges = try await global.openStore(context).challenges()
            let listing = Listing(
                columns: ["id", "title", "owner", "by", "parent"],
                rows: challenges.map {
                    let text = format.format == .text
                    return [
                        text ? $0.id.short : $0.id.text, text ? $0.title.truncated(to: 60) : $0.title,
                        $0.owner?.rawValue ?? "", $0.by?.description ?? "",
                        (text ? $0.parent?.short : $0.parent?.text) ?? "",
                    ]
                })
            try render(
                listing, records: challenges.map(ChallengeRow.init),
                empty: "No challenges. Add one with 'kata challenge add TITLE'.", context, format.format)
        }
    }
}

/// A challenge in JSON listings: the interchange fields.
struct ChallengeRow: Encodable {
    var id: String
    var title: String
    var description: String?
    var owner: String?
    var by: Day?
    var parent: String?

    init(_ challenge: Challenge) {
        id = challenge.id.text
        title = challenge.title
        description = challenge.description
        owner = challenge.owner?.rawValue
        by = challenge.by
        parent = challenge.parent?.text
    }
}
