/// A person's unique handle: an employee id or short name of 1 to 64 characters from
/// `a-z`, `0-9`, `.`, `_` and `-` (`ann`, `m.lee`, `e10442`).
///
/// ```swift
/// try Handle(validating: "ann")       // ok
/// try Handle(validating: "Ann Lee!")  // throws: says which characters are allowed
/// ```
public struct Handle: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The handle text.
    public let rawValue: String

    /// Checks `text` and throws `KataError.invalidValue` naming `field` when it is not a handle.
    public init(validating text: String, field: String = "handle") throws {
        let allowed = text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard allowed, (1...64).contains(text.utf8.count) else {
            throw KataError.invalidValue(
                field: field, value: text,
                expected:
                    "1 to 64 characters of a-z, 0-9, '.', '_' or '-' (for example '\(Handle.suggestion(for: text))')")
        }
        rawValue = text
    }

    /// A handle as a person types it to name someone: letters are folded to lower case (`Bo` is
    /// `bo`), then checked as by `init(validating:field:)`.
    public init(typed text: String, field: String = "handle") throws {
        if let folded = try? Handle(validating: text.trimmed.lowercased()) {
            self = folded
        } else {
            try self.init(validating: text, field: field)  // throws, naming what was typed
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(validating: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Handle, rhs: Handle) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The number of characters to insert, delete or replace to turn this handle into `other`
    /// (Levenshtein distance): `boo` is 1 from `bo`.
    public func editDistance(to other: Handle) -> Int {
        let source = Array(rawValue.utf8)
        let target = Array(other.rawValue.utf8)
        var previous = Array(0...target.count)
        for (i, byte) in source.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: target.count)
            for (j, other) in target.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (byte == other ? 0 : 1))
            }
            previous = current
        }
        return previous[target.count]
    }

    /// Whether `other` is close enough to this handle to be what was meant: one starts with the
    /// other, or at most a third of the characters (at least one) differ.
    public func isNear(_ other: Handle) -> Bool {
        let shorter = Swift.min(rawValue.utf8.count, other.rawValue.utf8.count)
        if shorter >= 2 && (rawValue.hasPrefix(other.rawValue) || other.rawValue.hasPrefix(rawValue)) { return true }
        return editDistance(to: other) <= Swift.max(1, shorter / 3)
    }

    /// A handle close to `text`: lower case, spaces as dots, other characters dropped.
    public static func suggestion(for text: String) -> String {
        let lowered = text.lowercased().map { $0 == " " ? "." : $0 }
        let kept = lowered.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
        let result = String(kept.prefix(64))
        return result.isEmpty ? "ann.lee" : result
    }
}
