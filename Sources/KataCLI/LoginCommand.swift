import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite

/// `kata login [URL]`: signs in to a kata server and keeps a token for this computer.
struct LoginCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to a kata server and keep a token for this computer.",
        discussion: """
            Makes a personal API token named after this computer and keeps it, with the server's \
            URL, in $XDG_CONFIG_HOME/kata/credentials, readable by you alone. From then on commands \
            go to that server. The password is asked for without echo, or read from standard input \
            with --password-stdin; it is never stored.

            Examples:
              kata login https://kata.example.org
              kata login http://127.0.0.1:8470 --handle ann --password-stdin < password.txt
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The server, such as https://kata.example.org (default: --server or $KATA_SERVER).")
    var url: String?
    @Option(parsing: .unconditional, help: "Your handle (asked for on a terminal).") var handle: String?
    @Flag(help: "Read the password from standard input (one line) instead of asking.") var passwordStdin = false

    func run(in context: CommandContext) async throws {
        guard let address = url ?? global.chosenServer(context) else {
            throw KataError.missing(
                fields: ["URL"], hint: "Give the server, such as 'kata login https://kata.example.org'.")
        }
        let server = try ServerConnection(url: address, timeout: context.serverTimeout())
        let (account, password) = try await askCredentials(context)
        let name = ProcessInfo.processInfo.hostName
        let issued = try await server.signIn(handle: account, password: password, name: name)
        let files = context.clientFiles
        let previous = try? Credentials.read(from: files)
        try Credentials(server: server.url, token: issued.token, tokenId: issued.id, handle: issued.handle)
            .write(to: files)
        try ResponseCache(files: files).clear()
        context.output.line("Signed in to \(server.url) as \(issued.handle).")
        if let previous, previous.server == server.url, previous.tokenId != issued.id {
            // This computer's former token of that server would otherwise stay valid, unused.
            let connection = try previous.connection(timeout: context.serverTimeout())
            _ = try? await connection.revokeToken(previous.tokenId)
        }
    }

    /// The handle and password: from the options and standard input, else asked for on the terminal.
    private func askCredentials(_ context: CommandContext) async throws -> (Handle, String) {
        if passwordStdin {
            guard let handle else {
                throw KataError.missing(
                    fields: ["--handle"], hint: "With --password-stdin, give the handle as --handle H.")
            }
            let line = (context.input ?? StandardInputReader()).readLine() ?? ""
            let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
            guard !password.isEmpty else {
                throw KataError.missing(fields: ["password"], hint: "Write it as one line on standard input.")
            }
            return (try Handle(typed: handle, field: "--handle"), password)
        }
        guard let input = context.input else {
            throw KataError.usage(
                "there is no terminal to ask for the password: give --handle H and write the password to standard "
                    + "input with --password-stdin.")
        }
        let prompter = Prompter(input: input, output: context.output)
        var account = try handle.map { try Handle(typed: $0, field: "--handle") }
        if account == nil {
            account = try await prompter.ask("Handle") { try Handle(typed: $0, field: "handle") }
        }
        guard let account else { throw KataError.failure("cancelled; not signed in.") }
        context.output.write("Password > ")
        let typed = input is StandardInputReader ? readLineWithoutEcho() : input.readLine()
        context.output.line()
        guard let password = typed, !password.isEmpty else { throw KataError.failure("cancelled; not signed in.") }
        return (account, password)
    }
}

/// The terminal's settings while a password is typed, for Ctrl-C to put back.
nonisolated(unsafe) private var terminalBeforePassword = termios()

/// A line typed on the terminal, not shown as it is typed; Ctrl-C turns the echo back on.
private func readLineWithoutEcho() -> String? {
    guard tcgetattr(STDIN_FILENO, &terminalBeforePassword) == 0 else { return readLine() }
    var hidden = terminalBeforePassword
    hidden.c_lflag &= ~tcflag_t(ECHO)
    let interrupt = signal(SIGINT) { _ in
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &terminalBeforePassword)
        _exit(130)
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
    defer {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &terminalBeforePassword)
        signal(SIGINT, interrupt)
    }
    return readLine()
}

/// `kata logout`: revokes this computer's token and forgets it.
struct LogoutCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Revoke this computer's token and remove the credentials.",
        discussion: """
            The credentials and the cache are removed even when the server cannot be reached; the \
            token then stays valid on the server until it is revoked ('kata token revoke ID' from \
            another sign-in). Records waiting in the outbox stay for the next sign-in.
            """)

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) async throws {
        let files = context.clientFiles
        guard try Credentials.read(from: files) != nil else {
            context.output.line("Not signed in; nothing to do.")
            return
        }
        let credentials = try Credentials.signedIn(to: global.chosenServer(context), files: files)
        let connection = try credentials.connection(timeout: context.serverTimeout())
        var note: String?
        do {
            try await connection.revokeToken(credentials.tokenId)
        } catch let error as KataError where [.notSignedIn, .notFound].contains(error.kind) {
            note = "The token had been revoked already."
        } catch let error as KataError {
            note =
                "The token could not be revoked (\(error.description)) It stays valid until revoked: "
                + "'kata token revoke \(credentials.tokenId.short)' from another sign-in."
        }
        try Credentials.delete(from: files)
        try ResponseCache(files: files).clear()
        if let note { context.errors.line("kata: " + note) }
        context.output.line("Signed out of \(credentials.server).")
        let waiting = try Outbox(files: files).entries().count
        if waiting > 0 {
            context.output.line("\(waiting == 1 ? "1 record waits" : "\(waiting) records wait") in the outbox.")
        }
    }
}

extension GlobalOptions {
    /// The server chosen for this command: `--server`, else `$KATA_SERVER`; nil for the one signed in to.
    func chosenServer(_ context: CommandContext) -> String? {
        if let server, !server.isEmpty { return server }
        return context.environment["KATA_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension CommandContext {
    /// The client's files, beside the config file: credentials, cache, outbox.
    var clientFiles: ClientFiles { ClientFiles(folder: (configPath as NSString).deletingLastPathComponent) }
}
