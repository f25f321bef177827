/// What kind of refusal an error is, the one thing a caller branches on.
extension KataError {
    /// The kinds of refusal, each with one exit code and one HTTP status.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A wrong call: an option missing or used the wrong way (exit 64, HTTP 400).
        case usage
        /// A value of the wrong form, or a record that does not exist (exit 65, HTTP 400).
        case invalid
        /// A record asked for by id or handle does not exist, or is not visible to the caller
        /// (exit 65, HTTP 404).
        case notFound
        /// A rule of the kata would be broken, or the record exists already (exit 65, HTTP 409).
        case conflict
        /// A file or database that is not there (exit 66).
        case missingFile
        /// Not signed in, or the token or session is no longer valid (exit 77, HTTP 401).
        case notSignedIn
        /// Signed in, but not allowed (exit 77, HTTP 403).
        case forbidden
        /// Too many attempts (exit 75, HTTP 429).
        case tooManyAttempts
        /// The server or the database cannot be reached (exit 69, HTTP 503).
        case unavailable
        /// Anything else (exit 1, HTTP 500).
        case failure
    }

    /// The kind of this error.
    public var kind: Kind {
        switch self {
        case .usage, .missing: return .usage
        case .invalidValue, .ambiguous, .unusableDatabase: return .invalid
        case .unknown: return .notFound
        case .ruleBroken, .duplicate, .conflict: return .conflict
        case .fileNotFound: return .missingFile
        case .notSignedIn: return .notSignedIn
        case .forbidden: return .forbidden
        case .tooManyAttempts: return .tooManyAttempts
        case .unavailable: return .unavailable
        case .failure: return .failure
        case let .reported(kind, _, _, _): return kind
        }
    }

    /// A stable name of the case, for scripts and the API's error bodies (`invalid-value`).
    public var code: String {
        switch self {
        case .invalidValue: return "invalid-value"
        case .missing: return "missing"
        case .unknown: return "unknown"
        case .ruleBroken: return "rule-broken"
        case .duplicate: return "duplicate"
        case .ambiguous: return "ambiguous"
        case .usage: return "usage"
        case .fileNotFound: return "file-not-found"
        case .unusableDatabase: return "unusable-database"
        case .failure: return "failure"
        case .forbidden: return "forbidden"
        case .notSignedIn: return "not-signed-in"
        case .unavailable: return "unavailable"
        case .conflict: return "conflict"
        case .tooManyAttempts: return "too-many-attempts"
        case let .reported(_, code, _, _): return code
        }
    }

    /// The field the error is about, in interchange spelling (`nextStep` for `--next-step`), or
    /// nil when it is about no one field.
    public var field: String? {
        switch self {
        case let .invalidValue(field, _, _): return KataError.interchangeSpelling(field)
        case let .missing(fields, _): return fields.first.map(KataError.interchangeSpelling)
        case let .reported(_, _, _, field): return field
        default: return nil
        }
    }

    /// `--next-step` → `nextStep`; a name without dashes is kept as it is.
    static func interchangeSpelling(_ field: String) -> String {
        guard field.hasPrefix("--") else { return field }
        let words = field.dropFirst(2).split(separator: "-")
        guard let first = words.first else { return field }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
