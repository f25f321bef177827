import ImprovementKata

/// The `KataError` that `work` throws, or nil when it succeeds or throws another error.
public func thrownKataError<T>(_ work: () throws -> T) -> KataError? {
    do {
        _ = try work()
        return nil
    } catch let error as KataError {
        return error
    } catch {
        return nil
    }
}

extension KataError {
    /// The text of a `.ruleBroken` error, nil for other cases.
    public var ruleText: String? {
        if case .ruleBroken(let text) = self { return text }
        return nil
    }

    /// The field named by an `.invalidValue` error, nil for other cases.
    public var invalidField: String? {
        if case .invalidValue(let field, _, _) = self { return field }
        return nil
    }

    /// The kind named by an `.unknown` error, nil for other cases.
    public var unknownKind: String? {
        if case .unknown(let kind, _, _) = self { return kind }
        return nil
    }

    /// The fields named by a `.missing` error, nil for other cases.
    public var missingFields: [String]? {
        if case .missing(let fields, _) = self { return fields }
        return nil
    }

    /// Whether this is a `.usage` error.
    public var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }

    /// Whether this is an `.unusableDatabase` error.
    public var isUnusableDatabase: Bool {
        if case .unusableDatabase = self { return true }
        return false
    }
}

/// The day written as `YYYY-MM-DD`; tests only pass real dates.
public func day(_ text: String) -> Day {
    guard let day = Day(text) else { preconditionFailure("not a date: \(text)") }
    return day
}

/// A handle tests know is valid.
public func handle(_ text: String) -> Handle {
    guard let handle = try? Handle(validating: text) else { preconditionFailure("not a handle: \(text)") }
    return handle
}
