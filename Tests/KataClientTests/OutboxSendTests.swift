import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@testable import KataClient

@Suite("sending the outbox")
struct OutboxSendTests {
    let now = Date(timeIntervalSince1970: 1_795_165_200)

    @Test("entries go oldest first, and each the server stored leaves the outbox")
    func sendsInOrder() async throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 5)
        try await WireServer.with { server in
            let report = try await outbox.send(over: server.signedInConnection(), now: now)
            #expect(report.sent == entries)
            #expect(report.stopped == nil)
            #expect(await server.state.postOrder == entries.map { $0.id.uuidString.lowercased() })
        }
        #expect(try outbox.entries().isEmpty)
    }

    @Test("a refused entry stays with the server's message, and the next ones are still sent")
    func refusalIsKept() async throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 3)
        try await WireServer.with { server in
            let message = "the step of 2026-11-18 was reviewed meanwhile by cycle 3f2a9c1e."
            await server.state.refuse(entries[1].id, message)
            let report = try await outbox.send(over: server.signedInConnection(), now: now)
            #expect(report.sent == [entries[0], entries[2]])
            let kept = try outbox.entries()
            #expect(kept.map(\.id) == [entries[1].id])
            #expect(kept.first?.refusal == .init(code: "rule-broken", message: message, at: now))
            #expect(report.refused == kept)
            #expect(await server.state.isStored(entries[2].id))
        }
    }

    @Test("sending twice never posts an entry twice once the server stored it")
    func sendingTwicePostsOnce() async throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 3)
        try await WireServer.with { server in
            let connection = try await server.signedInConnection()
            _ = try await outbox.send(over: connection, now: now)
            let second = try await outbox.send(over: connection, now: now)
            #expect(second.sent.isEmpty)
            for entry in entries { #expect(await server.state.postCount(entry.id) == 1) }
        }
    }

    @Test("an entry whose answer was lost is answered 200 on resending, stored once, and leaves the outbox")
    func lostAnswerIsResentOnce() async throws {
        let folder = ClientFolder()
        let outbox = Outbox(files: folder.files)
        let entry = cycleEntry()
        try outbox.add(entry)
        try await WireServer.with { server in
            let connection = try await server.signedInConnection()
            let first = try await connection.send(.post, entry.path, json: Data(entry.body.utf8))
            #expect(first.status == 201)
            let report = try await outbox.send(over: connection, now: now)
            #expect(report.sent == [entry])
            #expect(await server.state.postCount(entry.id) == 2)
            #expect(await server.state.isStored(entry.id))
        }
        #expect(try outbox.entries().isEmpty)
    }

    @Test("when the server cannot be reached sending stops, and every entry waits unchanged")
    func unavailableStops() async throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 3)
        let url = try await WireServer.with { $0.url }
        let report = try await outbox.send(over: ServerConnection(url: url, token: "kata_x"), now: now)
        #expect(report.stopped?.kind == .unavailable)
        #expect(report.sent.isEmpty && report.refused.isEmpty)
        #expect(report.untried == entries)
        #expect(try outbox.entries() == entries)
    }

    @Test("a token the server no longer takes stops sending without marking the entries refused")
    func notSignedInStops() async throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 2)
        try await WireServer.with { server in
            let report = try await outbox.send(over: ServerConnection(url: server.url, token: "kata_revoked"), now: now)
            #expect(report.stopped?.kind == .notSignedIn)
            #expect(report.untried == entries)
            #expect(await server.state.postOrder.isEmpty)
        }
        #expect(try outbox.entries() == entries)
    }
}
