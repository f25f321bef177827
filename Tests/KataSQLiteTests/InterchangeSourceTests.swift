import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import Testing

private typealias F = InterchangeFixture

/// The seam's import from each kind of source: a file, bytes in memory, a stream of pieces. The
/// same parser reads them all, so they import the same records and fail alike.
@Suite("Import from a file, bytes or a stream")
struct InterchangeSourceTests {
    /// Pieces handed out one per call, safe across threads.
    private final class Pieces: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [Data]
        private(set) var taken = 0

        init(_ data: Data, size: Int) {
            pieces = stride(from: 0, to: data.count, by: size).map {
                data.subdata(in: $0..<min(data.count, $0 + size))
            }
        }

        func take() -> Data? {
            lock.withLock {
                guard !pieces.isEmpty else { return nil }
                taken += 1
                return pieces.removeFirst()
            }
        }
    }

    private func stream(_ data: Data, size: Int = 1000) -> ImportRequest.Source {
        let pieces = Pieces(data, size: size)
        return .stream(ImportStream { pieces.take() })
    }

    @Test("JSONL from bytes and from a stream imports what the file does, and the copies export alike")
    func jsonl() throws {
        let export = try F.export(try F.organisation())
        let fromFile = try SQLiteStore.inMemory()
        let fileSummary = try F.importFile(try F.file(export), into: fromFile)
        #expect(fileSummary.totalAdded == 21)
        for source in [ImportRequest.Source.bytes(export), stream(export), stream(export, size: 7)] {
            let copy = try SQLiteStore.inMemory()
            let summary = try copy.importData(ImportRequest(source: source, today: F.today))
            #expect(summary.added == fileSummary.added)
            #expect(try F.export(copy) == export)
            let again = try copy.importData(ImportRequest(source: .bytes(export), today: F.today))
            #expect(again.totalAdded == 0)
        }
    }

    @Test("a cycles CSV from a stream is spooled and imported as from a file")
    func csvStream() throws {
        let sheet = try F.export(try F.organisation(), .csv)
        let fromFile = try SQLiteStore.inMemory()
        try fromFile.addPerson(Person(handle: F.handle("placeholder"), name: "P"))
        let other = try SQLiteStore.inMemory()
        try other.addPerson(Person(handle: F.handle("placeholder"), name: "P"))
        let fileMessage = F.message { try F.importFile(try F.file(sheet, name: "import.csv"), into: fromFile) }
        let streamMessage = F.message {
            _ = try other.importData(ImportRequest(source: stream(sheet, size: 5), today: F.today))
        }
        // Without its people the sheet is refused alike from both sources, naming the same row.
        let expected = try #require(fileMessage?.replacingOccurrences(of: "import.csv", with: "the import"))
        #expect(streamMessage == expected)
    }

    @Test("a bad line in a stream fails the whole import, names the line, and writes nothing")
    func badLine() throws {
        let export = try F.export(try F.organisation())
        var lines = String(decoding: export, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[5] = #"{"kind":"cycle","id":"not an id"}"#
        let store = try SQLiteStore.inMemory()
        let message = F.message {
            _ = try store.importData(
                ImportRequest(source: stream(Data(lines.joined(separator: "\n").utf8), size: 64), today: F.today))
        }
        #expect(message?.hasPrefix("the import line 6: field 'id'") == true, "\(message ?? "")")
        #expect(try store.people().isEmpty)
    }

    @Test("a stream that fails part way fails the import with its error, and nothing is written")
    func failingStream() throws {
        struct Cut: Error {}
        let export = try F.export(try F.organisation())
        let pieces = Pieces(export, size: export.count / 2 + 1)
        let store = try SQLiteStore.inMemory()
        #expect(throws: Cut.self) {
            _ = try store.importData(
                ImportRequest(
                    source: .stream(
                        ImportStream { if let piece = pieces.take(), pieces.taken == 1 { piece } else { throw Cut() } }),
                    today: F.today))
        }
        #expect(try store.people().isEmpty)
    }
}
