import Foundation
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

    func run(_ arguments: [String], environment: [String: String]) throws -> (code: Int32, out: String, err: String) {
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
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test("exit codes: 0, 64 usage, 65 bad data, 66 missing database; no prompt without a terminal")
    func exitCodes() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("private/kata.sqlite").path
        let environment = ["HOME": folder.path, "KATA_DB": database, "PATH": "/usr/bin:/bin"]
        #expect(try run(["person", "list"], environment: environment).code == 66)
        #expect(try run(["init", "--time-zone", "UTC"], environment: environment).code == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: database)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("private").path)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
        #expect(try run(["person", "add", "ann", "--name", "Ann"], environment: environment).code == 0)
        #expect(try run(["person", "add", "bo", "--name", "Bo"], environment: environment).code == 0)
        #expect(try run(["person", "add", "Bad Handle", "--name", "X"], environment: environment).code == 65)
        #expect(try run(["person", "add"], environment: environment).code == 64)
        let noCoach = try run(["cycle", "log", "--learner", "bo"], environment: environment)
        #expect(noCoach.code == 64)
        #expect(!noCoach.out.contains(">"))
        #expect(noCoach.err.contains("missing --coach"))
        let logged = try run(
            ["cycle", "log", "--learner", "bo"], environment: environment.merging(["KATA_COACH": "ann"]) { $1 })
        #expect(logged.code == 0)
        #expect(logged.out.hasPrefix("Logged cycle "))
        #expect(try run(["--version"], environment: environment).out == "0.1.0\n")
    }
}
