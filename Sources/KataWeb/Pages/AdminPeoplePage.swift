import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore
import Mustache

/// `GET /admin/people`: every person with their unit and the pairings active today, for admins
/// (DESIGN §10.5), from the store that answers for the visitor, as `kata person list` and `kata
/// pair list` read them; and the forms that add a person (`POST /admin/people`: `handle`, `name`,
/// `unit`, `reportsTo`), add a pairing (`POST /admin/pairings`: `coach`, `learner`, `secondCoach`,
/// `since`) and end one (`POST /admin/pairings/end`: `coach`, `learner`, `on`), each with `csrf`.
///
/// The writes are the API's (`POST /api/v1/people`, `/pairings`, `/pairings/end`) with the store's
/// rules and messages, audited as the API audits them; a refused form shows the page again with
/// the message next to its form and everything typed kept.
struct AdminPeoplePage {
    let web: WebPages

    struct PeopleView {
        struct Row {
            var handle: String
            var personName: String
            var unit: String
            var state: String
            var learners: String
            var coaches: String
            var secondCoachOf: String
        }
        /// A field of one of the page's forms; `id` tells apart the fields of the same name in
        /// two forms.
        struct Field {
            var id: String
            var name: String
            var label: String
            var value: String
            var error: String?
            var hint: String?
            var type: String
            /// `off` for the handles and names (a browser's suggestions are other people's); none
            /// on a date, where axe counts `off` as invalid.
            var autocomplete: String?
        }
        /// One of the page's forms: its fields and its message.
        struct Form {
            var error: String?
            var fields: [Field]
        }
        var csrf: String
        var day: String
        var people: [Row]
        var count: Int
        var hasPeople: Bool
        var person: Form
        var pairing: Form
        var end: Form
    }

    struct PersonForm: AdminForm {
        var csrf: String?
        var handle: String?
        var name: String?
        var unit: String?
        var reportsTo: String?
    }

    struct PairingForm: AdminForm {
        var csrf: String?
        var coach: String?
        var learner: String?
        var secondCoach: String?
        var since: String?
        var on: String?
    }

    /// What was typed in the form that was sent, and its refusal.
    enum Typed {
        case none
        case person(PersonForm, KataError)
        case pairing(PairingForm, KataError)
        case end(PairingForm, KataError)
    }

