import Foundation

/// Parses the dates a person types: `2026-11-21`, `today`, `yesterday`, `tomorrow`, `-3d`
/// (three days ago), `-2w` (two weeks ago), `+5d`, `+1w`.
///
/// Relative forms count from an injected `today`, so that tests and imports never depend on the
/// clock.
///
/// ```swift
/// try Day(expression: "-2w", today: Day("2026-11-21")!)  // 2026-11-07
/// ```
extension Day {
    /// Parses `expression` relative to `today`; throws `KataError.invalidValue` naming `field`.
    public init(expression: String, today: Day, field: String = "date") throws {
        let text = expression.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "today":
            self = today
            return
        case "yesterday":
            self = today.adding(days: -1)
            return
        case "tomorrow":
            self = today.adding(days: 1)
            return
        default:
            break
        }
        if let day = Day(text) {
            self = day
            return
        }
        if let first = text.first, first == "-" || first == "+", let unit = text.last, unit == "d" || unit == "w",
            let count = Int(text.dropFirst().dropLast()), count >= 0, count <= 36_500
        {
            let days = count * (unit == "w" ? 7 : 1) * (first == "-" ? -1 : 1)
            self = today.adding(days: days)
            return
        }
        throw KataError.invalidValue(
            field: field, value: expression,
            expected: "a date as YYYY-MM-DD (a real calendar date), today, yesterday, tomorrow, -3d or -2w")
    }
}
