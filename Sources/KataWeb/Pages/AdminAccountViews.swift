import Foundation
import ImprovementKata
import KataStore

/// One account as the admin pages list it.
struct AdminAccountRow {
    var handle: String
    /// The person's name; nil when the store has no person for the handle.
    var name: String?
    var roles: String
    var state: String
    var created: String

    init(_ summary: AccountSummary) {
        handle = summary.account.handle.rawValue
        name = summary.name.isEmpty ? nil : summary.name
        roles = Self.roles(summary.account.roles)
        state = summary.account.enabled ? "enabled" : "disabled"
        created = WebPages.instant(summary.account.created)
    }

    /// `admin, lean`, or `none`.
    static func roles(_ roles: Set<Role>) -> String { roles.isEmpty ? "none" : roles.names.joined(separator: ", ") }
}

/// The roles checkboxes of an admin form (`{{> admin-roles}}`), ticked as sent or as the account has
/// them, with the message that refused them.
struct AdminRolesField {
    struct Choice {
        var id: String
        var value: String
        var label: String
        var checked: Bool
    }

    var legend: String
    var prefix: String
    var rolesError: String?
    var choices: [Choice]

    /// The three roles, those named in `ticked` ticked; `prefix` keeps the ids of two forms apart.
    init(legend: String, prefix: String, ticked: Set<String>, error: String?) {
        self.legend = legend
        self.prefix = prefix
        rolesError = error
        let labels: [Role: String] = [
            .lean: "Lean staff: practice, observations and storyboards across the organisation",
            .hr: "HR: review packets", .admin: "Admin: people, pairings, accounts, settings and imports",
        ]
        choices = Role.allCases.map {
            Choice(
                id: "\(prefix)role-\($0.rawValue)", value: $0.rawValue, label: labels[$0] ?? $0.rawValue,
                checked: ticked.contains($0.rawValue))
        }
    }
}

/// A set-password link made by this very answer, shown this once (never put in an address).
struct AdminShownLink {
    var handle: String
    var url: String
    var expires: String

    init?(_ summary: AccountSummary) {
        guard let link = summary.setPasswordLink else { return nil }
        handle = summary.account.handle.rawValue
        url = link.url
        expires = WebPages.instant(link.expires)
    }
}

/// `GET /admin/accounts`: every account, the link of the one just added, and Add an account.
struct AdminAccountsView {
    var accounts: [AdminAccountRow]
    var count: Int
    var added: AdminShownLink?
    var csrf: String
    var formError: String?
    var handleField: FormField
    var rolesField: AdminRolesField

    init(accounts: [AccountSummary], added: AccountSummary?, form: AdminAccountForm, csrf: String, errors: FieldErrors)
    {
        self.accounts = accounts.sorted { $0.account.handle.rawValue < $1.account.handle.rawValue }.map(
            AdminAccountRow.init)
        count = accounts.count
        self.added = added.flatMap(AdminShownLink.init)
        self.csrf = csrf
        formError = AdminAccountsView.general(errors, known: ["handle", "roles"])
        handleField = FormField(
            name: "handle", label: "Handle of the person", value: form.handle ?? "", error: errors["handle"],
            hint: "The person must be in kata already; the account gets a one-time link to set its password.")
        handleField.autocomplete = "off"
        rolesField = AdminRolesField(
            legend: "Roles beyond coaching and learning", prefix: "add-", ticked: Set(form.roles ?? []),
            error: errors["roles"])
    }

    /// The messages of `errors` not about a field the form shows, joined.
    static func general(_ errors: FieldErrors, known: Set<String>) -> String? {
        let general =
            errors.general + errors.byField.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        return general.isEmpty ? nil : general.joined(separator: " ")
    }
}

/// `GET /admin/accounts/{handle}`: one account, its roles form, a new set-password link, Disable,
/// and its API tokens with Revoke.
struct AdminAccountView {
    struct Token {
        var tokenName: String
        var id: String
        var created: String
        var lastUsed: String
    }

    var account: AdminAccountRow
    var enabled: Bool
    var link: AdminShownLink?
    var csrf: String
    var formError: String?
    var rolesField: AdminRolesField
    var tokens: [Token]
    var hasTokens: Bool

    init(
        summary: AccountSummary, tokens: [APIToken], roles: [String]?, csrf: String, errors: FieldErrors,
        link: AccountSummary? = nil
    ) {
        account = AdminAccountRow(summary)
        enabled = summary.account.enabled
        self.link = link.flatMap(AdminShownLink.init)
        self.csrf = csrf
        formError = AdminAccountsView.general(errors, known: ["roles"])
        rolesField = AdminRolesField(
            legend: "Roles of \(summary.account.handle)", prefix: "",
            ticked: Set(roles ?? summary.account.roles.names), error: errors["roles"])
        self.tokens = tokens.sorted { $0.created < $1.created }.map {
            Token(
                tokenName: $0.name, id: $0.id.uuidString.lowercased(), created: WebPages.instant($0.created),
                lastUsed: $0.lastUsed.map(WebPages.instant) ?? "never")
        }
        hasTokens = !tokens.isEmpty
    }
}
