import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct BackupCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, safely, even while others are logging.",
        discussion: """
            The copy is a consistent snapshot made with SQLite's online backup, private to you (mode 0600).

            Example:
              kata backup ~/kata-backups/kata-2026-11-21.sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write.") var file: String

    func run(in context: CommandContext) async throws {
        let store = try global.openFile(context)
        try store.backup(to: file)
        context.output.line("Backed up to \(file).")
    }
}

struct CheckCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database and the rules of the kata; exit 65 with a list when something is wrong.")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) async throws {
        let findings = try await global.openDatabase(context).check()
        guard findings.isEmpty else {
            for finding in findings { context.output.line(finding.description) }
            throw KataError.ruleBroken("\(findings.count) problem(s) found; see above.")
        }
        context.output.line(
            global.databaseURL == nil
                ? "All checks passed: file integrity, references, and the rules of the kata."
                : "All checks passed: the rules of the kata (PostgreSQL enforces the references itself).")
    }
}
