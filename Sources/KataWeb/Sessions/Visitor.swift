import KataStore

/// Someone signed in to the web app: their account, the CSRF token of their session's forms, and
/// the SHA-256 of their cookie's secret (to end the session with).
struct Visitor: Sendable {
    var account: Account
    var csrf: String
    var sessionSHA256: String
    /// Whether someone reports to the visitor: a manager may open the Chain page of their line.
    var manages = false
    /// Whether the visitor may open the Losses page (DESIGN §10.3: lean staff, managers, admins).
    var seesLosses = false

    /// The identity the access rules decide on.
    var caller: Caller { account.caller }
    /// How the audit log names the writes made through the session (DESIGN §10.2).
    var source: AuditSource { .session(account: account.handle) }
}
