import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// Import a file, for admins (DESIGN §10.5): `GET /admin/import` (the form), `POST /admin/import`
/// (`multipart/form-data` with `csrf` and `file`: the dry run) and `POST /admin/import/confirm`
/// (fields `csrf` and `upload`: the import itself).
///
/// The upload is spooled to a private file as it arrives and checked as `POST /api/v1/import`
/// checks it with `dry-run=true`, writing nothing. A refused file shows the form again with the
/// store's message (its line and field); a file that passes shows what it would add and is kept,
/// for the admin who sent it and for at most an hour, until they confirm: then it is imported all
/// or nothing and audited as the API audits an import. Anyone but an admin gets 403.
struct AdminImportPage {
    let web: WebPages

    /// The confirmation of a checked file.
    struct ConfirmForm: AdminForm {
        var csrf: String?
        var upload: String?
    }

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/import", on: router) { request, _, visitor in
            try AdminAccess.require(visitor)
            web.uploads.sweep(at: web.server.clock())
            let query = request.uri.queryParameters
            var notice: String?
            if query["done"] == "imported" {
                let added = query["added"].flatMap { Int(String($0)) } ?? 0
                let unchanged = query["unchanged"].flatMap { Int(String($0)) } ?? 0
                notice = "Imported: \(added) added, \(unchanged) unchanged."
            }
            return show(visitor, notice: notice)
        }
        web.page(.post, "admin/import", on: router) { request, _, visitor in
            try await check(request, visitor)
        }
        web.page(.post, "admin/import/confirm", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(ConfirmForm.self, request, visitor)
            return try await confirm(form.upload?.trimmed ?? "", visitor)
        }
    }

    /// The dry run of the uploaded file: its summary and the confirmation form, or the form again
    /// with the store's refusal.
    func check(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let now = web.server.clock()
        web.uploads.sweep(at: now)
        let upload = try await MultipartUpload.read(request, file: "file") { fields in
            // The form's csrf comes before its file: a file without it first is refused unkept.
            guard CSRF.matches(fields["csrf"], visitor.csrf) else { throw KataError.forbidden(CSRF.refused) }
            try AdminAccess.require(visitor)
        }
        var kept = false
        defer { if !kept { upload.spool.remove() } }
        guard upload.size > 0 else {
            let error = KataError.missing(fields: ["file"], hint: "Choose a JSONL or CSV file to check.")
            return show(visitor, error: error.description, status: .badRequest)
        }
        let summary: ImportSummary
        do {
            summary = try await web.store(visitor).importData(
                ImportRequest(source: .file(upload.spool.url), dryRun: true, today: try await web.today()))
        } catch let error as KataError where error.kind != .forbidden && error.kind != .notSignedIn {
            return show(visitor, error: error.description, status: .badRequest)
        }
        let id = web.uploads.keep(upload.spool, for: visitor.account.handle, at: now)
        kept = true
        return show(visitor, checked: ImportSummaryView(summary, upload: id))
    }

    /// The import of the file kept under `id`, all or nothing; a 404 page when it is not kept (any
    /// more) for the visitor.
    func confirm(_ id: String, _ visitor: Visitor) async throws -> Response {
        guard let spool = web.uploads.take(id, for: visitor.account.handle, at: web.server.clock()) else {
            throw KataError.unknown(
                kind: "checked file", reference: id,
                hint: "A checked file waits an hour for its import, for the admin who checked it; upload it again.")
        }
        defer { spool.remove() }
        let summary: ImportSummary
        do {
            summary = try await web.store(visitor).importData(
                ImportRequest(source: .file(spool.url), dryRun: false, today: try await web.today()))
        } catch let error as KataError where error.kind != .forbidden && error.kind != .notSignedIn {
            return show(visitor, error: "Nothing was imported: \(error.description)", status: .badRequest)
        }
        try await web.audit(
            visitor, kind: "import", record: summary.format.rawValue, action: "import",
            detail: "\(summary.totalAdded) added, \(summary.totalUnchanged) unchanged")
        return PageRenderer.redirect(
            to: "/admin/import?done=imported&added=\(summary.totalAdded)&unchanged=\(summary.totalUnchanged)")
    }

    func show(
        _ visitor: Visitor, notice: String? = nil, error: String? = nil, checked: ImportSummaryView? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        web.renderer.page(
            "admin-import", AdminImportView(csrf: visitor.csrf, error: error, checked: checked), title: "Import a file",
            visitor: visitor, notice: notice, status: status)
    }
}

/// What the import page shows: the upload form, a refusal, and the summary of a file that passed.
struct AdminImportView {
    var csrf: String
    var error: String?
    var checked: ImportSummaryView?
}

/// A dry run's summary as the import page shows it, with the id of the kept file.
struct ImportSummaryView {
    struct Row {
        var kind: String
        var added: Int
        var unchanged: Int
    }

    var format: String
    var rows: [Row]
    var hasRows: Bool
    var totalAdded: Int
    var totalUnchanged: Int
    var repeatedRows: Int
    var hasRepeated: Bool
    var upload: String

    init(_ summary: ImportSummary, upload: String) {
        format = summary.format == .jsonl ? "interchange JSONL" : "cycles CSV"
        rows = InterchangeKind.allCases.compactMap { kind in
            let added = summary.added[kind] ?? 0
            let unchanged = summary.unchanged[kind] ?? 0
            return added + unchanged == 0 ? nil : Row(kind: kind.plural, added: added, unchanged: unchanged)
        }
        hasRows = !rows.isEmpty
        totalAdded = summary.totalAdded
        totalUnchanged = summary.totalUnchanged
        repeatedRows = summary.repeatedRows
        hasRepeated = summary.repeatedRows > 0
        self.upload = upload
    }
}
