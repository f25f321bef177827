import ArgumentParser
import Foundation
import KataTestSupport
import Testing

@testable import KataCLI

@Suite("help at 80 columns")
struct HelpLayoutTests {
    /// Every command and subcommand, with the words that call it.
    static let commands: [(path: String, type: any ParsableCommand.Type)] = {
        var found: [(path: String, type: any ParsableCommand.Type)] = []
        func visit(_ type: any ParsableCommand.Type, path: String) {
            found.append((path, type))
            for subcommand in type.configuration.subcommands {
                visit(subcommand, path: path + " " + subcommand._commandName)
            }
        }
        visit(Kata.self, path: "kata")
        return found
    }()

    @Test("every command's help fits 80 columns: no line wider, no wrapped option, no wrapped example")
    func everyCommandFits() {
        #expect(Self.commands.count > 30)
        for (path, type) in Self.commands {
            for problem in Self.problems(in: HelpLayout.help(for: type, columns: 80)) {
                Issue.record("\(path) --help: \(problem)")
            }
        }
    }

    @Test("the checks catch a hand-wrapped paragraph, a wrapped example, a wrapped option and a long line")
    func checksCatchEachFault() {
        let text = """
            OVERVIEW: Something.

            A paragraph broken by hand
            here, then wrapped
            --include-notes by the parser.

            Examples:
              kata cycle log --learner bo --minutes 15 --actual "58 s average, 3 run-outs"
            --go-see tomorrow

            USAGE: kata x \(String(repeating: "[--a <a>] ", count: 9))
            """
        #expect(
            Self.problems(in: text).map { $0.split(separator: ":")[0] } == [
                "a line broken by hand before 'here,'", "a line broken by hand before '--include-notes'",
                "a wrapped option", "a wrapped option", "a wrapped example", "104 columns",
            ])
    }

    @Test("a usage line too wide is wrapped between its arguments, under the first one, an option with its value")
    func usageWrapped() {
        let help = HelpLayout.help(for: ObserveCommand.self, columns: 80)
        let usage = help.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("USAGE:") }
            .prefix { !$0.isEmpty }
        #expect(
            usage.joined(separator: "\n") == """
                USAGE: kata observe [--db <path>] [--server <url>] [--database <url>]
                                    --coach <coach> [--second-coach <second-coach>]
                                    [--cycle <cycle>] [--date <date>] --notes <notes>
                                    --focus <focus> --trigger <trigger>
                """)
    }

    @Test("an error's usage line is wrapped too")
    func errorUsageWrapped() async throws {
        let kata = try await KataRunner()
        kata.environment["COLUMNS"] = "80"
        let result = await kata.run("person", "add", "ann")
        #expect(result.exitCode == 64)
        #expect(result.errors.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(result.errors)")
        #expect(
            result.errors.contains(
                "Usage: kata person add [--db <path>] [--server <url>] [--database <url>]\n"
                    + "                       <handle> --name <name>"), "\(result.errors)")
    }

    /// What is wrong with a help screen's layout at 80 columns, one sentence each.
    static func problems(in help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        var inExamples = false
        var beforeUsage = true
        var inUsage = false
        for (index, line) in lines.enumerated() {
            let previous = index > 0 ? lines[index - 1] : ""
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            let continued = previous.hasSuffix(" \\") && line.hasPrefix("    ")
            if line.hasPrefix("USAGE:") { beforeUsage = false }
            // A usage line wraps under its first argument, which may be a required option.
            inUsage = line.hasPrefix("USAGE:") || (inUsage && line.hasPrefix(" "))
            if line.count > 80 { problems.append("\(line.count) columns: \(line)") }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("--") && !line.hasPrefix("  --") && !(inExamples && continued) && !inUsage {
                problems.append("a wrapped option: \(line)")
            }
            if line == "Example:" || line == "Examples:" {
                inExamples = true
            } else if line.isEmpty {
                inExamples = false
            } else if inExamples {
                if !line.hasPrefix("  kata ") && !continued { problems.append("a wrapped example: \(line)") }
            } else if beforeUsage, !next.isEmpty, !next.hasPrefix(" "), let word = next.split(separator: " ").first,
                line.count + 1 + word.count < 80
            {
                problems.append("a line broken by hand before '\(word)': \(line)")
            }
        }
        return problems
    }
}
