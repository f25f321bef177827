import Foundation
import KataTestSupport
import Testing

@testable import KataServer

#if canImport(Glibc)
    import Glibc
#endif

/// Clients too slow to be served (DESIGN §12): one sending a body a byte at a time, or sending
/// nothing, must not hold a connection, and the server answers everyone else meanwhile.
@Suite("Slow clients")
struct SlowClientTests {
    @Test("a JSON body sent a byte at a time is answered 408 at the deadline and its connection closed")
    func slowBody() async throws {
        var fixture = try await ServerFixture()
        fixture.configuration.bodyDeadline = 1
        try await fixture.withServiceGroup { _, port in
            // 400 bytes, a byte every 100 ms: the whole body would take 40 s, the deadline is 1 s.
            let body = Array(
                (#"{"handle":"ann","password":"correct horse battery staple","name":""#
                    + String(repeating: "s", count: 330)
                    + #""}"#).utf8)
            let slow = try RawConnection(port: port)
            try slow.send(
                "POST /api/v1/tokens HTTP/1.1\r\nHost: kata\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.count)\r\n\r\n")
            let answer = try await onOwnThread { () throws -> String in
                for byte in body {
                    try slow.send([byte])
                    if let text = slow.receive(waiting: 0.1) { return text }
                }
                return slow.receive(waiting: 120) ?? ""
            }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(answer.contains("did not arrive within 1 seconds"), "\(answer)")
            #expect(answer.lowercased().contains("connection: close"), "\(answer)")
            #expect(try await onOwnThread { slow.isClosed(waiting: 120) }, "the server kept the connection open")
        }
        #expect(fixture.log.lines.contains { $0.contains(#""status":408"#) }, "\(fixture.log.lines)")
    }

    @Test("while slow clients dribble, the server answers others at once")
    func othersServed() async throws {
        var fixture = try await ServerFixture()
        fixture.configuration.bodyDeadline = 3
        try await fixture.withServiceGroup { _, port in
            var slow: [RawConnection] = []
            for _ in 0..<20 {
                let connection = try RawConnection(port: port)
                try connection.send(
                    "POST /api/v1/tokens HTTP/1.1\r\nHost: kata\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 500\r\n\r\n{")
                slow.append(connection)
            }
            let quick = try RawConnection(port: port)
            try quick.send("GET /healthz HTTP/1.1\r\nHost: kata\r\n\r\n")
            let answer = try await onOwnThread { quick.receive(waiting: 120) ?? "" }
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            let dribbling = slow
            let answers = try await onOwnThread { dribbling.map { $0.receive(waiting: 120) ?? "" } }
            #expect(answers.allSatisfy { $0.hasPrefix("HTTP/1.1 408") }, "\(answers)")
        }
    }

    @Test("a connection that sends nothing more is closed after the idle timeout")
    func idleConnection() async throws {
        var fixture = try await ServerFixture()
        fixture.configuration.idleTimeout = 1
        try await fixture.withServiceGroup { _, port in
            let stalled = try RawConnection(port: port)
            try stalled.send("GET /healthz HTTP/1.1\r\nHost: ka")
            #expect(try await onOwnThread { stalled.isClosed(waiting: 120) }, "the server kept a stalled connection")
            // A connection left open after its answer is closed too.
            let kept = try RawConnection(port: port)
            try kept.send("GET /healthz HTTP/1.1\r\nHost: kata\r\n\r\n")
            let answer = try await onOwnThread { kept.receive(waiting: 120) ?? "" }
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
            #expect(try await onOwnThread { kept.isClosed(waiting: 120) }, "the server kept an idle connection")
        }
    }
}

/// A blocking TCP connection to the loopback server, for clients no HTTP library would be.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// What arrives within `seconds`, nil when nothing does (or the connection is closed).
    func receive(waiting seconds: Double) -> String? {
        guard readable(within: seconds) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }

    /// Whether the server closes the connection within `seconds` (what it still sends is read first).
    func isClosed(waiting seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < end {
            guard readable(within: end.timeIntervalSinceNow) else { return false }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return true }
        }
        return false
    }

    private func readable(within seconds: Double) -> Bool {
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, Int32(max(0, seconds) * 1000)) > 0
    }
}
