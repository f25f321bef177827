import Foundation
import ImprovementKata
import KataStore

/// Why a value of an interchange line was refused, for the field named by the decoding path.
struct InterchangeValueProblem: Error {
    var problem: String
}

extension Decoder {
    /// The fields of a record; throws for the first property not in `allowed`.
    func fields(only allowed: Set<String>, of kind: String) throws -> KeyedDecodingContainer<FieldKey> {
        let fields = try container(keyedBy: FieldKey.self)
        // The importer's own decoder has the names at hand; the container's `allKeys` would cast
        // each key back from `any CodingKey`.
        if let line = self as? JSONLineDecoder, case let .object(object) = line.value {
            guard object.names.allSatisfy(allowed.contains) else { throw JSONLineDecoder.Miss() }
            return fields
        }
        for key in fields.allKeys where !allowed.contains(key.stringValue) {
            let known = allowed.sorted().joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: fields, debugDescription: "is not a field of \(kind); the fields are \(known)")
        }
        return fields
    }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// A required text; `blankAllowed: false` refuses text that is only white space.
    func text(_ name: String, blankAllowed: Bool = false) throws -> String {
        let key = FieldKey(name)
        let value = try decode(String.self, forKey: key)
        if !blankAllowed && value.isBlank {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must not be blank")
        }
        try refuseNUL(value, key)
        return value
    }

    /// An optional text; absent and null are nil.
    func optionalText(_ name: String) throws -> String? {
        let key = FieldKey(name)
        let value = try decodeIfPresent(String.self, forKey: key)
        if let value { try refuseNUL(value, key) }
        return value
    }

    /// SQLite takes text up to its first NUL character, so "a\u0000b" would be stored as "a":
    /// refused rather than cut short.
    private func refuseNUL(_ value: String, _ key: FieldKey) throws {
        guard value.containsNUL else { return }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self,
            debugDescription: "contains a NUL character (\\u0000), which kata cannot keep; remove it")
    }

    func id(_ name: String) throws -> UUID {
        try convert(
            name, text(name, blankAllowed: true), UUID.init(interchange:),
            "an id (a UUID such as 0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5a)")
    }

    func optionalID(_ name: String) throws -> UUID? {
        try optionalText(name).map { try convert(name, $0, UUID.init(interchange:), "an id (a UUID)") }
    }

    func day(_ name: String) throws -> Day {
        try convert(name, text(name, blankAllowed: true), Day.interchange, "a date that exists, written YYYY-MM-DD")
    }

    func optionalDay(_ name: String) throws -> Day? {
        try optionalText(name).map { try convert(name, $0, Day.interchange, "a date that exists, written YYYY-MM-DD") }
    }

    func handle(_ name: String) throws -> Handle {
        try convert(name, text(name, blankAllowed: true), { try? Handle(validating: $0) }, Self.handleForm)
    }

    func optionalHandle(_ name: String) throws -> Handle? {
        try optionalText(name).map { try convert(name, $0, { try? Handle(validating: $0) }, Self.handleForm) }
    }

    /// An optional value of one of the cases of `T`.
    func optionalCase<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
        let choices = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try optionalText(name).map { try convert(name, $0, T.init(rawValue:), "one of \(choices)") }
    }

    private static var handleForm: String { "a handle: 1 to 64 characters of a-z, 0-9, '.', '_' or '-'" }

    private func convert<T>(_ name: String, _ text: String, _ make: (String) -> T?, _ expected: String) throws -> T {
        guard let value = make(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: FieldKey(name), in: self, debugDescription: "'\(text)' is not valid; expected \(expected)")
        }
        return value
    }
}

extension KeyedEncodingContainer where Key == FieldKey {
    mutating func put(_ value: String?, _ name: String) throws {
        try encodeIfPresent(value, forKey: FieldKey(name))
    }

    mutating func put(_ value: UUID?, _ name: String) throws {
        try encodeIfPresent(value?.interchangeText, forKey: FieldKey(name))
    }

    mutating func put(_ value: Day?, _ name: String) throws {
        try encodeIfPresent(value?.description, forKey: FieldKey(name))
    }

    mutating func put(_ value: Handle?, _ name: String) throws {
        try encodeIfPresent(value?.rawValue, forKey: FieldKey(name))
    }
}

extension String {
    /// Whether the text holds a NUL character: one look at the bytes where they are contiguous.
    var containsNUL: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }
}
