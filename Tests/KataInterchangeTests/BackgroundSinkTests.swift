import Foundation
import KataStore
import Testing

@testable import KataInterchange

/// The export's file writer on a thread of its own: everything in order, and a failing sink
/// stops the export with its error.
@Suite("Store: writing an export in the background")
struct BackgroundSinkTests {
    private struct DiskFull: Error {}

    /// What a sink was given, kept safe across threads.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [Data] = []

        func append(_ data: Data) {
            lock.withLock { pieces.append(data) }
        }

        var all: [Data] { lock.withLock { pieces } }
    }

    @Test("hands every piece to the sink, in order")
    func inOrder() throws {
        let received = Received()
        let sink = BackgroundSink { received.append($0) }
        let pieces = (0..<200).map { Data("piece \($0)\n".utf8) }
        for piece in pieces { try sink.send(piece) }
        try sink.finish()
        #expect(received.all == pieces)
    }

    @Test("throws the sink's error, and gives it nothing after")
    func failure() throws {
        let received = Received()
        let sink = BackgroundSink { data in
            if received.all.count == 2 { throw DiskFull() }
            received.append(data)
        }
        var thrown: (any Error)?
        for index in 0..<100 {
            do {
                try sink.send(Data([UInt8(index)]))
            } catch {
                thrown = error
                break
            }
        }
        #expect(thrown is DiskFull)
        #expect(throws: DiskFull.self) { try sink.finish() }
        #expect(received.all == [Data([0]), Data([1])])
    }
}
