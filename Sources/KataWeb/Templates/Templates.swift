import Mustache

/// The web app's templates, compiled into the binary as string literals (DESIGN §3: nothing is
/// read from disk at run time), and the library that renders them.
///
/// Every value is shown with `{{…}}`, which escapes it for HTML; only the layout's `{{{body}}}`
/// is not, and it is the output of a template.
enum Templates {
    /// Every template by the name pages render it with, partials included.
    static let all: [String: String] = [
        "layout": layout, "problem": problem, "login": login, "set-password": setPassword, "today": today,
        "cycle-form": cycleForm, "storyboard": storyboard, "text-field": textField, "input-field": inputField,
        "practice": practice, "coach": coach, "left-longest": leftLongest, "period-form": periodForm,
        "period-fields": periodFields,
        "reviews": reviews, "review-table": reviewTable, "admin-settings": adminSettings,
        "admin-home": adminHome, "admin-roles": adminRoles, "admin-link": adminLink, "admin-accounts": adminAccounts,
        "admin-account": adminAccount, "admin-audit": adminAudit, "admin-people": adminPeople,
        "admin-field": adminField, "admin-import": adminImport, "losses": losses, "chain": chain,
        "chain-person": chainPerson,
    ]

    /// The library of every template; a template that does not parse stops the server at its start,
    /// and `TemplateTests` parses each one.
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all {
            try library.register(text, named: name)
        }
        return library
    }
}
