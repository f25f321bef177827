import Foundation
import GRDB
import KataTestSupport

/// What a database holds, table by table: row count and a hash of every row, plus the schema
/// (tables, indexes, triggers). Two digests are equal when the databases hold the same rows and
/// the same schema, whatever order the rows were written in.
struct DatabaseDigest: Equatable, CustomStringConvertible {
    /// "12 rows, 9f3c…" per table; "schema" for `sqlite_master`.
    var tables: [String: String]

    var description: String {
        tables.keys.sorted().map { "\($0): \(tables[$0] ?? "")" }.joined(separator: "; ")
    }

    /// The digest of the database file at `path`, read through a connection of its own (which
    /// also recovers a WAL left behind by a killed process, as any next `kata` command would).
    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        tables = try queue.read { db in try Self.tables(db) }
    }

    /// The digest of an open database.
    init(_ db: Database) throws {
        tables = try Self.tables(db)
    }

    private static func tables(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        let schema = try Row.fetchAll(
            db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        result["schema"] = digest(schema.map(encode))
        let names = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for name in names {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)")
            result[name] = digest(rows.map(encode))
        }
        return result
    }

    /// Every value with its storage class, so that 1, 1.0, '1' and NULL differ.
    private static func encode(_ row: Row) -> String {
        row.databaseValues.map { value -> String in
            switch value.storage {
            case .null: return "N"
            case .int64(let number): return "I\(number)"
            case .double(let number): return "D\(number.bitPattern)"
            case .string(let text): return "S\(text.utf8.count):\(text)"
            case .blob(let data): return "B\(data.map { String($0, radix: 16) }.joined(separator: "."))"
            }
        }.joined(separator: "|")
    }

    /// Row count and FNV-1a hash of the sorted rows.
    private static func digest(_ rows: [String]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for row in rows.sorted() {
            for byte in row.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            }
            hash = (hash ^ 0x0A) &* 0x100_0000_01B3
        }
        return "\(rows.count) rows, \(String(hash, radix: 16))"
    }
}

/// A JSON document as parsed, for comparing text byte for byte.
enum JSONValue: Decodable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The documents of a JSONL text, one per non-empty line.
    static func lines(_ text: String) throws -> [JSONValue] {
        try text.split(separator: "\n").map { try parse(String($0)) }
    }

    /// Every text in the document, keys left out, as UTF-8 bytes (Swift's `==` on strings would
    /// take a decomposed "é" for a composed one).
    var texts: [[UInt8]] {
        switch self {
        case .string(let text): return [Array(text.utf8)]
        case .array(let values): return values.flatMap(\.texts)
        case .object(let fields): return fields.values.flatMap(\.texts)
        case .number, .bool, .null: return []
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

extension KataRunner {
    /// The digest of the runner's database.
    func digest() throws -> DatabaseDigest {
        try DatabaseDigest(path: databasePath)
    }
}

/// A run of the built `kata` executable whose arguments may hold any bytes but NUL.
struct RawRun {
    var code: Int32
    /// The signal that ended the process, nil when it exited.
    var signal: Int32?
    var output: Data
    var errors: String

    /// Runs `kata` with the given arguments, byte for byte, through `/bin/sh` (Foundation's
    /// `Process` only passes arguments that are valid UTF-8); `memoryLimit` caps its address space
    /// in bytes.
    static func run(_ arguments: [[UInt8]], environment: [String: String], folder: URL, memoryLimit: Int? = nil)
        async throws -> RawRun
    {
        let limit = memoryLimit.map { "ulimit -v \($0 / 1024)\n" } ?? ""
        return try await shell(
            limit + wrapped(arguments),
            environment: environment.merging(["KATA_EXECUTABLE": ProcessTests.executable.path]) { $1 },
            folder: folder)
    }

    /// A script that rebuilds each argument from octal escapes, keeping trailing newlines.
    private static func wrapped(_ arguments: [[UInt8]]) -> String {
        var script = "set --\n"
        for argument in arguments {
            let octal = argument.map { "\\" + String($0, radix: 8) }.joined()
            script += "a=$(printf '\(octal)x'); set -- \"$@\" \"${a%x}\"\n"
        }
        return script + "exec \"$KATA_EXECUTABLE\" \"$@\"\n"
    }

    private static func shell(_ script: String, environment: [String: String], folder: URL) async throws -> RawRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // A file rather than `-c`: one argument may hold at most 128 kB on Linux.
        let scriptURL = folder.appendingPathComponent("run-\(UUID().uuidString).sh")
        try Data(script.utf8).write(to: scriptURL)
        process.arguments = [scriptURL.path]
        process.environment = environment
        process.currentDirectoryURL = folder
        let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: scriptURL)
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        await process.ended()
        try out.close()
        try err.close()
        let signaled = process.terminationReason == .uncaughtSignal
        return RawRun(
            code: signaled ? -1 : process.terminationStatus, signal: signaled ? process.terminationStatus : nil,
            output: try Data(contentsOf: outURL), errors: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// The team of `makeTeam` with one cycle logged on 2026-11-19 that planned a step (open, with a
/// prediction), built once and copied into each runner that asks: building it costs a dozen
/// commands, copying it a file.
final class TeamTemplate: Sendable {
    private static let shared = Shared()

    /// The one template, built by the first runner that asks.
    private actor Shared {
        private var building: Task<TeamTemplate, any Error>?

        func get() async throws -> TeamTemplate {
            let task = building ?? Task { try await TeamTemplate() }
            building = task
            return try await task.value
        }
    }

    /// bo's target condition.
    let target: String
    /// The id of the cycle logged on 2026-11-19.
    let cycle: String
    private let runner: KataRunner

    private init() async throws {
        runner = try await KataRunner()
        target = try await runner.makeTeam()
        let logged = await runner.run(
            "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "2026-11-19", "--minutes", "15",
            "--next-step", "S0", "--expect", "E0")
        guard logged.exitCode == 0 else { throw FixtureError(message: logged.errors) }
        cycle = String(logged.output.split(separator: " ")[2].dropLast())
    }

    /// A runner of its own holding a copy of the team.
    static func runner() async throws -> (kata: KataRunner, target: String, cycle: String) {
        let template = try await shared.get()
        let kata = try await KataRunner(initialise: false)
        for suffix in ["", "-wal", "-shm"]
        where FileManager.default.fileExists(atPath: template.runner.databasePath + suffix) {
            try FileManager.default.copyItem(
                atPath: template.runner.databasePath + suffix, toPath: kata.databasePath + suffix)
        }
        return (kata, template.target, template.cycle)
    }
}
