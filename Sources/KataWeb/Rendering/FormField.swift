import ImprovementKata

/// One labelled field of a form as its template partial shows it: what was typed (kept when the
/// form is refused) and the message that refused it.
struct FormField: Sendable {
    var name: String
    var label: String
    var value: String = ""
    var error: String?
    var hint: String?
    /// `text`, `date`, `number` or `password`, for `{{> input-field}}`.
    var type: String = "text"
    var inputMode: String?
    var autocomplete: String?
}

extension Day {
    /// A date as a form field gives it (`YYYY-MM-DD`, what a date input sends), or the refusal
    /// naming `field` and what was typed.
    init(typed text: String, field: String) throws {
        guard let day = Day(text) else {
            throw KataError.invalidValue(field: field, value: text, expected: "a date (YYYY-MM-DD)")
        }
        self = day
    }
}
