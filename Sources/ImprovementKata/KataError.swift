/// Why the kata refused a value or an action, in words a manager can act on.
///
/// Every case carries what was wrong and, where it helps, what to do instead. Each has a `kind`
/// (see `KataError.Kind`), which the command line maps to an exit code and the server to an HTTP
/// status, and a stable `code` that scripts and the API's error bodies rely on.
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
    /// The caller is signed in but may not do this ("you do not coach l030").
    case forbidden(String)
    /// The server needs a signed-in caller, or the credentials are no longer valid.
    case notSignedIn(String)
    /// The server or its database cannot be reached now; trying again later may work.
    case unavailable(String)
    /// A record with the same id exists with other content.
    case conflict(String)
    /// Too many failed attempts; the text says when to try again.
    case tooManyAttempts(String)
    /// An error a kata server answered with: its kind, stable code, message and field, kept as
    /// they were sent so that the command line prints and exits as it would against a file.
    case reported(kind: Kind, code: String, message: String, field: String?)

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
        case let .failure(text), let .forbidden(text), let .notSignedIn(text), let .unavailable(text),
            let .conflict(text), let .tooManyAttempts(text), let .reported(_, _, text, _):
            return text
        }
    }
}
