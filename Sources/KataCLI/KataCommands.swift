import ArgumentParser

/// Every top-level command, in the order `kata --help` lists them.
enum KataCommands {
    static let all: [any ParsableCommand.Type] = [
        InitCommand.self,
        PersonCommand.self,
        ImportCommand.self,
        ExportCommand.self,
    ]
}
