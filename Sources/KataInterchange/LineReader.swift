import Foundation
import ImprovementKata
import KataStore

/// Reads a file line by line in chunks of a megabyte, so that a file of any size is never held
/// in memory whole.
///
/// Lines end with LF or CRLF; a UTF-8 byte order mark at the start is skipped. One thread at a
/// time uses a reader.
package final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var skippedBOM = false

    /// The number of the line returned last (the first line is 1).
    package private(set) var lineNumber = 0
    /// Bytes read from the file so far.
    package private(set) var bytesRead: Int64 = 0

    package init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KataError.failure("cannot read \(path); check that it is a file you may read.")
        }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle.close()
    }

    /// Shows the next line, without its line end and without copying it, to `body`.
    ///
    /// Returns false at the end of the file. The bytes are valid only inside `body`.
    package func nextLine(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
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
        while buffer.count - start < 4 && !atEnd { try fill() }
        let head = Array(buffer[start..<min(buffer.count, start + 4)])
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) { return "UTF-16" }
        return nil
    }

    /// The first byte of the file that is not white space (after any byte order mark).
    ///
    /// Nil for an empty file. Reads ahead without consuming anything.
    package func firstSignificantByte() throws -> UInt8? {
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
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: chunkSize)
        } catch {
            throw KataError.failure("cannot read the file: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return
        }
        bytesRead += Int64(chunk.count)
        buffer.append(contentsOf: chunk)
        if !skippedBOM {
            skippedBOM = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        }
    }
}
