import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite

/// `kata token list|revoke`: the personal API tokens of the account signed in.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "List and revoke your API tokens on the server.",
        subcommands: [List.self, Revoke.self])

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List your tokens: name, when made, when last used.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Another account's tokens (admins).") var handle: String?

        func run(in context: CommandContext) async throws {
            let credentials = try Credentials.signedIn(to: global.chosenServer(context), files: context.clientFiles)
            let connection = try credentials.connection(timeout: context.serverTimeout())
            let owner = try handle.map { try Handle(typed: $0, field: "--handle") }
            let tokens = try await connection.tokens(of: owner)
            let rows = tokens.map { TokenRow($0, current: $0.id == credentials.tokenId) }
            let text = format.format == .text
            let listing = Listing(
                columns: ["id", "name", "created", "lastUsed", "current"],
                rows: rows.map {
                    [
                        text ? String($0.id.prefix(8)) : $0.id, text ? $0.name.truncated(to: 40) : $0.name, $0.created,
                        $0.lastUsed ?? "", $0.current ? "yes" : "",
                    ]
                })
            try render(listing, records: rows, empty: "No tokens.", context, format.format)
        }
    }

    struct Revoke: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a token: it fails at once from then on.",
            discussion: """
                The id may be shortened to the characters 'kata token list' shows. Revoking this \
                computer's own token signs it out.

                Example:
                  kata token revoke 3f2a9c1e
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id, or its first characters.") var id: String

        func run(in context: CommandContext) async throws {
            let files = context.clientFiles
            let credentials = try Credentials.signedIn(to: global.chosenServer(context), files: files)
            let connection = try credentials.connection(timeout: context.serverTimeout())
            let prefix = id
            let revoked = try record(
                prefix, in: try await connection.tokens(), id: \.id, kind: "token",
                hint: "'kata token list' shows your tokens.")
            try await connection.revokeToken(revoked.id)
            context.output.line("Revoked token \(revoked.id.short) (\(revoked.name)).")
            if revoked.id == credentials.tokenId {
                try Credentials.delete(from: files)
                try ResponseCache(files: files).clear()
                context.output.line("It was this computer's token: signed out of \(credentials.server).")
            }
        }
    }
}

/// A token in listings; `current` marks the one this computer signs in with.
struct TokenRow: Encodable {
    var id: String
    var name: String
    var created: String
    var lastUsed: String?
    var current: Bool

    init(_ token: TokenSummary, current: Bool) {
        id = token.id.text
        name = token.name
        created = WireJSON.instantText(token.created)
        lastUsed = token.lastUsed.map(WireJSON.instantText)
        self.current = current
    }
}
