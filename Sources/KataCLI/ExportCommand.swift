import ArgumentParser

/// `kata export`: the group of export commands; each kind of export is one subcommand.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export kata data.",
        subcommands: [
            ExportDataCommand.self,
            ExportReviewCommand.self,
        ])
}
