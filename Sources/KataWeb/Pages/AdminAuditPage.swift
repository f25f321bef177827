import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /admin/audit?offset=&limit=&account=&kind=`: the audit log for admins (DESIGN §10.2).
///
/// Newest first, 50 entries a page, read as `GET /api/v1/audit` reads it (an `AuditQuery` through
/// the API's `DirectAccounts`). "Newer" and "Older" are plain links that keep the filters.
///
/// ```text
/// /admin/audit?account=ada&kind=account            the first 50 of ada's account changes
/// /admin/audit?account=ada&kind=account&offset=50  the next 50, older
/// ```
struct AdminAuditPage {
    /// Entries a page unless the address asks for another number.
    static let pageSize = 50
    /// The most entries one page shows.
    static let largestPage = 500

    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/audit", on: router) { request, _, visitor in
            try AdminAccess.require(visitor)
            let query = request.uri.queryParameters
            let offset = try Self.whole(query["offset"], field: "offset", in: 0...Int(Int32.max)) ?? 0
            let limit = try Self.whole(query["limit"], field: "limit", in: 1...Self.largestPage) ?? Self.pageSize
            let typed = AdminAuditView.Filters(
                account: (query["account"]?.trimmed).nonBlank,
                kind: (query["kind"]?.trimmed).nonBlank, limit: limit)
            var errors = FieldErrors()
            var account: Handle?
            if let text = typed.account {
                do {
                    account = try Handle(typed: text, field: "account")
                } catch let error as KataError {
                    errors.add(error)
                }
            }
            var entries: [AuditEntry] = []
            if errors.isEmpty {
                // One more than the page shows, to know whether there is an older page.
                entries = try await web.accountService(visitor).audit(
                    AuditQuery(account: account, kind: typed.kind, limit: limit + 1, offset: offset))
            }
            let view = AdminAuditView(entries: entries, filters: typed, offset: offset, errors: errors)
            return web.renderer.page(
                "admin-audit", view, title: "Audit log", visitor: visitor, status: errors.isEmpty ? .ok : .badRequest)
        }
    }

    /// The query value `text` as a whole number in `range`, nil when absent.
    static func whole(_ text: Substring?, field: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw KataError.invalidValue(
                field: field, value: String(text),
                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// What the audit page shows: the filters as typed, a page of entries, and the links to the pages
/// beside it.
struct AdminAuditView {
    /// The filters of the address, kept by the page's links.
    struct Filters {
        var account: String?
        var kind: String?
        var limit: Int

        /// The address of the page at `offset` with these filters.
        func link(offset: Int) -> String {
            var pairs: [(String, String)] = []
            if let account { pairs.append(("account", account)) }
            if let kind { pairs.append(("kind", kind)) }
            if limit != AdminAuditPage.pageSize { pairs.append(("limit", String(limit))) }
            if offset > 0 { pairs.append(("offset", String(offset))) }
            let query = pairs.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            return query.isEmpty ? "/admin/audit" : "/admin/audit?" + query.joined(separator: "&")
        }
    }

    struct Entry {
        var at: String
        var who: String
        var via: String
        var entryKind: String
        var record: String
        var action: String
        var detail: String
    }

    var accountField: FormField
    var kindField: FormField
    var formError: String?
    var entries: [Entry]
    var hasEntries: Bool
    var range: String
    var newer: String?
    var older: String?

    init(entries: [AuditEntry], filters: Filters, offset: Int, errors: FieldErrors) {
        accountField = FormField(
            name: "account", label: "Account", value: filters.account ?? "", error: errors["account"],
            hint: "Whose writes: a handle.")
        accountField.autocomplete = "off"
        kindField = FormField(
            name: "kind", label: "Kind of record", value: filters.kind ?? "",
            hint: "account, token, cycle, person, review, …")
        kindField.autocomplete = "off"
        formError = AdminAccountsView.general(errors, known: ["account"])
        let shown = entries.prefix(filters.limit)
        self.entries = shown.map {
            Entry(
                at: WebPages.instant($0.at), who: $0.account?.rawValue ?? "the database file", via: $0.via,
                entryKind: $0.kind, record: $0.record, action: $0.action, detail: $0.detail ?? "")
        }
        hasEntries = !shown.isEmpty
        range = "Entries \(offset + 1) to \(offset + shown.count), newest first"
        newer = offset > 0 ? filters.link(offset: max(0, offset - filters.limit)) : nil
        older = entries.count > filters.limit ? filters.link(offset: offset + filters.limit) : nil
    }
}
