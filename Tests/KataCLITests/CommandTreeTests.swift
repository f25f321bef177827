import ArgumentParser
import Foundation
import Testing

@testable import KataCLI

@Suite("the command tree")
struct CommandTreeTests {
    /// Without an explicit name ArgumentParser derives one with `String(describing: Self.self)`,
    /// which in the static binary scans every protocol conformance record, three times a command,
    /// before any command runs: two thirds of `kata --version`.
    @Test("every command names itself, so that no type name is looked up at start")
    func everyCommandIsNamed() {
        for (path, type) in HelpLayoutTests.commands {
            #expect(type.configuration.commandName != nil, "\(path) has no commandName")
        }
    }

    /// `--from -4w` must read `-4w` as the value: only `parsing: .unconditional` does (DESIGN §5).
    @Test("every option of every command takes the word after it as its value, even one that starts with a dash")
    func everyOptionIsUnconditional() throws {
        let tool = try JSONSerialization.jsonObject(with: Data(Kata._dumpHelp().utf8)) as? [String: Any]
        var options = 0
        func visit(_ command: [String: Any], path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option"
            {
                let name = (argument["preferredName"] as? [String: Any])?["name"] as? String ?? "?"
                guard name != "help", name != "version" else { continue }
                options += 1
                #expect(argument["parsingStrategy"] as? String == "unconditional", "\(path) --\(name)")
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
                visit(subcommand, path: path + " " + (subcommand["commandName"] as? String ?? "?"))
            }
        }
        visit(try #require(tool?["command"] as? [String: Any]), path: "kata")
        #expect(options > 100)
    }
}
