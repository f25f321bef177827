import Foundation
import ImprovementKata
import KataStore

/// Where the bytes of an import come from, read once from first to last in chunks: a file
/// (`FileByteSource`), bytes in memory (`DataByteSource`), or pieces as they arrive
/// (`ImportStream`, `ByteStream`): a streamed upload, the demo's generated records, later a
/// PostgreSQL `COPY`.
///
/// `LineReader` splits the chunks into lines, so every source shares one parser. One thread at
/// a time reads a source.
///
/// ```swift
/// let source = DataByteSource(Data("{\"kind\":\"holiday\",\"date\":\"2026-12-25\"}\n".utf8))
/// while let chunk = try source.read(upTo: 1 << 20) { print(chunk.count) }  // 40
/// ```
public protocol ByteSource: AnyObject {
    /// The next bytes, at most `maximum` of them (a source may give fewer); nil at the end.
    func read(upTo maximum: Int) throws -> Data?

    /// How many bytes the source holds in all, where known before reading: for progress, and
    /// for an import to tell a large load from a small one.
    var expectedBytes: Int64? { get }
}

/// The bytes of a file, read a chunk at a time, so that a file of any size is never held in
/// memory whole.
public final class FileByteSource: ByteSource {
    private let handle: FileHandle
    public let expectedBytes: Int64?

    /// Opens the file at `path` for reading.
    ///
    /// Throws `KataError` naming the path when it cannot be read.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KataError.failure("cannot read \(path); check that it is a file you may read.")
        }
        self.handle = handle
        expectedBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? nil
    }

    deinit {
        try? handle.close()
    }

    public func read(upTo maximum: Int) throws -> Data? {
        do {
            guard let chunk = try handle.read(upToCount: maximum), !chunk.isEmpty else { return nil }
            return chunk
        } catch {
            throw KataError.failure("cannot read the file: \(error.localizedDescription)")
        }
    }
}

/// Bytes in memory, handed out as slices that share their storage: nothing is copied.
public final class DataByteSource: ByteSource {
    private let data: Data
    private var offset: Data.Index

    public init(_ data: Data) {
        self.data = data
        offset = data.startIndex
    }

    public var expectedBytes: Int64? { Int64(data.count) }

    public func read(upTo maximum: Int) -> Data? {
        guard offset < data.endIndex else { return nil }
        let end = data.index(offset, offsetBy: maximum, limitedBy: data.endIndex) ?? data.endIndex
        defer { offset = end }
        return data[offset..<end]
    }
}

/// The seam's stream of an import (`ImportRequest.Source.stream`) as a byte source: its pieces
/// as they come, whatever their size.
extension ImportStream: ByteSource {
    public func read(upTo maximum: Int) throws -> Data? {
        while let piece = try nextPiece() {
            if !piece.isEmpty { return piece }
        }
        return nil
    }
}
