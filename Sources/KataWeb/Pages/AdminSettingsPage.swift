import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// Settings and holidays for admins (DESIGN §10.5): `GET /admin/settings`, `POST /admin/settings`
/// (fields `timeZone` and one checkbox per weekday, `mon` … `sun`), `POST /admin/holidays` (field
/// `date`) and `POST /admin/holidays/remove` (field `date`), each with `csrf`.
///
/// The same change as `PATCH /api/v1/settings`, with the store's rules and messages (a time zone
/// it does not know, a workweek without a working day, a holiday that is not a date are refused
/// and nothing is written), audited as the API audits it. Anyone but an admin gets 403.
struct AdminSettingsPage {
    let web: WebPages

    struct SettingsForm: AdminForm {
        var csrf: String?
        var timeZone: String?
        var mon: String?
        var tue: String?
        var wed: String?
        var thu: String?
        var fri: String?
        var sat: String?
        var sun: String?

        /// The weekdays ticked.
        var workweek: Set<Weekday> {
            let ticked: [(Weekday, String?)] = [
                (.monday, mon), (.tuesday, tue), (.wednesday, wed), (.thursday, thu), (.friday, fri),
                (.saturday, sat), (.sunday, sun),
            ]
            return Set(ticked.compactMap { $0.1.nonBlank == nil ? nil : $0.0 })
        }
    }

    struct HolidayForm: AdminForm {
        var csrf: String?
        var date: String?
    }

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/settings", on: router) { request, _, visitor in
            try visitor.caller.requireAdmin("change the settings")
            let notice = Self.notices[request.uri.queryParameters["done"].map(String.init) ?? ""]
            return try await show(visitor, notice: notice)
        }
        web.page(.post, "admin/settings", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(SettingsForm.self, request, visitor)
            let wanted = SettingsChange(timeZone: form.timeZone?.trimmed, workweek: form.workweek)
            return try await change(wanted, visitor, done: "settings", typed: form)
        }
        web.page(.post, "admin/holidays", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(HolidayForm.self, request, visitor)
            let text = form.date?.trimmed ?? ""
            let day: Day
            do {
                day = try Day(typed: text, field: "date")
            } catch let error as KataError {
                return try await show(visitor, error: error, holiday: text, status: .badRequest)
            }
            return try await change(SettingsChange(addHolidays: [day]), visitor, done: "holiday-added", holiday: text)
        }
        web.page(.post, "admin/holidays/remove", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(HolidayForm.self, request, visitor)
            let text = form.date?.trimmed ?? ""
            let day = try Day(typed: text, field: "date")
            return try await change(SettingsChange(removeHolidays: [day]), visitor, done: "holiday-removed")
        }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static let notices = [
        "settings": "Settings saved.", "holiday-added": "Holiday added.", "holiday-removed": "Holiday removed.",
    ]

    /// Makes `change` through the visitor's store and audits it; a refusal shows the page again with
    /// the store's message and what was typed.
    func change(
        _ change: SettingsChange, _ visitor: Visitor, done: String, typed: SettingsForm? = nil, holiday: String = ""
    ) async throws -> Response {
        do {
            try await web.store(visitor).configure(change)
        } catch let error as KataError where error.kind != .forbidden && error.kind != .notSignedIn {
            return try await show(visitor, error: error, typed: typed, holiday: holiday, status: .badRequest)
        }
        try await web.audit(visitor, kind: "setting", record: "settings", action: "edit")
        return PageRenderer.redirect(to: "/admin/settings?done=\(done)")
    }

    func show(
        _ visitor: Visitor, notice: String? = nil, error: KataError? = nil, typed: SettingsForm? = nil,
        holiday: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let settings = try await web.store(visitor).settings()
        let today = settings.today(at: web.server.clock())
        let workweek = typed?.workweek ?? settings.calendar.workweek
        let view = AdminSettingsView(
            csrf: visitor.csrf, error: error?.description,
            timeZone: FormField(
                name: "timeZone", label: "Time zone", value: typed?.timeZone ?? settings.timeZone,
                error: error?.field == "timeZone" ? error?.description : nil,
                hint: "An IANA name, such as Europe/Berlin: the dates of cycles and “today” are counted in it.",
                autocomplete: "off"),
            weekdays: Weekday.allCases.map {
                .init(
                    name: $0.abbreviation.lowercased(), label: Self.weekdayNames[$0.rawValue - 1],
                    checked: workweek.contains($0))
            },
            holiday: FormField(
                name: "date", label: "A holiday to add", value: holiday,
                error: error?.field == "date" ? error?.description : nil, type: "date"),
            holidays: settings.calendar.holidays.sorted().map {
                .init(date: $0.description, weekday: $0.weekday.abbreviation, past: $0 < today)
            })
        return web.renderer.page(
            "admin-settings", view, title: "Settings", visitor: visitor, notice: notice, status: status)
    }
}

/// What the settings page shows: the time zone and workweek form, and the holidays with their own
/// forms.
struct AdminSettingsView {
    struct WeekdayBox {
        var name: String
        var label: String
        var checked: Bool
    }

    struct Holiday {
        var date: String
        var weekday: String
        var past: Bool
    }

    var csrf: String
    var error: String?
    var timeZone: FormField
    var weekdays: [WeekdayBox]
    var holiday: FormField
    var holidays: [Holiday]
    var hasHolidays: Bool

    init(
        csrf: String, error: String?, timeZone: FormField, weekdays: [WeekdayBox], holiday: FormField,
        holidays: [Holiday]
    ) {
        self.csrf = csrf
        self.error = error
        self.timeZone = timeZone
        self.weekdays = weekdays
        self.holiday = holiday
        self.holidays = holidays
        hasHolidays = !holidays.isEmpty
    }
}
