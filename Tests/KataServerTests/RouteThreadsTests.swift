import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

@testable import KataServer

@Suite("Requests whose store blocks")
struct RouteThreadsTests {
    @Test("more requests blocked in the store than there are cores: the server still answers others")
    func blockedStoreLeavesServerAnswering() async throws {
        var fixture = try await ServerFixture()
        let blocker = Blocker()
        // `readiness` stands for a slow synchronous read: /readyz blocks in it until released.
        fixture.readiness = { blocker.block() }
        let blocked = ProcessInfo.processInfo.activeProcessorCount + 2
        try await fixture.withServiceGroup { _, port in
            // One connection each: a connection carries one request at a time.
            let clients = (0...blocked).map { _ in
                TestClient(
                    host: "127.0.0.1", port: port, configuration: .init(),
                    eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton))
            }
            for client in clients { client.connect() }
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { requests in
                for client in clients.dropLast() {
                    requests.addTask { try await client.get("/readyz").status }
                }
                while blocker.entered < blocked && !blocker.timedOut {
                    try await Task.sleep(for: .milliseconds(10))
                }
                let health = try await clients[blocked].get("/healthz")
                #expect(health.status == .ok)
                #expect(blocker.entered == blocked, "only \(blocker.entered) of \(blocked) requests reached the store")
                blocker.release()
                for try await status in requests { #expect(status == .ok) }
            }
            for client in clients { try await client.shutdown() }
        }
        #expect(!blocker.timedOut, "a blocked request held a thread the others needed")
    }
}

/// Holds each caller's thread (as a synchronous database read does) until released, for at most
/// 10 seconds.
private final class Blocker: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0
    private var released = false
    private var expired = false

    var entered: Int { condition.withLock { count } }
    var timedOut: Bool { condition.withLock { expired } }

    func block() {
        condition.lock()
        defer { condition.unlock() }
        count += 1
        let deadline = Date().addingTimeInterval(10)
        while !released {
            if !condition.wait(until: deadline) {
                expired = true
                return
            }
        }
    }

    func release() {
        condition.withLock {
            released = true
            condition.broadcast()
        }
    }
}
