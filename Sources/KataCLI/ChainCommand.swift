import ArgumentParser
import Foundation
import ImprovementKata
import KataStore

struct ChainCommand: KataCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "The chain of coaching: who coached, whose coaching was touched from above.",
        discussion: """
            The reporting tree from the top (or from --from), each person marked with whether \
            they coached in the window (cycles as coach) and whether someone above or beside \
            them touched their coaching (a cycle with them as learner, a 2nd-coach observation \
            of them, a walk at one of their learners' storyboards), with walks against the \
            walker's own plan. Gaps are named, never scored.

            Example:
              kata chain --from pat --weeks 4
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "Start the tree at this person (default: the top).") var from: String?
    @Option(parsing: .unconditional, help: "The window: this many weeks up to today.") var weeks = 4
    @Option(parsing: .unconditional, help: "Output format.") var format: Format = .text

    func validate() throws {
        guard weeks >= 1 && weeks <= 520 else { throw ValidationError("--weeks must be 1 to 520, not \(weeks).") }
    }

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let chain = try await store.chain(
            ChainRequest(from: from.map { try handle($0, "--from") }, weeks: weeks, today: today))
        switch format {
        case .json: context.output.write(try jsonText(chain))
        case .text: context.output.write(ChainText.render(chain))
        }
    }
}
