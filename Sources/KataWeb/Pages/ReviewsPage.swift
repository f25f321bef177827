import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataExport
import KataServer
import KataStore

/// The Reviews page for HR (DESIGN §7, §10.5): `GET /reviews?coach=&period=|from=&to=
/// [&learnerNames=on][&notes=on]` and its downloads, `GET /reviews/download?…&format=json|csv|md|html`.
///
/// The page asks for a coach (or every coach, `coach=*`), a period and the two opt-ins; with a
/// coach it shows the packet on screen, the sections and figures of the HTML packet, with every
/// coach a table of their packets. The packets are made by the visitor's store, as `GET
/// /api/v1/reviews` makes them: HR and admins may have anyone's, a coach their own, anyone else
/// is refused (403); every packet made, on screen or downloaded, is in the audit log. Private by
/// default: learner names and free text only with their opt-in. Everyone signed in sees the
/// packets made about them.
struct ReviewsPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "reviews", on: router) { request, _, visitor in
            try await show(request, visitor)
        }
        web.page(.get, "reviews/download", on: router) { request, _, visitor in
            try await download(request, visitor)
        }
    }

    /// What the address asks for: whose packets, the period, the opt-ins.
    struct Question {
        /// nil before a coach is chosen.
        var coach: Choice?
        var period: PracticePeriod
        var privacy: ReviewPrivacy

        enum Choice: Equatable {
            case one(Handle)
            case every
        }

        init(_ query: Parameters, today: Day) throws {
            switch query["coach"].map(\.trimmed).nonBlank {
            case nil: coach = nil
            case ReviewView.everyCoach?: coach = .every
            case let text?: coach = .one(try Handle(typed: text, field: "coach"))
            }
            period = try PracticePeriod(query, today: today)
            privacy = ReviewPrivacy(
                learnerNames: try Self.optIn(query, "learnerNames"), notes: try Self.optIn(query, "notes"))
        }

        /// The query that asks the same question, for links and downloads.
        var query: String {
            var parts: [String] = []
            switch coach {
            case .one(let handle)?: parts.append("coach=\(ReviewView.Line.encoded(handle.rawValue))")
            case .every?: parts.append("coach=%2A")
            case nil: break
            }
            parts.append(period.query)
            if privacy.learnerNames { parts.append("learnerNames=on") }
            if privacy.notes { parts.append("notes=on") }
            return parts.joined(separator: "&")
        }

        /// A checkbox: `on` (what a browser sends), `true`, `yes` or `1`; absent or `false` is off.
        static func optIn(_ query: Parameters, _ name: String) throws -> Bool {
            guard let text = query.get(name).map(\.trimmed).nonBlank?.lowercased() else { return false }
            switch text {
            case "on", "true", "yes", "1": return true
            case "off", "false", "no", "0": return false
            default: throw KataError.invalidValue(field: name, value: text, expected: "on or off")
            }
        }
    }

    func show(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let today = try await web.today()
        let question = try Question(request.uri.queryParameters, today: today)
        var packet: ReviewView.Packet?
        var lines: [ReviewView.Line]?
        var notOver: String?
        if let coach = question.coach {
            let collection = try await make(question, coach: coach, today: today, visitor: visitor)
            notOver = collection.packets.first?.period.until.map(Period.notOverSentence(until:))
            switch coach {
            case .one: packet = collection.packets.first.map(ReviewView.Packet.init)
            case .every:
                let periodQuery = Question(copying: question, coach: nil).query
                lines = collection.packets.map { ReviewView.Line($0, query: periodQuery) }
            }
        }
        let made = try await web.accounts.audit(.reviewPackets(about: visitor.account.handle))
        let view = ReviewView(
            coaches: try await choices(visitor, chosen: question.coach),
            form: PeriodForm(action: "/reviews", choice: question.period, filters: false),
            privacy: question.privacy, notOver: notOver, packet: packet, lines: lines,
            downloads: question.coach.map { Self.downloads(question, coach: $0) } ?? [],
            madeAboutMe: made.map {
                ReviewView.MadeAboutMe(
                    at: Self.instant($0.at), by: $0.account?.rawValue ?? "the database file",
                    detail: ReviewView.MadeAboutMe.describe($0.detail ?? ""))
            })
        let title = packet.map { "Review: \($0.name)" } ?? "Reviews"
        return web.renderer.page("reviews", view, title: title, visitor: visitor)
    }

    func download(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let query = request.uri.queryParameters
        let today = try await web.today()
        let question = try Question(query, today: today)
        guard let coach = question.coach else {
            throw KataError.missing(fields: ["coach"], hint: "Choose a coach, or every coach, on the Reviews page.")
        }
        let formatText = query["format"].map(\.trimmed).nonBlank ?? "json"
        let every = coach == .every
        guard let format = ReviewFormat(rawValue: formatText.lowercased()), !every || format == .json || format == .csv
        else {
            throw KataError.invalidValue(
                field: "format", value: formatText, expected: every ? "json or csv" : "json, csv, md or html")
        }
        let collection = try await make(question, coach: coach, today: today, visitor: visitor)
        let text: String
        let handle: Handle?
        if case .one(let one) = coach, let packet = collection.packets.first {
            text = try format.render(packet)
            handle = one
        } else {
            text = try format.render(collection)
            handle = nil
        }
        let filename = ReviewPackets.filename(coach: handle, period: question.period.period, format: format)
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(filename)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The packets the question asks for, made by the visitor's store and each in the audit log.
    func make(_ question: Question, coach: Question.Choice, today: Day, visitor: Visitor) async throws
        -> ReviewCollection
    {
        let handle: Handle?
        switch coach {
        case .one(let one): handle = one
        case .every: handle = nil
        }
        let now = web.server.clock()
        return try await ReviewPackets.make(
            ReviewRequest(
                coach: handle, period: question.period.period, today: today, privacy: question.privacy, now: now,
                kataVersion: web.server.kataVersion),
            store: web.backend(visitor), accounts: web.accounts, by: visitor.source, at: now)
    }

    /// The coaches the visitor may ask for: everyone (and every coach at once) for HR and admins,
    /// themselves for anyone else.
    func choices(_ visitor: Visitor, chosen: Question.Choice?) async throws -> [ReviewView.Choice] {
        let me = visitor.account.handle
        var choices = [ReviewView.Choice(value: "", label: "Choose a coach", selected: chosen == nil)]
        guard visitor.caller.has(.hr) || visitor.caller.has(.admin) else {
            let name = try await web.store(visitor).person(me)?.name
            choices.append(
                .init(value: me.rawValue, label: name.map { "\($0) (\(me))" } ?? me.rawValue, selected: chosen != nil))
            return choices
        }
        choices.append(.init(value: ReviewView.everyCoach, label: "Every coach", selected: chosen == .every))
        for person in try await web.store(visitor).people(unit: nil).sorted(by: { $0.handle < $1.handle }) {
            choices.append(
                .init(
                    value: person.handle.rawValue, label: "\(person.name) (\(person.handle))",
                    selected: chosen == .one(person.handle)))
        }
        return choices
    }

    static func downloads(_ question: Question, coach: Question.Choice) -> [ReviewView.Download] {
        let formats: [(ReviewFormat, String)] =
            coach == .every
            ? [(.csv, "CSV (a spreadsheet)"), (.json, "JSON")]
            : [(.html, "HTML (to print)"), (.csv, "CSV (a spreadsheet)"), (.md, "Markdown"), (.json, "JSON")]
        return formats.map {
            ReviewView.Download(label: $0.1, link: "/reviews/download?\(question.query)&format=\($0.0.rawValue)")
        }
    }

    /// An instant as the page writes it: `2026-12-01 09:00 UTC`.
    static func instant(_ date: Date) -> String {
        let text = date.formatted(Date.ISO8601FormatStyle())
        return String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}

extension ReviewsPage.Question {
    init(copying question: Self, coach: Choice?) {
        self = question
        self.coach = coach
    }
}
