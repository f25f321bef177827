import Foundation
import ImprovementKata

/// A JSON property name of an interchange line.
///
/// A struct rather than an enum of known names, so that decoding sees every property of a line
/// and can refuse the ones it does not know instead of silently dropping them.
struct FieldKey: CodingKey, Hashable, Sendable {
    let stringValue: String

    init(stringValue: String) { self.stringValue = stringValue }
    init(_ name: String) { stringValue = name }
    init?(intValue: Int) { nil }
    var intValue: Int? { nil }
}

/// Why a value of an interchange line was refused, for the field named by the decoding path.
struct InterchangeValueProblem: Error {
    var problem: String
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// Throws for the first property not in `allowed`.
    func refuseUnknownFields(_ allowed: Set<String>, of kind: String) throws {
        for key in allKeys where !allowed.contains(key.stringValue) {
            let known = allowed.sorted().joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "is not a field of \(kind); the fields are \(known)")
        }
    }

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
        guard value.utf8.contains(0) else { return }
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

/// How the importer's fast path decodes: see `DecodedLines`.
enum InterchangeDecoding {
    /// Set in a decoder's `userInfo` when the caller checks for unknown properties itself.
    static let fieldsCounted = CodingUserInfoKey(rawValue: "kata.interchange.fieldsCounted")

    /// Whether the records decoded by `decoder` refuse unknown properties themselves.
    static func checksFields(_ decoder: any Decoder) -> Bool {
        guard let key = fieldsCounted else { return true }
        return decoder.userInfo[key] as? Bool != true
    }
}

/// The strings a present value adds to its line: its property name, and the value when it is text.
func quotedStrings(_ value: String?) -> Int { value == nil ? 0 : 2 }
func quotedStrings(_ value: UUID?) -> Int { value == nil ? 0 : 2 }
func quotedStrings(_ value: Day?) -> Int { value == nil ? 0 : 2 }
func quotedStrings(_ value: Handle?) -> Int { value == nil ? 0 : 2 }
func quotedStrings<T: RawRepresentable>(_ value: T?) -> Int where T.RawValue == String { value == nil ? 0 : 2 }
