import Foundation

/// Interchange lines read and decoded on a second thread, handed to the importing thread in
/// batches.
///
/// Decoding JSON takes about as long as writing the records to SQLite; doing the two at once
/// nearly halves an import on a machine with two cores. At most a few batches wait at a time, so
/// memory stays flat.
///
/// Refusing unknown properties means listing every property of every line, which costs a fifth
/// of the decoding. The fast path skips the list and counts instead: in JSON, every unescaped
/// quote opens or closes a string, so a line with no properties beyond those decoded holds
/// exactly twice as many quotes as its record has property names and text values. A line with
/// more (an unknown property, or a known one set to null) is decoded again, strictly.
final class DecodedLines: @unchecked Sendable {
    /// One line: its number, its bytes, and the record or why it could not be decoded.
    struct Item {
        var line: Int
        var raw: Data
        var record: Result<InterchangeRecord, any Error>
    }

    /// Lines decoded together, and how much of the file had been read after them.
    struct Batch {
        var items: [Item] = []
        var bytesRead: Int64 = 0
    }

    private let reader: LineReader
    private let condition = NSCondition()
    private let stopped = DispatchSemaphore(value: 0)
    private var waiting: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var readError: (any Error)?
    private let batchSize = 1024
    private let maximumWaiting = 8

    init(_ reader: LineReader) {
        self.reader = reader
    }

    /// Starts reading and decoding on a thread of its own.
    func start() {
        let thread = Thread { [self] in
            produce()
            stopped.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next batch, nil at the end of the file; throws what reading the file threw.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished { condition.wait() }
        if !waiting.isEmpty {
            let batch = waiting.removeFirst()
            condition.broadcast()
            return batch
        }
        if let readError { throw readError }
        return nil
    }

    /// Stops the decoding thread and waits for it to end.
    func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        stopped.wait()
    }

    private func produce() {
        let strict = JSONDecoder()
        let counting = JSONDecoder()
        if let key = InterchangeDecoding.fieldsCounted { counting.userInfo[key] = true }
        var batch = Batch()
        do {
            while let line = try reader.next() {
                guard !Self.isBlank(line) else { continue }
                var record = Result { try counting.decode(InterchangeRecord.self, from: line) }
                // Kinds with nested lists check their properties themselves (jsonStrings is nil).
                if case let .success(decoded) = record, let strings = decoded.jsonStrings,
                    2 * strings != Self.quotes(in: line)
                {
                    record = Result { try strict.decode(InterchangeRecord.self, from: line) }
                }
                batch.items.append(Item(line: reader.lineNumber, raw: line, record: record))
                if batch.items.count >= batchSize || (try? record.get()) == nil {
                    batch.bytesRead = reader.bytesRead
                    guard hand(batch) else { return }
                    batch = Batch()
                    // The importer stops at a line that cannot be decoded; no need to read on.
                    if case .failure = record { break }
                }
            }
        } catch {
            condition.lock()
            readError = error
            condition.unlock()
        }
        batch.bytesRead = reader.bytesRead
        if !batch.items.isEmpty { _ = hand(batch) }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while the importer is behind; false once it has stopped.
    private func hand(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= maximumWaiting && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// The quotes of `line` that are not escaped by a backslash.
    private static func quotes(in line: Data) -> Int {
        line.withUnsafeBytes { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 1
                case UInt8(ascii: "\""): count += 1
                default: break
                }
                index += 1
            }
            return count
        }
    }

    private static func isBlank(_ line: Data) -> Bool {
        if line.first == UInt8(ascii: "{") { return false }
        return line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
