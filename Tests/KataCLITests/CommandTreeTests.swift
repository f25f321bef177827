import ArgumentParser
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
}
