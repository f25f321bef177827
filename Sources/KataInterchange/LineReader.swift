import Foundation
import ImprovementKata
import KataStore

/// Reads a byte source line by line in chunks of a megabyte, so that a file or a stream of any
/// size is never held in memory whole.
///
/// Lines end with LF or CRLF; a UTF-8 byte order mark at the start is skipped. One thread at a
/// time uses a reader.
package final class LineReader: @unchecked Sendable {
    private let source: any ByteSource
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var skippedBOM = false

    /// The number of the line returned last (the first line is 1).
    package private(set) var lineNumber = 0
    /// Bytes read from the source so far.
    package private(set) var bytesRead: Int64 = 0

    /// A reader of `source`, taking `chunkSize` bytes from it at a time.
    package init(_ source: any ByteSource, chunkSize: Int = 1 << 20) {
        self.source = source
        self.chunkSize = chunkSize
    }

    /// A reader of the file at `path`.
    package convenience init(path: String, chunkSize: Int = 1 << 20) throws {
        self.init(try FileByteSource(path: path), chunkSize: chunkSize)
    }

    /// How many bytes the source holds in all, where it knows.
    package var expectedBytes: Int64? { source.expectedBytes }

    /// Shows the next line, without its line end and without copying it, to `body`.
    ///
    /// Returns false at the end of the file. The bytes are valid only inside `body`.
    package func nextLine(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        try settleByteOrderMark()
        while true {
            if let newline = newlineIndex() {
                try take(upTo: newline, body)
                start = newline + 1
                return true
            }
            if atEnd {
                guard start < buffer.count else { return false }
                try take(upTo: buffer.count, body)
                start = buffer.count
                return true
            }
            try fill()
        }
    }

    private func newlineIndex() -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard start < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The encoding of a file that is plainly not UTF-8, or nil.
    ///
    /// "UTF-16" when the file starts as UTF-16 (or UTF-32) text does: with its byte order mark,
    /// or with a NUL byte among the first four, which UTF-8 text never holds. Reads ahead without
    /// consuming anything.
    package func otherEncoding() throws -> String? {
        try settleByteOrderMark()
        while buffer.count - start < 4 && !atEnd { try fill() }
        let head = Array(buffer[start..<min(buffer.count, start + 4)])
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) { return "UTF-16" }
        return nil
    }

    /// The first byte of the file that is not white space (after any byte order mark).
    ///
    /// Nil for an empty file. Reads ahead without consuming anything.
    package func firstSignificantByte() throws -> UInt8? {
        try settleByteOrderMark()
        var index = start
        while true {
            while index < buffer.count {
                let byte = buffer[index]
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")
                    && byte != UInt8(ascii: "\r")
                {
                    return byte
                }
                index += 1
            }
            if atEnd { return nil }
            try fill()
            index = max(index, start)
        }
    }

    private func take(upTo end: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        lineNumber += 1
        var last = end
        if last > start && buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        try buffer.withUnsafeBytes { bytes in try body(UnsafeRawBufferPointer(rebasing: bytes[start..<last])) }
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        guard let chunk = try source.read(upTo: chunkSize), !chunk.isEmpty else {
            atEnd = true
            skippedBOM = true
            return
        }
        bytesRead += Int64(chunk.count)
        buffer.append(contentsOf: chunk)
        if !skippedBOM {
            // A stream may hand over fewer than the three bytes of the mark at first.
            let head = buffer[start..<min(buffer.count, start + 3)]
            guard head.count == 3 || !Self.byteOrderMark.starts(with: head) else { return }
            skippedBOM = true
            if head.elementsEqual(Self.byteOrderMark) { start += 3 }
        }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads until it is clear whether the source starts with a UTF-8 byte order mark, and skips it.
    private func settleByteOrderMark() throws {
        while !skippedBOM { try fill() }
    }

    /// Hands every byte not read yet to `body`, in pieces.
    ///
    /// What is buffered comes first, then the rest of the source: for a format another parser
    /// reads, such as a cycles CSV.
    package func remainingBytes(_ body: (Data) throws -> Void) throws {
        try settleByteOrderMark()
        if start < buffer.count { try body(Data(buffer[start...])) }
        buffer = []
        start = 0
        while !atEnd {
            guard let chunk = try source.read(upTo: chunkSize), !chunk.isEmpty else {
                atEnd = true
                break
            }
            bytesRead += Int64(chunk.count)
            try body(chunk)
        }
    }
}
