import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataCLI

@Suite("an option's value is the word after it, even when it starts with a dash")
struct OptionValueTests {
    @Test("cycle log --date -1d logs the cycle on the day before today")
    func relativeDate() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "-1d", "--no-prompt")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(try kata.store().cycles().map(\.date) == [Day("2026-11-19")])
    }

    @Test("practice --from -4w starts the period four weeks before today")
    func relativePeriodBound() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("practice", "--from", "-4w", "--format", "json")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("\"from\" : \"2026-10-23\""))
    }

    @Test("person edit --name '-1+2' stores that name")
    func dashLedText() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("person", "edit", "ann", "--name", "-1+2")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(try kata.store().person(Handle(validating: "ann"))?.name == "-1+2")
    }

    @Test("every option of every command takes a dash-led next word as its value")
    func everyOption() throws {
        let options = try Self.options()
        #expect(options.count > 100)
        for (path, option) in options {
            let message: String
            do {
                _ = try Kata.parseAsRoot(path + [option, "-1d"])
                continue
            } catch {
                message = Kata.fullMessage(for: error)
            }
            #expect(!message.contains("Missing value"), "kata \(path.joined(separator: " ")) \(option) -1d: \(message)")
        }
    }

    /// Every visible option of every command, with the words that name its command.
    static func options() throws -> [(path: [String], option: String)] {
        let dump = try #require(
            try JSONSerialization.jsonObject(with: Data(Kata._dumpHelp().utf8)) as? [String: Any])
        var found: [(path: [String], option: String)] = []
        func visit(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? []
            where argument["kind"] as? String == "option" && argument["shouldDisplay"] as? Bool != false {
                let names = argument["names"] as? [[String: Any]] ?? []
                if let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String {
                    found.append((path, "--" + long))
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = subcommand["commandName"] as? String, name != "help" else { continue }
                visit(subcommand, path: path + [name])
            }
        }
        visit(try #require(dump["command"] as? [String: Any]), path: [])
        return found
    }
}
