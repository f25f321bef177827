import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite

/// `kata outbox list|show|drop`: the records waiting for the server.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List, show and drop the records waiting to be sent to the server.",
        discussion: """
            Cycles, observations and walks logged while the server could not be reached wait here \
            until 'kata sync' (or the next command that reaches the server) sends them.
            """,
        subcommands: [List.self, Show.self, Drop.self])

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the records waiting, oldest first, with any refusal.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in context: CommandContext) async throws {
            let rows = try Outbox(files: context.clientFiles).entries().map(OutboxRow.init)
            let text = format.format == .text
            let listing = Listing(
                columns: ["id", "kind", "queued", "refusal"],
                rows: rows.map {
                    [
                        text ? String($0.id.prefix(8)) : $0.id, $0.kind, $0.queued,
                        text ? ($0.refusal?.message ?? "").truncated(to: 50) : $0.refusal?.message ?? "",
                    ]
                })
            try render(listing, records: rows, empty: "Nothing waits in the outbox.", context, format.format)
        }
    }

    struct Show: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a waiting record: what will be sent, and the server's last refusal.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id, or its first characters.") var id: String

        func run(in context: CommandContext) async throws {
            let entry = try Outbox(files: context.clientFiles).entry(matching: id)
            let out = context.output
            out.line("\(entry.kind.rawValue.capitalized) \(entry.id.text)")
            out.line("Kept:     \(WireJSON.instantText(entry.queued))")
            out.line("Sent to:  POST \(entry.path)")
            if let refusal = entry.refusal {
                out.line(
                    "Refused:  \(WireJSON.instantText(refusal.at)) (\(refusal.code)): \(refusal.message)".terminalSafe)
            }
            out.line("Record:")
            out.write(Self.pretty(entry.body).terminalSafe)
        }

        /// The body indented for reading; as it is when it is not JSON.
        static func pretty(_ body: String) -> String {
            guard let value = try? JSONSerialization.jsonObject(with: Data(body.utf8)),
                let data = try? JSONSerialization.data(
                    withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            else { return body + "\n" }
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    struct Drop: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop", abstract: "Remove a waiting record without sending it.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id, or its first characters.") var id: String

        func run(in context: CommandContext) async throws {
            let outbox = Outbox(files: context.clientFiles)
            let entry = try outbox.entry(matching: id)
            try outbox.remove(entry.id)
            context.output.line(
                "Dropped \(entry.kind.rawValue) \(entry.id.short) from the outbox; it will not be sent.")
        }
    }
}

/// A waiting record in listings.
struct OutboxRow: Encodable {
    struct Refusal: Encodable {
        var code: String
        var message: String
        var at: String
    }

    var id: String
    var kind: String
    var path: String
    var queued: String
    var refusal: Refusal?

    init(_ entry: OutboxEntry) {
        id = entry.id.text
        kind = entry.kind.rawValue
        path = entry.path
        queued = WireJSON.instantText(entry.queued)
        refusal = entry.refusal.map { Refusal(code: $0.code, message: $0.message, at: WireJSON.instantText($0.at)) }
    }
}
