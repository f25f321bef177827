import Foundation
import KataStore

/// Interchange lines read on one thread and decoded on one or two more, handed to the importing
/// thread in batches, in the order of the file.
///
/// Decoding JSON costs about as much as writing the records to SQLite; doing both at once nearly
/// halves an import on a machine with two cores, and decoding two batches at a time helps where
/// there are more. At most a few batches wait at a time, so memory stays flat. Lines are parsed
/// by `JSONLine` and decoded from its values; `JSONDecoder` decodes only the lines that fast
/// path does not take, and so words every error.
package final class DecodedLines: @unchecked Sendable {
    /// One line: its number, its bytes, and the record or why it could not be decoded.
    package struct Item {
        package var line: Int
        package var raw: Data
        package var record: Result<InterchangeRecord, any Error>
    }

    /// Lines decoded together, and how much of the file had been read after them.
    package struct Batch {
        package var items: [Item] = []
        package var bytesRead: Int64 = 0
    }

    /// Lines read together: their bytes one after the other in one buffer, and where each ends.
    private struct Lines {
        var numbers: [Int] = []
        var ends: [Int] = []
        var bytes = Data()
        var bytesRead: Int64 = 0

        init() { bytes.reserveCapacity(DecodedLines.batchSize * 512) }
    }

    private static let batchSize = 1024
    /// Two decoding threads where there are cores to spare for them; one on a machine with two.
    private static let decoders = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount - 2))
    private static let maximumWaiting = 8

    private let reader: LineReader
    private let condition = NSCondition()
    private let stopped = DispatchSemaphore(value: 0)
    // All guarded by `condition`.
    private var read: [(sequence: Int, lines: Lines)] = []
    /// Batches the importer is done with, freed on a decoding thread rather than the importer's.
    private var done: [Batch] = []
    private var decoded: [Int: Batch] = [:]
    private var decoding = 0
    private var nextRead = 0
    private var nextHanded = 0
    private var readingDone = false
    private var cancelled = false
    private var readError: (any Error)?

    package init(_ reader: LineReader) {
        self.reader = reader
    }

    /// Starts reading and decoding on threads of their own.
    package func start() {
        let threads =
            [Thread { [self] in readLines() }] + (0..<Self.decoders).map { _ in Thread { [self] in decode() } }
        for thread in threads {
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    /// The next batch in file order, nil at the end of the file; throws what reading threw.
    ///
    /// `finished`, the batch handed out before, goes back to be freed on another thread: freeing
    /// a batch's thousand records is work the importing thread has no time for.
    package func next(finished: Batch? = nil) throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        if let finished { done.append(finished) }
        while true {
            if let batch = decoded.removeValue(forKey: nextHanded) {
                nextHanded += 1
                condition.broadcast()
                return batch
            }
            if readingDone && nextHanded == nextRead {
                if let readError { throw readError }
                return nil
            }
            condition.wait()
        }
    }

    /// Stops the other threads and waits for them to end.
    package func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        for _ in 0...Self.decoders { stopped.wait() }
    }

    private func readLines() {
        defer { stopped.signal() }
        var lines = Lines()
        do {
            while try reader.nextLine({ line in
                guard !Self.isBlank(line) else { return }
                lines.numbers.append(reader.lineNumber)
                if let base = line.baseAddress {
                    lines.bytes.append(base.assumingMemoryBound(to: UInt8.self), count: line.count)
                }
                lines.ends.append(lines.bytes.count)
            }) {
                if lines.ends.count >= Self.batchSize {
                    lines.bytesRead = reader.bytesRead
                    guard queue(lines) else { return }
                    lines = Lines()
                }
            }
        } catch {
            condition.lock()
            readError = error
            condition.unlock()
        }
        lines.bytesRead = reader.bytesRead
        if !lines.ends.isEmpty { _ = queue(lines) }
        condition.lock()
        readingDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues lines for decoding, waiting while the importer is behind; false once it stopped.
    private func queue(_ lines: Lines) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while read.count + decoding + decoded.count >= Self.maximumWaiting && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        read.append((nextRead, lines))
        nextRead += 1
        condition.broadcast()
        return true
    }

    private func decode() {
        defer { stopped.signal() }
        let strict = JSONDecoder()
        while true {
            condition.lock()
            while read.isEmpty && !readingDone && !cancelled { condition.wait() }
            guard !cancelled, !read.isEmpty else {
                condition.unlock()
                return
            }
            let (sequence, lines) = read.removeFirst()
            decoding += 1
            let finished = done
            done = []
            condition.unlock()
            _ = consume finished

            var batch = Batch(bytesRead: lines.bytesRead)
            batch.items.reserveCapacity(lines.ends.count)
            var start = lines.bytes.startIndex
            for (number, end) in zip(lines.numbers, lines.ends) {
                // A slice shares the batch's buffer: no copy of the line.
                let line = lines.bytes[start..<end]
                batch.items.append(Item(line: number, raw: line, record: Self.decode(line, strict)))
                start = end
            }

            condition.lock()
            decoding -= 1
            decoded[sequence] = batch
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The record of one line: parsed by `JSONLine` and decoded from its values, or decoded by
    /// `JSONDecoder` where that fast path misses, so that errors are always the decoder's.
    package static func decode(_ line: Data, _ strict: JSONDecoder) -> Result<InterchangeRecord, any Error> {
        switch JSONLine.parse(line) {
        case let .parsed(object):
            if let record = try? InterchangeRecord(from: JSONLineDecoder(value: .object(object))) {
                return .success(record)
            }
            if let unkept = JSONLineValue.object(object).unkeptNumber() {
                return .failure(
                    DecodingError.dataCorrupted(
                        DecodingError.Context(codingPath: unkept.path, debugDescription: unkept.problem)))
            }
        case let .repeated(path):
            return .failure(
                DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: path, debugDescription: "is given twice; give each field once")))
        case .unparsed:
            break
        }
        return Result { try strict.decode(InterchangeRecord.self, from: line) }
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        if line.first == UInt8(ascii: "{") { return false }
        return line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
