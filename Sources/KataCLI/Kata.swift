import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// A kata command: async, and run against a `CommandContext` instead of the process's globals.
protocol KataCommand: AsyncParsableCommand {
    func run(in context: CommandContext) async throws
}

extension KataCommand {
    /// Runs in the context `Kata.execute` bound, else in the process's.
    mutating func run() async throws {
        try await run(in: CommandContext.current ?? .live())
    }

    /// Hands the command's work to `Kata.execute`, which awaits it.
    ///
    /// `execute` calls this synchronous requirement of every parsed command (an existential call,
    /// no cast): casting the parsed command to `AsyncParsableCommand` would scan the conformance table
    /// of the static binary, which costs `kata cycle log` milliseconds.
    mutating func run() throws {
        guard let pending = PendingCommand.current else {
            throw KataError.failure("a kata command was run outside Kata.execute.")
        }
        let command = self
        pending.work = { context in try await command.run(in: context) }
    }
}

/// The work of the parsed command, handed from its synchronous `run()` to `Kata.execute`.
final class PendingCommand: @unchecked Sendable {
    var work: ((CommandContext) async throws -> Void)?

    @TaskLocal static var current: PendingCommand?
}

/// The `kata` command line.
public struct Kata: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "kata",
        abstract: "Track Toyota Kata coaching cycles: storyboards, daily coaching and coaching the coaches.",
        discussion: """
            A coach logs each day's coaching cycle in under a minute; learners keep their storyboard; \
            2nd coaches see how regularly each manager coaches.

            Start with 'kata init', or try 'kata demo --db /tmp/demo.sqlite' for an example \
            organisation. The database is --db, else $KATA_DB, else $XDG_DATA_HOME/kata/kata.sqlite.

            The value of an option is the word after it, even when it starts with a dash (such as \
            --from -4w, --date -1d or --name '-1+2').
            """,
        version: version,
        subcommands: KataCommands.all
    )

    public init() {}

    /// Runs `arguments` (without the program name) and returns the exit code: 0 success,
    /// 64 wrong usage, 65 invalid data, 66 a missing file or database, 1 anything else.
    public static func execute(_ arguments: [String], context: CommandContext) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            let pending = PendingCommand()
            // A group without a command of its own throws its help here, as ParsableCommand does.
            try PendingCommand.$current.withValue(pending) { try command.run() }
            if let work = pending.work {
                do {
                    try await CommandContext.$current.withValue(context) { try await work(context) }
                } catch {
                    await context.closing.closeAll()
                    throw error
                }
                await context.closing.closeAll()
            }
            return 0
        } catch let error as KataError {
            context.errors.line("kata: " + error.description)
            return exitCode(for: error)
        } catch {
            let code = exitCode(for: error).rawValue
            let message = HelpLayout.fitted(
                fullMessage(for: error), columns: HelpLayout.columns(environment: context.environment))
            if code == 0 {
                if !message.isEmpty { context.output.line(message) }
            } else {
                context.errors.line(message)
            }
            return code
        }
    }

    /// The exit code for a kata error: 64 usage, 65 invalid data or a broken rule, 66 a missing
    /// file, 69 the server cannot be reached, 75 too many attempts, 77 not allowed, 1 anything else.
    public static func exitCode(for error: KataError) -> Int32 {
        switch error.kind {
        case .usage: return 64
        case .invalid, .notFound, .conflict: return 65
        case .missingFile: return 66
        case .unavailable: return 69
        case .tooManyAttempts: return 75
        case .notSignedIn, .forbidden: return 77
        case .failure: return 1
        }
    }
}

/// The entry point of the `kata` executable.
public enum KataMain {
    public static func main() async -> Never {
        let context = CommandContext.live()
        if let refusal = refuseArgumentsNotUTF8() {
            context.errors.line(refusal)
            exit(65)
        }
        exit(await Kata.execute(Array(CommandLine.arguments.dropFirst()), context: context))
    }

    /// A message for the first argument that is not UTF-8, nil when all are.
    ///
    /// `CommandLine.arguments` puts U+FFFD in place of such bytes, so a name typed in Latin-1
    /// would be stored as other text than was given.
    static func refuseArgumentsNotUTF8() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index], String(validatingCString: argument) == nil else {
                continue
            }
            return "kata: argument \(index) ('\(String(cString: argument))') is not UTF-8 text; kata keeps text as "
                + "UTF-8. Set the terminal or script to UTF-8 (such as LANG=C.UTF-8) and type it again."
        }
        return nil
    }
}
