import Foundation
import KataStore

extension JSONLine {
    /// The promises of the parser, checked on one input: nil when they hold, else which one broke.
    ///
    /// The fuzz target in `Fuzz/` calls this on every input it makes, and `JSONLineTests` on the
    /// seed corpus and every past finding (`Fuzz/findings/`), so that CI keeps them fixed without
    /// building the fuzzer. The file depends on `JSONLine.swift`, `JSONLineDecoder.swift` and
    /// `FieldKey.swift` alone, so that the fuzz target compiles the four without the package.
    ///
    /// - What the parser takes is JSON: `JSONSerialization` takes it too (unless it holds a number
    ///   a `Double` cannot keep, which `JSONSerialization` refuses as a whole).
    /// - A property given twice is reported only for a line that is JSON, and only when two names of
    ///   one object are the same bytes (JSON compares names code point by code point).
    /// - A number is decoded as the value written, or not at all: never 0 for a literal whose digits
    ///   are not all zeros, never infinity.
    static func brokenPromise(_ input: Data) -> String? {
        switch parse(input) {
        case let .parsed(object):
            let value = JSONLineValue.object(object)
            if let problem = value.brokenNumberPromise() { return problem }
            if value.hasRepeatedName() { return "parsed an object with a name given twice" }
            if value.unkeptNumber() == nil, !isJSONObject(input) {
                return "parsed a line that JSONSerialization does not take as a JSON object"
            }
            return nil
        case .repeated:
            guard case let .parsed(object) = parse(input, allowingRepeats: true) else {
                return "reported a repeat in a line that is not JSON"
            }
            let value = JSONLineValue.object(object)
            if !value.hasRepeatedName() { return "reported a repeat where no name repeats byte for byte" }
            if value.unkeptNumber() == nil, !isJSONObject(input) {
                return "reported a repeat in a line that JSONSerialization does not take as a JSON object"
            }
            return nil
        case .unparsed:
            return nil
        }
    }

    private static func isJSONObject(_ input: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: input)) is [String: Any]
    }
}

extension JSONLineValue {
    /// Whether some object in the value holds two names with the same bytes.
    fileprivate func hasRepeatedName() -> Bool {
        switch self {
        case let .object(object):
            var seen: Set<[UInt8]> = []
            for name in object.names where !seen.insert(Array(name.utf8)).inserted { return true }
            return object.values.contains { $0.hasRepeatedName() }
        case let .array(elements):
            return elements.contains { $0.hasRepeatedName() }
        case .string, .number, .bool, .null:
            return false
        }
    }

    /// A number of the value that decodes as another value than written, if any.
    fileprivate func brokenNumberPromise() -> String? {
        switch self {
        case let .number(text):
            guard let decoded = try? double() else { return nil }
            let digits = text.prefix { $0 != "e" && $0 != "E" }
            if !decoded.isFinite { return "decoded \(text) as \(decoded)" }
            if decoded == 0, digits.contains(where: { $0 >= "1" && $0 <= "9" }) { return "decoded \(text) as 0" }
            return nil
        case let .object(object):
            return object.values.lazy.compactMap { $0.brokenNumberPromise() }.first
        case let .array(elements):
            return elements.lazy.compactMap { $0.brokenNumberPromise() }.first
        case .string, .bool, .null:
            return nil
        }
    }
}
