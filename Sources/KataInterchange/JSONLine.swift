import Foundation
import KataStore

/// A value of one interchange line, as parsed by `JSONLine.parse`.
enum JSONLineValue {
    case string(String)
    /// A number as written: its text, checked against the JSON grammar.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONLineValue])
    case object(JSONLineObject)
}

/// The properties of a JSON object in the order written; no name twice.
struct JSONLineObject {
    var names: [String] = []
    var values: [JSONLineValue] = []

    /// The value of the property `name`; objects of interchange lines hold a dozen properties at
    /// most, so a look along the list beats hashing.
    ///
    /// Names are compared by their UTF-8 bytes, as JSON compares them (code point by code point),
    /// not by `String ==`, which takes a precomposed "é" and a decomposed one for the same.
    subscript(name: String) -> JSONLineValue? {
        guard let index = index(of: name) else { return nil }
        return values[index]
    }

    /// `==` first: for ASCII names it compares bytes at once and tells most names apart; only a
    /// name it finds equal is compared again byte by byte, since canonically equal names (a
    /// precomposed and a decomposed "é") are two names in JSON.
    func index(of name: String) -> Int? {
        names.firstIndex { $0 == name && $0.utf8.elementsEqual(name.utf8) }
    }
}

/// The importer's JSON parser for one line of interchange JSONL.
///
/// Foundation's `JSONDecoder` spends more time on each short line than SQLite spends storing
/// the record, so the importer parses lines itself into `JSONLineValue`s and decodes the records
/// from those (`JSONLineDecoder`). The parser is strict and narrow: it accepts exactly the JSON
/// grammar (RFC 8259) in UTF-8, up to 32 levels deep, and it refuses a property given twice in
/// one object, which `JSONDecoder` would let pass with one of the two values. A line it does not
/// accept for any other reason, and a record that fails to decode from its values, is decoded
/// again by `JSONDecoder`, so what is refused and the message that says why stay the decoder's.
enum JSONLine {
    enum Outcome {
        case parsed(JSONLineObject)
        /// A property given twice: the path to it, as coding keys.
        case repeated([any CodingKey])
        /// Not a JSON object, or not one this parser takes: left to `JSONDecoder`.
        case unparsed
    }

    /// A property given twice is reported only when the whole line is JSON: a line that is not
    /// is left to `JSONDecoder`, whose message says so.
    static func parse(_ line: Data) -> Outcome {
        line.withUnsafeBytes { bytes in
            switch parse(bytes, allowingRepeats: false) {
            case let .repeated(path):
                // Read the line again to its end, repeats let through, to check its grammar.
                guard case .parsed = parse(bytes, allowingRepeats: true) else { return .unparsed }
                return .repeated(path)
            case let outcome: return outcome
            }
        }
    }

    /// The line parsed with a property given twice let through (both kept), to check its grammar.
    static func parse(_ line: Data, allowingRepeats: Bool) -> Outcome {
        line.withUnsafeBytes { parse($0, allowingRepeats: allowingRepeats) }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, allowingRepeats: Bool) -> Outcome {
        var parser = Parser(bytes: bytes, allowingRepeats: allowingRepeats)
        do throws(Parser.Failure) {
            parser.skipSpace()
            guard parser.peek() == UInt8(ascii: "{") else { return .unparsed }
            guard case let .object(object) = try parser.value(depth: 0) else { return .unparsed }
            parser.skipSpace()
            return parser.atEnd ? .parsed(object) : .unparsed
        } catch {
            switch error {
            case let .repeated(path): return .repeated(path.reversed())
            case .malformed: return .unparsed
            }
        }
    }

    private struct Parser {
        enum Failure: Error {
            case malformed
            /// The path from the property given twice up to the line, innermost first.
            case repeated([any CodingKey])
        }

        static let maximumDepth = 32

        let bytes: UnsafeRawBufferPointer
        /// Whether a property given twice passes, for checking the grammar of a line alone.
        let allowingRepeats: Bool
        var index = 0

        init(bytes: UnsafeRawBufferPointer, allowingRepeats: Bool) {
            self.bytes = bytes
            self.allowingRepeats = allowingRepeats
        }

        var atEnd: Bool { index >= bytes.count }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard index < bytes.count, bytes[index] == byte else { throw .malformed }
            index += 1
        }

