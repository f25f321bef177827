import Foundation
import ImprovementKata
import KataStore
import Testing

/// An import whose bytes come as a stream of pieces (`ImportRequest.Source.stream`, what
/// `kata demo` writes through): the file reads it as it comes, the client uploads it; both
/// answer as for the same bytes in one piece.
@Suite("The seam imports a stream alike from a file and through a server")
struct StreamImportContractTests {
    /// Pieces handed out one per call, safe across threads.
    private final class Pieces: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [Data]

        init(_ data: Data, size: Int) {
            pieces = stride(from: 0, to: data.count, by: size).map { data.subdata(in: $0..<min(data.count, $0 + size)) }
        }

        func take() -> Data? { lock.withLock { pieces.isEmpty ? nil : pieces.removeFirst() } }
    }

    @Test("an export streamed back in small pieces is found unchanged, record for record", arguments: Backend.allCases)
    func streamedExport(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { _, store in
            let sink = CollectingSink()
            let written = try await store.exportData(.jsonl, to: sink)
            let pieces = Pieces(sink.data, size: 37)
            let summary = try await store.importData(
                ImportRequest(source: .stream(ImportStream { pieces.take() }), dryRun: true))
            #expect(summary.format == .jsonl)
            #expect(summary.totalAdded == 0)
            #expect(summary.totalUnchanged == written)
            #expect(written == 10)
        }
    }
}
