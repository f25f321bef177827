import Foundation
import KataClient
import Testing

/// The real `kata` executable against the test server: the password piped on standard input,
/// the client waited for on the process's main thread.
@Suite("kata login and logout as a process")
struct LoginProcessTests {
    /// `kata` beside the test bundle (`.build/debug/kataPackageTests.xctest`).
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("kata")

    /// Runs `kata` with `input` on standard input, on a thread of its own (the server needs the
    /// concurrency threads).
    static func kata(_ arguments: [String], home: URL, input: String = "") async throws -> (
        code: Int32, output: String, errors: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        // How long the command waits for the in-process server: the test runner's own setting
        // (`.ci/run` gives every test 120 s on two shared cores), else the command's default.
        environment["KATA_TIMEOUT"] = ProcessInfo.processInfo.environment["KATA_TIMEOUT"]
        process.environment = environment
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        return await withCheckedContinuation { continuation in
            Thread {
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                let errors = stderr.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(
                    returning: (
                        process.terminationStatus, String(decoding: output, as: UTF8.self),
                        String(decoding: errors, as: UTF8.self)
                    ))
            }.start()
        }
    }

    @Test("login with --password-stdin signs in, keeps 0600 credentials, and logout revokes the token")
    func loginAndLogout() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build kata first")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kata-login-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try await WireServer.with { server in
            let login = try await Self.kata(
                ["login", server.url, "--handle", "ann", "--password-stdin"], home: home,
                input: WireServerPassword.ann + "\n")
            #expect(login.code == 0, "\(login.errors)")
            #expect(login.output == "Signed in to \(server.url) as ann.\n")
            #expect(!(login.output + login.errors).contains(WireServerPassword.ann))
            let credentials = home.appendingPathComponent(".config/kata/credentials").path
            let attributes = try FileManager.default.attributesOfItem(atPath: credentials)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
            #expect(await server.state.tokenNames().count == 1)
            let logout = try await Self.kata(["logout"], home: home)
            #expect(logout.code == 0, "\(logout.errors)")
            #expect(await server.state.tokenNames().isEmpty)
            #expect(!FileManager.default.fileExists(atPath: credentials))
        }
    }
}
