import Foundation
import KataTestSupport
import Testing

/// `kata serve` as a real process over a database file, signed in to with `kata login`: the
/// server's directory of accounts is the file's.
@Suite("kata serve as a process")
struct ServeProcessTests {
    /// A loopback port nobody listens on now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on the loopback `port`.
    static func listening(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connect(socket, generic, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Starts `kata serve` on the runner's database, its standard error in the pipe returned.
    static func serve(_ kata: KataRunner, listen: String) throws -> (Process, Pipe) {
        let server = Process()
        server.executableURL = LoginProcessTests.executable
        server.arguments = ["serve", "--db", kata.databasePath, "--listen", listen]
        server.environment = ["HOME": kata.folder.path, "PATH": "/usr/bin:/bin"]
        let log = Pipe()
        server.standardError = log
        try server.run()
        return (server, log)
    }

    @Test("--listen 127.0.0.1:0 listens on a free port and says which, once it listens")
    func freePortSaid() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: LoginProcessTests.executable.path), "build kata first")
        let kata = try await KataRunner()
        let (server, log) = try Self.serve(kata, listen: "127.0.0.1:0")
        defer { if server.isRunning { server.terminate() } }
        let line = try await onOwnThread {
            var bytes = Data()
            while !bytes.contains(UInt8(ascii: "\n")) {
                let more = log.fileHandleForReading.availableData
                if more.isEmpty { break }
                bytes.append(more)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let prefix = "kata serve: \(kata.databasePath) on http://127.0.0.1:"
        #expect(line.hasPrefix(prefix), "\(line)")
        let port = try #require(Int(line.dropFirst(prefix.count).prefix { $0.isNumber }), "\(line)")
        #expect(port > 0)
        #expect(Self.listening(port), "nothing listens on the port the line names: \(line)")
        server.terminate()
        await server.ended()
        #expect(server.terminationStatus == 0)
    }

    @Test("an admin made with kata account add signs in to kata serve with kata login; SIGTERM stops it with exit 0")
    func serveAndLogin() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: LoginProcessTests.executable.path), "build kata first")
        let kata = try await KataRunner()
        #expect(await kata.run("person", "add", "ann", "--name", "Ann Lee").exitCode == 0)
        let added = await kata.run(
            "account", "add", "ann", "--role", "admin", "--password-stdin", input: ["correct horse battery"])
        #expect(added.exitCode == 0, "\(added.errors)")
        let port = try Self.freePort()
        let (server, log) = try Self.serve(kata, listen: "127.0.0.1:\(port)")
        defer { if server.isRunning { server.terminate() } }
        let url = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = Self.listening(port)
        }
        try #require(ready, "kata serve did not listen on \(url)")

        let home = kata.folder.appendingPathComponent("laptop")
        let wrong = try await LoginProcessTests.kata(
            ["login", url, "--handle", "ann", "--password-stdin"], home: home, input: "not the password\n")
        #expect(wrong.code == 77)
        #expect(wrong.errors.contains("wrong handle or password."))
        let login = try await LoginProcessTests.kata(
            ["login", url, "--handle", "ann", "--password-stdin"], home: home, input: "correct horse battery\n")
        #expect(login.code == 0, "\(login.errors)")
        #expect(login.output == "Signed in to \(url) as ann.\n")
        let tokens = try await LoginProcessTests.kata(["token", "list", "--format", "csv"], home: home)
        #expect(tokens.code == 0, "\(tokens.errors)")
        #expect(tokens.output.split(whereSeparator: \.isNewline).count == 2, "\(tokens.output)")

        server.terminate()
        await server.ended()
        #expect(server.terminationStatus == 0)
        let lines = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(lines.contains(#""route":"/api/v1/tokens","status":201"#))
        #expect(!lines.contains("correct horse battery"))
        let audit = await kata.run("audit", "--format", "csv")
        #expect(audit.output.contains("password"), "\(audit.output)")
    }
}
