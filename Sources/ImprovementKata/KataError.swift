/// Why the kata refused a value or an action, in words a manager can act on.
///
/// Every case carries what was wrong and, where it helps, what to do instead. The command line
/// maps each case to an exit code: `.usage` is a wrong call (64), `.notFound` of a file or
/// database is 66, everything else is invalid data (65).
public enum KataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value does not have the right form: a date, a handle, a number.
    case invalidValue(field: String, value: String, expected: String)
    /// A required value is missing.
    case missing(fields: [String], hint: String)
    /// A record that the input refers to does not exist.
    case unknown(kind: String, reference: String, hint: String)
    /// A rule of the Improvement Kata or Coaching Kata would be broken.
    case ruleBroken(String)
    /// The record exists already.
    case duplicate(kind: String, reference: String)
    /// A short id matches several records.
    case ambiguous(kind: String, prefix: String, matches: [String])
    /// The command was called the wrong way.
    case usage(String)
    /// A file or database does not exist.
    case fileNotFound(path: String, hint: String)
    /// The database cannot be used by this version of kata.
    case unusableDatabase(String)
    /// Something else went wrong; the text says what.
    case failure(String)

    public var description: String {
        switch self {
        case let .invalidValue(field, value, expected):
            return "\(field): '\(value)' is not valid; expected \(expected)."
        case let .missing(fields, hint):
            return "missing \(fields.joined(separator: ", ")). \(hint)"
        case let .unknown(kind, reference, hint):
            return "no \(kind) '\(reference)'. \(hint)"
        case let .ruleBroken(text):
            return text
        case let .duplicate(kind, reference):
            return "\(kind) '\(reference)' exists already."
        case let .ambiguous(kind, prefix, matches):
            let shown = matches.prefix(5).joined(separator: ", ")
            return "'\(prefix)' matches several \(kind) records (\(shown)); give more characters of the id."
        case let .usage(text):
            return text
        case let .fileNotFound(path, hint):
            return "\(path) does not exist. \(hint)"
        case let .unusableDatabase(text):
            return text
        case let .failure(text):
            return text
        }
    }
}
