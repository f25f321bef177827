import Foundation
import KataTestSupport
import Testing

/// A handful of hostile inputs given to the real `kata` executable: arguments that are not UTF-8
/// (which only a process can receive), text of 100 kB, control characters, hostile files, and a
/// period of eight thousand years on a plant of 40 coaches. Never a signal, never a partial write.
@Suite("hostile input to the kata executable")
struct FaultProcessTests {
    /// An argument and whether it must be stored exactly (true) or refused with exit 65 (false).
    struct Argument: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var stored: Bool
        var testDescription: String { name }
    }

    static let names: [Argument] = [
        Argument(name: "invalid UTF-8", bytes: Array("Bad ".utf8) + [0xFF, 0xFE] + Array(" name".utf8), stored: false),
        Argument(name: "Latin-1", bytes: Array("Caf".utf8) + [0xE9], stored: false),
        Argument(name: "a lone continuation byte", bytes: [0x41, 0x80, 0x42], stored: false),
        Argument(name: "an overlong slash", bytes: [0x61, 0xC0, 0xAF, 0x62], stored: false),
        Argument(name: "100 kB", bytes: Array(String(repeating: "ü🎯", count: 16_667).utf8), stored: true),
        Argument(
            name: "control characters and right-to-left marks",
            bytes: Array("a\u{1}b\u{1B}[31mred\u{7F} \u{202E}txt.exe\u{202C}\nnext line\tend".utf8), stored: true),
        Argument(name: "SQL", bytes: Array("'; DROP TABLE person; --".utf8), stored: true),
    ]

    private func team() async throws -> (KataRunner, [String: String]) {
        #expect(FileManager.default.isExecutableFile(atPath: ProcessTests.executable.path), "build kata first")
        let kata = try await TeamTemplate.runner().kata
        return (kata, ["HOME": kata.folder.path, "KATA_DB": kata.databasePath, "PATH": "/usr/bin:/bin"])
    }

    @Test("a name is stored exactly as given, or refused with exit 65 when it is not UTF-8", arguments: names)
    func name(_ argument: Argument) async throws {
        let (kata, environment) = try await team()
        let before = try kata.digest()
        let added = try await RawRun.run(
            [Array("person".utf8), Array("add".utf8), Array("zed".utf8), Array("--name".utf8), argument.bytes],
            environment: environment, folder: kata.folder)
        #expect(added.signal == nil)
        if argument.stored {
            #expect(added.code == 0, "\(added.errors)")
            let shown = try await RawRun.run(
                ["person", "show", "zed", "--format", "json"].map { Array($0.utf8) }, environment: environment,
                folder: kata.folder)
            let json = try JSONValue.parse(String(decoding: shown.output, as: UTF8.self))
            #expect(json["name"]?.texts == [argument.bytes])
        } else {
            #expect(added.code == 65)
            #expect(added.errors.hasPrefix("kata: argument 5 ("), "\(added.errors)")
            #expect(added.errors.contains("is not UTF-8 text"))
            #expect(try kata.digest() == before)
        }
    }

    @Test(
        "a hostile file is refused with exit 65 and its line, and nothing is written",
        arguments: [
            (
                "records.jsonl",
                Array(#"{"kind":"person","handle":"zed","name":"Zed"}"#.utf8) + [0x0A]
                    + Array(#"{"kind":"person","handle":"zoe","name":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8),
                "records.jsonl line 2"
            ),
            ("nul.jsonl", Array(#"{"kind":"person","handle":"zed","name":"a\u0000b"}"#.utf8), "NUL"),
            ("cut.csv", Array("date,coach,learner,actualCondition\n2026-11-18,ann,bo,\"cut off".utf8), "row 2"),
        ])
    func hostileFile(_ file: String, _ bytes: [UInt8], _ message: String) async throws {
        let (kata, environment) = try await team()
        let path = kata.folder.appendingPathComponent(file).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try kata.digest()
        let result = try await RawRun.run(
            [Array("import".utf8), Array(path.utf8)], environment: environment, folder: kata.folder)
        #expect(result.signal == nil)
        #expect(result.code == 65)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(try kata.digest() == before)
    }

    @Test("practice and review over eight thousand years are refused, not a process out of memory")
    func longPeriod() async throws {
        let kata = try await KataRunner(initialise: false)
        let demo = kata.folder.appendingPathComponent("demo.sqlite").path
        #expect(await kata.run("demo", "--coaches", "40", "--days", "60", "--db", demo).exitCode == 0)
        let environment = ["HOME": kata.folder.path, "KATA_DB": demo, "PATH": "/usr/bin:/bin"]
        for command in [
            ["practice", "--from", "0001-01-01", "--to", "9999-12-31", "--format", "json"],
            ["export", "review", "--all", "--from", "0001-01-01", "--to", "9999-12-31", "--format", "json"],
        ] {
            let result = try await RawRun.run(
                command.map { Array($0.utf8) }, environment: environment, folder: kata.folder, memoryLimit: 1 << 30)
            #expect(result.signal == nil, "\(command[0]) ended by signal \(result.signal ?? 0)")
            #expect(result.code == 65, "\(command[0]): \(result.errors)")
            #expect(result.errors.contains("at most ten years"), "\(result.errors)")
        }
    }
}