    static let notices = ["person": "Person added.", "pairing": "Pairing added.", "ended": "Pairing ended."]

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/people", on: router) { request, _, visitor in
            try AdminAccess.require(visitor)
            let notice = Self.notices[request.uri.queryParameters["done"].map(String.init) ?? ""]
            return try await show(visitor, notice: notice)
        }
        web.page(.post, "admin/people", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(PersonForm.self, request, visitor)
            do {
                let person = try Person(
                    handle: try Handle(typed: form.handle?.trimmed ?? "", field: "handle"),
                    name: form.name?.trimmed ?? "", unit: form.unit.nonBlank?.trimmed,
                    reportsTo: try form.reportsTo.nonBlank.map { try Handle(typed: $0.trimmed, field: "reportsTo") })
                try await web.store(visitor).addPerson(person)
                try await web.audit(visitor, kind: "person", record: person.handle.rawValue, action: "add")
            } catch let error as KataError where Self.shownInForm(error) {
                return try await show(visitor, typed: .person(form, error))
            }
            return PageRenderer.redirect(to: "/admin/people?done=person")
        }
        web.page(.post, "admin/pairings", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(PairingForm.self, request, visitor)
            do {
                let today = try await web.today()
                let pairing = try Pairing(
                    coach: try Handle(typed: form.coach?.trimmed ?? "", field: "coach"),
                    learner: try Handle(typed: form.learner?.trimmed ?? "", field: "learner"),
                    secondCoach: try form.secondCoach.nonBlank.map {
                        try Handle(typed: $0.trimmed, field: "secondCoach")
                    }, since: try Self.day(form.since, "since") ?? today)
                try await web.store(visitor).addPairing(pairing)
                try await web.audit(
                    visitor, kind: "pairing", record: pairing.id.uuidString.lowercased(), action: "add")
            } catch let error as KataError where Self.shownInForm(error) {
                return try await show(visitor, typed: .pairing(form, error))
            }
            return PageRenderer.redirect(to: "/admin/people?done=pairing")
        }
        web.page(.post, "admin/pairings/end", on: router) { request, _, visitor in
            let form = try await AdminAccess.form(PairingForm.self, request, visitor)
            do {
                let today = try await web.today()
                let pairing = try await web.store(visitor).endPairing(
                    coach: try Handle(typed: form.coach?.trimmed ?? "", field: "coach"),
                    learner: try Handle(typed: form.learner?.trimmed ?? "", field: "learner"),
                    on: try Self.day(form.on, "on") ?? today)
                try await web.audit(
                    visitor, kind: "pairing", record: pairing.id.uuidString.lowercased(), action: "end")
            } catch let error as KataError where Self.shownInForm(error) {
                return try await show(visitor, typed: .end(form, error))
            }
            return PageRenderer.redirect(to: "/admin/people?done=ended")
        }
    }

    /// A refusal the form shows next to itself; anything else (not allowed, not signed in, the
    /// store gone) is the page of its kind.
    static func shownInForm(_ error: KataError) -> Bool {
        ![.forbidden, .notSignedIn, .unavailable, .failure].contains(error.kind)
    }

    static func day(_ text: String?, _ field: String) throws -> Day? {
        guard let text = text.nonBlank?.trimmed else { return nil }
        return try Day(typed: text, field: field)
    }

    func show(_ visitor: Visitor, notice: String? = nil, typed: Typed = .none) async throws -> Response {
        let store = web.store(visitor)
        let today = try await web.today()
        let people = try await store.people(unit: nil)
        let pairings = try await store.pairings(coach: nil, learner: nil, secondCoach: nil, activeOn: today)
        func list(_ handles: [Handle]) -> String {
            handles.isEmpty ? "none" : handles.map(\.rawValue).sorted().joined(separator: ", ")
        }
        let rows = people.sorted { ($0.unit ?? "", $0.handle.rawValue) < ($1.unit ?? "", $1.handle.rawValue) }.map {
            person in
            let me = person.handle
            return PeopleView.Row(
                handle: me.rawValue, personName: person.name, unit: person.unit ?? "none",
                state: person.active ? "active" : "inactive",
                learners: list(pairings.filter { $0.coach == me }.map(\.learner)),
                coaches: list(pairings.filter { $0.learner == me }.map(\.coach)),
                secondCoachOf: list(pairings.filter { $0.secondCoach == me }.map(\.coach)))
        }
        var personForm = PersonForm()
        var pairingForm = PairingForm()
        var endForm = PairingForm()
        var errors: (person: KataError?, pairing: KataError?, end: KataError?) = (nil, nil, nil)
        switch typed {
        case .none: break
        case .person(let form, let error): (personForm, errors.person) = (form, error)
        case .pairing(let form, let error): (pairingForm, errors.pairing) = (form, error)
        case .end(let form, let error): (endForm, errors.end) = (form, error)
        }
        func field(
            _ name: String, _ label: String, _ value: String?, _ error: KataError?, id: String, hint: String? = nil,
            type: String = "text"
        ) -> PeopleView.Field {
            PeopleView.Field(
                id: id, name: name, label: label, value: value ?? "",
                error: error?.field == name ? error?.description : nil, hint: hint, type: type,
                autocomplete: type == "text" ? "off" : nil)
        }
        let view = PeopleView(
            csrf: visitor.csrf, day: today.description, people: rows, count: rows.count, hasPeople: !rows.isEmpty,
            person: .init(
                error: errors.person?.description,
                fields: [
                    field(
                        "handle", "Handle", personForm.handle, errors.person, id: "person-handle",
                        hint: "Lower case, no spaces: ann.lee"),
                    field("name", "Name", personForm.name, errors.person, id: "person-name"),
                    field("unit", "Unit", personForm.unit, errors.person, id: "person-unit"),
                    field(
                        "reportsTo", "Reports to (handle)", personForm.reportsTo, errors.person, id: "person-reports-to"
                    ),
                ]),
            pairing: .init(
                error: errors.pairing?.description,
                fields: [
                    field("coach", "Coach (handle)", pairingForm.coach, errors.pairing, id: "pairing-coach"),
                    field("learner", "Learner (handle)", pairingForm.learner, errors.pairing, id: "pairing-learner"),
                    field(
                        "secondCoach", "2nd coach (handle, if any)", pairingForm.secondCoach, errors.pairing,
                        id: "pairing-second-coach"),
                    field(
                        "since", "Since", pairingForm.since ?? today.description, errors.pairing, id: "pairing-since",
                        type: "date"),
                ]),
            end: .init(
                error: errors.end?.description,
                fields: [
                    field("coach", "Coach (handle)", endForm.coach, errors.end, id: "end-coach"),
                    field("learner", "Learner (handle)", endForm.learner, errors.end, id: "end-learner"),
                    field("on", "Last day", endForm.on ?? today.description, errors.end, id: "end-on", type: "date"),
                ]))
        let status: HTTPResponse.Status
        switch typed {
        case .none: status = .ok
        case .person(_, let error), .pairing(_, let error), .end(_, let error):
            status = APIError.status(for: error.kind)
        }
        return web.renderer.page(
            "admin-people", view, title: "People", visitor: visitor, notice: notice, status: status)
    }
}

/// A person's values by the names the template uses, read without `Mirror` (an organisation of
/// 20,000 people asks for seven values of each row).
extension AdminPeoplePage.PeopleView.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "handle": handle
        case "personName": personName
        case "unit": unit
        case "state": state
        case "learners": learners
        case "coaches": coaches
        case "secondCoachOf": secondCoachOf
        default: nil
        }
    }
}
