import Foundation
import ImprovementKata
import KataStore
import Testing

@testable import KataInterchange

/// One line reader over every byte source: a file, bytes in memory, and a stream of pieces give
/// the same lines, however the pieces fall.
@Suite("Byte sources: one reader for a file, bytes and a stream")
struct ByteSourceTests {
    /// A BOM, CRLF and LF line ends, a blank line, a line of many bytes, and a last line without
    /// its line end.
    static let text =
        "\u{FEFF}{\"kind\":\"person\",\"handle\":\"ann\"}\r\n\n{\"kind\":\"holiday\",\"date\":\"2026-12-25\"}\n"
        + String(repeating: "é", count: 300) + "\nlast"
    static let expected = [
        "{\"kind\":\"person\",\"handle\":\"ann\"}", "", "{\"kind\":\"holiday\",\"date\":\"2026-12-25\"}",
        String(repeating: "é", count: 300), "last",
    ]

    /// Every line `reader` gives, as text.
    private func lines(_ reader: LineReader) throws -> [String] {
        var lines: [String] = []
        while try reader.nextLine({ lines.append(String(decoding: $0, as: UTF8.self)) }) {}
        return lines
    }

    /// A stream handing out `data` in pieces of `size` bytes (the last one shorter), with an
    /// empty piece now and then, as a network may.
    private func stream(_ data: Data, pieces size: Int) -> ImportStream {
        let pieces = stride(from: 0, to: data.count, by: size).flatMap { start in
            [Data(), data.subdata(in: start..<min(data.count, start + size))]
        }
        let next = Pieces(pieces)
        return ImportStream(expectedBytes: Int64(data.count)) { next.take() }
    }

    private final class Pieces: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [Data]

        init(_ pieces: [Data]) { self.pieces = pieces }

        func take() -> Data? { lock.withLock { pieces.isEmpty ? nil : pieces.removeFirst() } }
    }

    @Test("a file, bytes and a stream in pieces of any size give the same lines", arguments: [1, 2, 7, 64, 4096])
    func sameLines(chunkSize: Int) throws {
        let data = Data(Self.text.utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kata-bytes-\(UUID()).jsonl").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect(try lines(LineReader(path: path, chunkSize: chunkSize)) == Self.expected)
        #expect(try lines(LineReader(DataByteSource(data), chunkSize: chunkSize)) == Self.expected)
        #expect(try lines(LineReader(stream(data, pieces: chunkSize), chunkSize: 4096)) == Self.expected)
        let reader = LineReader(stream(data, pieces: 3))
        #expect(try lines(reader) == Self.expected)
        #expect(reader.bytesRead == Int64(data.count))
        #expect(reader.lineNumber == Self.expected.count)
    }

    @Test("bytes in memory are handed out in slices of at most the size asked for, then nil")
    func slices() throws {
        let data = Data((0..<10).map { UInt8($0) }).dropFirst(2)
        let source = DataByteSource(data)
        #expect(source.expectedBytes == 8)
        #expect(source.read(upTo: 3) == Data([2, 3, 4]))
        #expect(source.read(upTo: 100) == Data([5, 6, 7, 8, 9]))
        #expect(source.read(upTo: 3) == nil)
    }

    @Test("what is left after looking ahead is handed on whole, without the byte order mark")
    func remaining() throws {
        let data = Data("\u{FEFF}  date,coach,learner\r\n2026-11-02,ann,bob\n".utf8)
        for reader in [LineReader(DataByteSource(data), chunkSize: 5), LineReader(stream(data, pieces: 2))] {
            #expect(try reader.otherEncoding() == nil)
            #expect(try reader.firstSignificantByte() == UInt8(ascii: "d"))
            var rest = Data()
            try reader.remainingBytes { rest.append($0) }
            #expect(String(decoding: rest, as: UTF8.self) == "  date,coach,learner\r\n2026-11-02,ann,bob\n")
        }
    }

    @Test("UTF-16 is told from its first bytes, from a stream as from a file")
    func otherEncoding() throws {
        let data = try #require("{\"kind\":\"person\"}".data(using: .utf16LittleEndian))
        #expect(try LineReader(stream(data, pieces: 1)).otherEncoding() == "UTF-16")
    }

    @Test("a file that cannot be read is named in the error")
    func missingFile() {
        let path = "/nonexistent/kata-\(UUID()).jsonl"
        #expect {
            _ = try FileByteSource(path: path)
        } throws: { error in
            (error as? KataError)?.description.contains(path) == true
        }
    }

    @Test("a stream's error reaches the reader")
    func streamFails() throws {
        struct Broken: Error {}
        let reader = LineReader(ImportStream { throw Broken() })
        #expect(throws: Broken.self) { try reader.nextLine { _ in } }
    }
}
