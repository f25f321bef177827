import Foundation
import ImprovementKata
import KataCLI
import KataSQLite
import KataStore

/// What a command printed and returned.
public struct CommandResult: Sendable {
    public var exitCode: Int32
    public var output: String
    public var errors: String
}

/// Runs `kata` commands in process against a temporary database, with a fixed "today".
///
/// ```swift
/// let kata = try await KataRunner(today: "2026-11-20")
/// let result = await kata.run("person", "add", "ann", "--name", "Ann Lee")
/// #expect(result.exitCode == 0)
/// ```
public final class KataRunner: @unchecked Sendable {
    /// A folder private to this runner, removed when it goes away.
    public let folder: URL
    /// The database file commands use.
    public let databasePath: String
    /// The day commands take as today.
    public var today: Day
    /// Environment variables the commands see (HOME and XDG paths point into `folder`).
    public var environment: [String: String]
    /// The instant commands take as now.
    public var now: Date
    /// Arguments put after every command's own: `["--database", url]` runs the commands on that
    /// PostgreSQL database instead of the runner's file.
    public var storeArguments: [String] = []

    /// A runner with an initialised database (time zone UTC, Monday to Friday) unless `initialise`
    /// is false.
    public init(today: String = "2026-11-20", initialise: Bool = true) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("kata.sqlite").path
        guard let day = Day(today) else { throw KataError.usage("bad test day \(today)") }
        self.today = day
        now = Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + 9 * 3_600))
        environment = [
            "HOME": folder.path, "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "KATA_DB": databasePath,
            // Two cores shared by every test at once: an in-process server may take longer than 10 s.
            "KATA_TIMEOUT": "120",
        ]
        if initialise {
            let result = await run("init", "--time-zone", "UTC")
            guard result.exitCode == 0 else { throw KataError.failure("kata init failed: \(result.errors)") }
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs one command; `input` holds the lines typed at prompts (a terminal is assumed then).
    @discardableResult
    public func run(_ arguments: String..., input: [String]? = nil, terminal: Bool = false) async -> CommandResult {
        await run(arguments, input: input, terminal: terminal)
    }

    /// Runs one command given as an array of arguments.
    @discardableResult
    public func run(_ arguments: [String], input: [String]? = nil, terminal: Bool = false) async -> CommandResult {
        let context = CommandContext(
            environment: environment, now: now, today: today, input: input.map(ScriptedInput.init),
            outputIsTerminal: terminal)
        let code = await Kata.execute(arguments + storeArguments, context: context)
        return CommandResult(exitCode: code, output: context.output.text, errors: context.errors.text)
    }

    /// The store behind the runner, for checking what was written.
    public func store() throws -> SQLiteStore {
        try SQLiteStore.open(path: databasePath, create: false)
    }
}

/// Answers prompts from a list of lines; nil (Ctrl-D) after the last.
public final class ScriptedInput: LineReader {
    private var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    public func readLine() -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}
