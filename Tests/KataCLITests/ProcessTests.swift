import Foundation
import KataTestSupport
import Testing

/// A few end-to-end runs of the real `kata` executable: exit codes and no prompt without a terminal.
@Suite("the kata executable")
struct ProcessTests {
    /// The built `kata` next to the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        while folder.pathComponents.count > 1 {
            let candidate = folder.appendingPathComponent("kata")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "kata")
    }

    func run(_ arguments: [String], environment: [String: String]) async throws -> (
        code: Int32, out: String, err: String
    ) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return try await onOwnThread {
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (
                process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self)
            )
        }
    }

    @Test("exit codes: 0, 64 usage, 65 bad data, 66 missing database; no prompt without a terminal")
    func exitCodes() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("private/kata.sqlite").path
        let environment = ["HOME": folder.path, "KATA_DB": database, "PATH": "/usr/bin:/bin"]
        #expect(try await run(["person", "list"], environment: environment).code == 66)
        #expect(try await run(["init", "--time-zone", "UTC"], environment: environment).code == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: database)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("private").path)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
        #expect(try await run(["person", "add", "ann", "--name", "Ann"], environment: environment).code == 0)
        #expect(try await run(["person", "add", "bo", "--name", "Bo"], environment: environment).code == 0)
        #expect(try await run(["person", "add", "Bad Handle", "--name", "X"], environment: environment).code == 65)
        #expect(try await run(["person", "add"], environment: environment).code == 64)
        let noCoach = try await run(["cycle", "log", "--learner", "bo"], environment: environment)
        #expect(noCoach.code == 64)
        #expect(!noCoach.out.contains(">"))
        #expect(noCoach.err.contains("missing --coach"))
        let logged = try await run(
            ["cycle", "log", "--learner", "bo"], environment: environment.merging(["KATA_COACH": "ann"]) { $1 })
        #expect(logged.code == 0)
        #expect(logged.out.hasPrefix("Logged cycle "))
        #expect(try await run(["--version"], environment: environment).out == "0.1.0\n")
    }

    @Test("four processes logging at the same time all succeed, and every cycle is stored")
    func concurrentWriters() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["HOME": folder.path, "KATA_DB": folder.appendingPathComponent("kata.sqlite").path]
        #expect(try await run(["init", "--time-zone", "UTC"], environment: environment).code == 0)
        for handle in ["ann", "bo", "cy", "di", "ed"] {
            #expect(try await run(["person", "add", handle, "--name", handle], environment: environment).code == 0)
        }
        let learners = ["bo", "cy", "di", "ed"]
        let perWriter = 25
        let failures = Failures()
        await withTaskGroup(of: Void.self) { writers in
            for learner in learners {
                writers.addTask {
                    for number in 0..<perWriter {
                        let result = try? await run(
                            ["cycle", "log", "--coach", "ann", "--learner", learner, "--minutes", String(number)],
                            environment: environment)
                        if result?.code != 0 { failures.add(result?.err ?? "did not start") }
                    }
                }
            }
        }
        #expect(failures.messages.isEmpty, "\(failures.messages.prefix(3))")
        let counted = try await run(["cycle", "list", "--format", "csv"], environment: environment)
        #expect(counted.out.split(separator: "\r\n").count == 1 + learners.count * perWriter)
    }
}

/// Collects failure messages from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ message: String) { lock.withLock { list.append(message) } }

    var messages: [String] { lock.withLock { list } }
}
