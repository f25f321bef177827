import Foundation
import ImprovementKata
import KataClient
import KataSQLite
import KataStore

/// Where a command writes: the terminal, or a buffer a test reads back.
public final class OutputStream: @unchecked Sendable {
    private let handle: FileHandle?
    private var buffer = ""
    private let lock = NSLock()

    /// Writes to a file handle (standard output or standard error).
    public init(handle: FileHandle) { self.handle = handle }

    /// Collects what is written, for tests.
    public init() { handle = nil }

    /// Writes `text` as it is.
    public func write(_ text: String) {
        if let handle {
            handle.write(Data(text.utf8))
        } else {
            lock.withLock { buffer += text }
        }
    }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") { write(text + "\n") }

    /// What has been written so far (buffers only).
    public var text: String { lock.withLock { buffer } }
}

/// A source of typed lines: the terminal, or scripted answers in a test.
public protocol LineReader: AnyObject {
    /// The next line without its newline; nil at end of input (Ctrl-D).
    func readLine() -> String?
}

/// Reads lines from standard input.
public final class StandardInputReader: LineReader {
    public init() {}
    public func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// Everything a command needs from the world outside: environment, clock, input and output.
///
/// Commands take it as a parameter instead of reaching for globals, so that a test runs any
/// command in process with a temporary database, a fixed "today" and scripted answers, and reads
/// what it printed.
public struct CommandContext: @unchecked Sendable {
    public var environment: [String: String]
    /// The current instant; timestamps are taken from it.
    public var now: Date
    /// Overrides "today" (otherwise `now` in the organisation's time zone).
    public var today: Day?
    public var output: OutputStream
    public var errors: OutputStream
    /// Answers to prompts; nil when there is no terminal to ask.
    public var input: (any LineReader)?
    /// Whether standard output is a terminal (colour, progress).
    public var outputIsTerminal: Bool
    /// What to close when the command ends (a PostgreSQL store's connections), shared by copies.
    public let closing = CommandClosing()

    public init(
        environment: [String: String], now: Date = Date(), today: Day? = nil, output: OutputStream = OutputStream(),
        errors: OutputStream = OutputStream(), input: (any LineReader)? = nil, outputIsTerminal: Bool = false
    ) {
        self.environment = environment
        self.now = now
        self.today = today
        self.output = output
        self.errors = errors
        self.input = input
        self.outputIsTerminal = outputIsTerminal
    }

    /// The context `Kata.execute` runs a command in.
    @TaskLocal static var current: CommandContext?

    /// The context of the running process.
    public static func live() -> CommandContext {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        return CommandContext(
            environment: ProcessInfo.processInfo.environment, now: Date(),
            output: OutputStream(handle: .standardOutput), errors: OutputStream(handle: .standardError),
            input: interactive ? StandardInputReader() : nil, outputIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Whether to colour output: only on a terminal, never with `NO_COLOR` set.
    public var usesColour: Bool {
        outputIsTerminal && (environment["NO_COLOR"].map(\.isEmpty) ?? true) && environment["TERM"] != "dumb"
    }

    /// The path of the database: `--db`, else `$KATA_DB`, else `$XDG_DATA_HOME/kata/kata.sqlite`
    /// (`~/.local/share/kata/kata.sqlite`).
    public func databasePath(_ option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["KATA_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        return data + "/kata/kata.sqlite"
    }

    var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// The config file: `$XDG_CONFIG_HOME/kata/config` (`~/.config/kata/config`).
    public var configPath: String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return config + "/kata/config"
    }

    /// A value from the config file: `key = value` lines, `#` comments.
    public func configValue(_ key: String) -> String? {
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmed
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            if trimmed[..<equals].trimmed == key { return trimmed[trimmed.index(after: equals)...].trimmed }
        }
        return nil
    }

    /// The coach running the command: `--coach`, else `$KATA_COACH`, else `coach =` in the config
    /// file.
    public func coach(_ option: String?) throws -> Handle? {
        if let option { return try Handle(typed: option, field: "--coach") }
        if let value = environment["KATA_COACH"], !value.isEmpty {
            return try Handle(typed: value, field: "KATA_COACH")
        }
        if let value = configValue("coach") { return try Handle(typed: value, field: "coach in \(configPath)") }
        return nil
    }
}

extension CommandContext {
    /// How long a command waits for the server's answer: `KATA_TIMEOUT` seconds (1 to 600), else
    /// 10 (a coach at the gemba wants the outbox, not a wait; a slow link may need longer).
    func serverTimeout() throws -> Duration {
        try ServerConnection.timeout(environment: environment)
    }
}

/// What a command opened that must be closed when it ends, whatever the outcome.
public final class CommandClosing: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [@Sendable () async -> Void] = []

    public init() {}

    /// Adds `action`, run once when the command ends.
    public func add(_ action: @escaping @Sendable () async -> Void) {
        lock.withLock { actions.append(action) }
    }

    /// Runs every action added, the last first, and forgets them.
    public func closeAll() async {
        let pending = lock.withLock {
            defer { actions.removeAll() }
            return actions
        }
        for action in pending.reversed() { await action() }
    }
}
