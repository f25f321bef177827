import ImprovementKata

/// The `KataError` that `work` throws, or nil when it succeeds or throws another error.
func thrownKataError<T>(_ work: () throws -> T) -> KataError? {
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
    var ruleText: String? {
        if case .ruleBroken(let text) = self { return text }
        return nil
    }

    /// The field named by an `.invalidValue` error, nil for other cases.
    var invalidField: String? {
        if case .invalidValue(let field, _, _) = self { return field }
        return nil
    }

    /// The fields named by a `.missing` error, nil for other cases.
    var missingFields: [String]? {
        if case .missing(let fields, _) = self { return fields }
        return nil
    }

    /// Whether this is a `.usage` error.
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}

/// The day written as `YYYY-MM-DD`; the tests only pass real dates.
func day(_ text: String) -> Day { Day(text)! }

/// A handle the tests know is valid.
func handle(_ text: String) -> Handle { try! Handle(validating: text) }
