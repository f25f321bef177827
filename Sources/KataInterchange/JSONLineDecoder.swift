import Foundation
import KataStore

/// Decodes a record from the values `JSONLine` parsed, through the record's own `init(from:)`.
///
/// The decoder keeps no coding path and says nothing about what went wrong: any error it throws
/// means "decode this line again with `JSONDecoder`", which knows the path and words the error.
/// So it takes only what `JSONDecoder` takes with the same result, and throws for the rest: an
/// integer written with a fraction or an exponent, a number too large for its type, a `Float`.
struct JSONLineDecoder: Decoder {
    /// Thrown for anything the fast path leaves to `JSONDecoder`.
    struct Miss: Error {}

    let value: JSONLineValue

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(object) = value else { throw Miss() }
        // Records decode with `FieldKey` alone. A container of that one concrete key runs specialised
        // code, where a generic one would look up type metadata at every call; the cast is an identity.
        guard Key.self == FieldKey.self else { throw Miss() }
        return unsafeBitCast(KeyedDecodingContainer(Keyed(object: object)), to: KeyedDecodingContainer<Key>.self)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(elements) = value else { throw Miss() }
        return Unkeyed(elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value) }
}

extension JSONLineValue {
    func bool() throws -> Bool {
        guard case let .bool(value) = self else { throw JSONLineDecoder.Miss() }
        return value
    }

    func string() throws -> String {
        guard case let .string(value) = self else { throw JSONLineDecoder.Miss() }
        return value
    }

    func double() throws -> Double {
        guard case let .number(text) = self, let value = Self.keptDouble(text) else { throw JSONLineDecoder.Miss() }
        return value
    }

    /// The number written as `text`, nil when a `Double` cannot keep it: too large (infinite), or
    /// so close to zero that it would become 0 though its digits are not all zeros.
    static func keptDouble(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        if value == 0, text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            return nil
        }
        return value
    }

    /// The path to the first number of the value that a `Double` cannot keep, and why.
    ///
    /// Nil when there is none. `JSONDecoder` refuses such a line as a whole ("not valid JSON"), or
    /// takes `1e-400` for a whole number 0; the importer refuses it, naming the field.
    func unkeptNumber() -> (path: [any CodingKey], problem: String)? {
        switch self {
        case let .number(text):
            guard Self.keptDouble(text) == nil else { return nil }
            let value = Double(text) ?? 0
            let problem =
                value.isFinite
                ? "\(text) is too close to zero to be kept as a number (it would be stored as 0); write 0, or a "
                    + "number no closer to zero than 1e-308"
                : "\(text) is too large to be kept as a number"
            return ([], problem)
        case let .array(elements):
            for (index, element) in elements.enumerated() {
                if let found = element.unkeptNumber() { return ([ElementKey(index)] + found.path, found.problem) }
            }
            return nil
        case let .object(object):
            for (name, value) in zip(object.names, object.values) {
                if let found = value.unkeptNumber() { return ([FieldKey(name)] + found.path, found.problem) }
            }
            return nil
        case .string, .bool, .null:
            return nil
        }
    }

    /// Only whole numbers written with digits alone; `JSONDecoder` decides on `1.0` and `1e3`.
    func integer<T: FixedWidthInteger>() throws -> T {
        guard case let .number(text) = self, let value = T(text, radix: 10) else { throw JSONLineDecoder.Miss() }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: JSONLineDecoder(value: self))
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

private struct Keyed: KeyedDecodingContainerProtocol {
    typealias Key = FieldKey

    let object: JSONLineObject

    var codingPath: [any CodingKey] { [] }
    var allKeys: [FieldKey] { object.names.map { FieldKey($0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONLineValue {
        guard let value = object[key.stringValue] else { throw JSONLineDecoder.Miss() }
        return value
    }

    /// The value of `key`, nil when absent or null: one look-up where the protocol's default makes three.
    private func present(_ key: Key) -> JSONLineValue? {
        guard let value = object[key.stringValue], !value.isNull else { return nil }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw JSONLineDecoder.Miss() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).integer() }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).integer() }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).integer() }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).integer() }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).integer() }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).integer() }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).integer() }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).integer() }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).integer() }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).integer() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.bool() }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key)?.string() }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key)?.double() }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key)?.integer() }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key)?.decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try JSONLineDecoder(value: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONLineDecoder(value: value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw JSONLineDecoder.Miss() }
    func superDecoder(forKey key: Key) throws -> any Decoder { JSONLineDecoder(value: try value(key)) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let elements: [JSONLineValue]
    var currentIndex = 0

    var codingPath: [any CodingKey] { [] }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> JSONLineValue {
        guard !isAtEnd else { throw JSONLineDecoder.Miss() }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw JSONLineDecoder.Miss() }
        guard elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
    mutating func decode(_ type: Float.Type) throws -> Float { throw JSONLineDecoder.Miss() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer() }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try JSONLineDecoder(value: next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try JSONLineDecoder(value: next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { JSONLineDecoder(value: try next()) }
}

private struct Single: SingleValueDecodingContainer {
    let value: JSONLineValue

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool() }
    func decode(_ type: String.Type) throws -> String { try value.string() }
    func decode(_ type: Double.Type) throws -> Double { try value.double() }
    func decode(_ type: Float.Type) throws -> Float { throw JSONLineDecoder.Miss() }
    func decode(_ type: Int.Type) throws -> Int { try value.integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decode(type) }
}
