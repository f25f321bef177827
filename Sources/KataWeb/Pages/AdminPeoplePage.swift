import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /admin/people`: every person with their unit and the pairings active today, read-only, for
/// admins (DESIGN §10.5), from the store that answers for the visitor, as `kata person list` and
/// `kata pairing list` read them.
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
        var day: String
        var people: [Row]
        var count: Int
        var hasPeople: Bool
    }

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin/people", on: router) { _, _, visitor in
            try AdminAccess.require(visitor)
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
            let view = PeopleView(day: today.description, people: rows, count: rows.count, hasPeople: !rows.isEmpty)
            return web.renderer.page("admin-people", view, title: "People", visitor: visitor)
        }
    }
}
