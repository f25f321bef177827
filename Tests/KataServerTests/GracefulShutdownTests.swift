import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

@testable import KataServer

@Suite("Stopping the server")
struct GracefulShutdownTests {
    @Test("a graceful shutdown (what SIGTERM starts) lets the request in flight finish, then stops the server")
    func requestInFlightFinishes() async throws {
        var fixture = try await ServerFixture()
        let gate = Gate()
        fixture.readiness = { await gate.enterAndWait() }
        try await fixture.withServiceGroup { group, port in
            let client = TestClient(
                host: "127.0.0.1", port: port, configuration: .init(),
                eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton))
            client.connect()
            async let answer = client.get("/readyz")
            await gate.waitUntilEntered()
            await group.triggerGracefulShutdown()
            await gate.open()
            let response = try await answer
            #expect(response.status == .ok)
            #expect(String(buffer: response.body ?? ByteBuffer()) == "ready\n")
            try await client.shutdown()
        }
        #expect(fixture.log.lines.count == 1)
    }
}

/// Holds a request inside the server until the test opens it.
actor Gate {
    private var entered = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false

    func enterAndWait() async {
        entered = true
        for waiter in enteredWaiters { waiter.resume() }
        enteredWaiters = []
        if isOpen { return }
        await withCheckedContinuation { openWaiters.append($0) }
    }

    func waitUntilEntered() async {
        if entered { return }
        await withCheckedContinuation { enteredWaiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in openWaiters { waiter.resume() }
        openWaiters = []
    }
}