        mutating func value(depth: Int) throws(Failure) -> JSONLineValue {
            guard let byte = peek(), depth < Self.maximumDepth else { throw .malformed }
            switch byte {
            case UInt8(ascii: "{"): return .object(try object(depth: depth))
            case UInt8(ascii: "["): return .array(try array(depth: depth))
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw .malformed
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count,
                UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]).elementsEqual(
                    UnsafeRawBufferPointer(start: word.utf8Start, count: count))
            else { throw .malformed }
            index += count
        }

        mutating func object(depth: Int) throws(Failure) -> JSONLineObject {
            try expect(UInt8(ascii: "{"))
            var object = JSONLineObject()
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return object
            }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw .malformed }
                let name = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                let value: JSONLineValue
                do throws(Failure) {
                    value = try self.value(depth: depth + 1)
                } catch {
                    guard case let .repeated(path) = error else { throw error }
                    throw .repeated(path + [FieldKey(name)])
                }
                if !allowingRepeats, object.index(of: name) != nil { throw .repeated([FieldKey(name)]) }
                object.names.append(name)
                object.values.append(value)
                skipSpace()
                guard let next = peek() else { throw .malformed }
                index += 1
                if next == UInt8(ascii: "}") { return object }
                guard next == UInt8(ascii: ",") else { throw .malformed }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> [JSONLineValue] {
            try expect(UInt8(ascii: "["))
            var elements: [JSONLineValue] = []
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return elements
            }
            while true {
                skipSpace()
                do throws(Failure) {
                    elements.append(try value(depth: depth + 1))
                } catch {
                    guard case let .repeated(path) = error else { throw error }
                    throw .repeated(path + [ElementKey(elements.count)])
                }
                skipSpace()
                guard let next = peek() else { throw .malformed }
                index += 1
                if next == UInt8(ascii: "]") { return elements }
                guard next == UInt8(ascii: ",") else { throw .malformed }
            }
        }

        /// A string, from its opening quote; text that is not valid UTF-8 is malformed.
        mutating func string() throws(Failure) -> String {
            try expect(UInt8(ascii: "\""))
            let start = index
            // Most strings hold no escape: taken as they are.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return try text(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw .malformed }
                index += 1
            }
            var unescaped = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = unescaped.withUnsafeBytes({ try? text($0) }) else { throw .malformed }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &unescaped)
                case ..<0x20:
                    throw .malformed
                default:
                    unescaped.append(byte)
                }
            }
            throw .malformed
        }

        /// The bytes as text, if they are valid UTF-8.
        private func text(_ utf8: UnsafeRawBufferPointer) throws(Failure) -> String {
            let text = String(decoding: utf8, as: UTF8.self)
            // Decoding puts U+FFFD in place of bytes that are not UTF-8; text that has none of those
            // comes out with exactly the bytes that went in.
            guard utf8.isASCII || text.utf8.elementsEqual(utf8) else { throw .malformed }
            return text
        }

        /// The character of an escape, after its backslash, appended as UTF-8.
        mutating func escape(into unescaped: inout [UInt8]) throws(Failure) {
            guard let byte = peek() else { throw .malformed }
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(byte)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A character beyond the Basic Multilingual Plane, as a surrogate pair.
                    try expect(UInt8(ascii: "\\"))
                    try expect(UInt8(ascii: "u"))
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .malformed }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw .malformed }
                unescaped.append(contentsOf: String(character).utf8)
            default:
                throw .malformed
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard bytes.count - index >= 4 else { throw .malformed }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw .malformed
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// A number's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func number() throws(Failure) -> String {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), isDigit(first) else { throw .malformed }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if peek() == UInt8(ascii: ".") {
                index += 1
                try digits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                try digits()
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private mutating func skipDigits() {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }

        private mutating func digits() throws(Failure) {
            guard let byte = peek(), isDigit(byte) else { throw .malformed }
            skipDigits()
        }
    }
}

/// The position of an element in a list, as a coding key: `[2]`.
struct ElementKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension UnsafeRawBufferPointer {
    /// Whether every byte is below 0x80, looked at eight at a time.
    var isASCII: Bool {
        var index = 0
        while index + 8 <= count {
            if loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if self[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
