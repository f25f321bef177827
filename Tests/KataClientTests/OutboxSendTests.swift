import Foundation
import ImprovementKata
import KataCLI
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

@Suite("reading and posting with the server out of reach")
struct OfflineTests {
    let now = Date(timeIntervalSince1970: 1_795_165_200)

    @Test("a read keeps the server's answer, and answers from it with its age once the server is gone")
    func readFallsBackToCache() async throws {
        let folder = ClientFolder()
        let cache = ResponseCache(files: folder.files)
        let url = try await WireServer.with { server in
            let connection = try await server.signedInConnection()
            let read = try await connection.read("/api/v1/due", cachingAs: "due/ann", in: cache, now: now)
            guard case .fresh = read else { throw KataError.failure("not fresh") }
            #expect(String(decoding: read.body, as: UTF8.self) == #"{"learners":["bo"]}"#)
            return server.url
        }
        let offline = try ServerConnection(url: url, token: "kata_x")
        let later = now.addingTimeInterval(2 * 3600)
        let read = try await offline.read("/api/v1/due", cachingAs: "due/ann", in: cache, now: later)
        guard case let .cached(document, reason) = read else { throw KataError.failure("not cached") }
        #expect(document.age(at: later) == 2 * 3600)
        #expect(reason.kind == .unavailable)
        #expect(String(decoding: read.body, as: UTF8.self) == #"{"learners":["bo"]}"#)
        let error = await thrown {
            _ = try await offline.read("/api/v1/due", cachingAs: "due/bo", in: cache, now: later)
        }
        #expect(error?.kind == .unavailable)
    }

    @Test("a record posted while the server is gone waits in the outbox, and goes after older ones once it is back")
    func postKeepsThenSendsInOrder() async throws {
        let folder = ClientFolder()
        let (outbox, older) = try folder.outbox(holding: 2)
        let url = try await WireServer.with { $0.url }
        let first = cycleEntry()
        let kept = try await ServerConnection(url: url, token: "kata_x").post(first, keepingIn: outbox, now: now)
        guard case let .kept(reason) = kept else { throw KataError.failure("not kept") }
        #expect(reason.kind == .unavailable)
        #expect(try outbox.entries() == older + [first])
        try await WireServer.with { server in
            let next = cycleEntry()
            let delivery = try await server.signedInConnection().post(next, keepingIn: outbox, now: now)
            guard case let .stored(_, earlier) = delivery else { throw KataError.failure("not stored") }
            #expect(earlier?.sent == older + [first])
            #expect(await server.state.postOrder == (older + [first, next]).map { $0.id.uuidString.lowercased() })
        }
        #expect(try outbox.entries().isEmpty)
    }

    @Test("a record the server refuses is not kept: the refusal is the command's answer")
    func refusalIsNotKept() async throws {
        let folder = ClientFolder()
        let outbox = Outbox(files: folder.files)
        try await WireServer.with { server in
            let entry = cycleEntry()
            await server.state.refuse(entry.id, "you do not coach bo.")
            let error = await thrown {
                _ = try await server.signedInConnection().post(entry, keepingIn: outbox, now: now)
            }
            #expect(error?.description == "you do not coach bo.")
            #expect(error.map(Kata.exitCode(for:)) == 65)
        }
        #expect(try outbox.entries().isEmpty)
    }
}
