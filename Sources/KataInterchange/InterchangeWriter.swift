import Foundation
import KataStore

/// Writes interchange lines as UTF-8 bytes into a buffer, handing it to a sink in large pieces.
///
/// A hand-written JSON writer rather than `JSONEncoder`, which is several times slower and does
/// not keep the properties in the order of DESIGN §8: an export of a million coaching cycles
/// spends most of its time here. It writes one compact object per line, properties in the order
/// they are given, and escapes strings per RFC 8259 (quote, backslash and every control
/// character; everything else as UTF-8).
package final class InterchangeWriter {
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let sink: (Data) throws -> Void
    private let flushSize: Int
    private var needsComma = false

    /// A writer handing its bytes to `sink` whenever `flushSize` bytes have gathered.
    package init(flushSize: Int = 1 << 20, sink: @escaping (Data) throws -> Void) {
        self.flushSize = flushSize
        self.sink = sink
        buffer.reserveCapacity(flushSize + 4096)
    }

    /// Starts a line with its `kind`.
    package func beginLine(kind: String) {
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
        field("kind", kind)
    }

    /// Ends the line; hands the buffer on when it is full.
    package func endLine() throws {
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushSize { try flush() }
    }

    /// Hands whatever is buffered to the sink.
    package func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// A text property; nothing when `value` is nil.
    package func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A text property from UTF-8 bytes as SQLite holds them: up to the first NUL, and bytes that
    /// are not UTF-8 replaced by U+FFFD, the same text a Swift string of the column would hold.
    package func field(_ name: String, utf8 bytes: UnsafeRawBufferPointer) {
        key(name)
        var bytes = bytes
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            bytes = UnsafeRawBufferPointer(start: base, count: base.distance(to: UnsafeRawPointer(nul)))
        }
        if bytes.isASCII {
            escape(bytes.assumingMemoryBound(to: UInt8.self))
        } else {
            string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A property whose value is JSON text already, such as a list kept as JSON: written as it is.
    package func field(_ name: String, json: String) {
        key(name)
        buffer.append(contentsOf: json.utf8)
    }

    /// A whole-number property; nothing when `value` is nil.
    package func field(_ name: String, integer value: Int?) {
        guard let value else { return }
        key(name)
        buffer.append(contentsOf: String(value).utf8)
    }

    /// A `true`/`false` property.
    package func field(_ name: String, bool value: Bool) {
        key(name)
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A number property: whole numbers without a fraction, others in the shortest form that
    /// reads back to the same value.
    package func field(_ name: String, number value: Double) {
        key(name)
        if value == value.rounded(), abs(value) < 1e15 {
            buffer.append(contentsOf: String(Int(value)).utf8)
        } else {
            buffer.append(contentsOf: "\(value)".utf8)
        }
    }

    /// A property holding a list of objects, each written by `object`; nothing when the list is
    /// empty.
    package func list<T>(_ name: String, _ items: [T], _ object: (InterchangeWriter, T) -> Void) {
        guard !items.isEmpty else { return }
        key(name)
        buffer.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(UInt8(ascii: "{"))
            needsComma = false
            object(self, item)
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private func key(_ name: String) {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        needsComma = true
        string(name)
        buffer.append(UInt8(ascii: ":"))
    }

    private func string(_ value: String) {
        var value = value
        value.withUTF8 { escape($0) }
    }

    /// A JSON string of valid UTF-8 `bytes`, quoted and escaped.
    private func escape(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            runStart = index + 1
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0c: buffer.append(UInt8(ascii: "f"))
            case 0x0a: buffer.append(UInt8(ascii: "n"))
            case 0x0d: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [
                    UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0f)],
                ])
            }
        }
        if runStart < bytes.count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
