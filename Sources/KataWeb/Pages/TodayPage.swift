import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// `GET /` (**Today**): the learners the signed-in coach should go and see today, as `kata due`
/// lists them, each a link to Log a cycle; then the coach's other learners.
struct TodayPage {
    let web: WebPages

    struct TodayView {
        struct Learner {
            var handle: String
            var name: String
            var reasons: [String]
        }
        var day: String
        var due: [Learner]
        var others: [Learner]
        // Stored, not computed: templates see stored properties only.
        var hasDue: Bool
        var hasOthers: Bool

        init(day: String, due: [Learner], others: [Learner]) {
            self.day = day
            self.due = due
            self.others = others
            hasDue = !due.isEmpty
            hasOthers = !others.isEmpty
        }
    }

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "/", on: router) { request, _, visitor in
            let store = web.store(visitor)
            let today = try await web.today()
            let due = try await store.due(coach: visitor.account.handle, on: today)
            let dueHandles = Set(due.map(\.learner.handle))
            var others: [TodayView.Learner] = []
            for pairing in try await store.pairings(coach: visitor.account.handle, activeOn: today)
            where !dueHandles.contains(pairing.learner) {
                let name = try await store.person(pairing.learner)?.name ?? pairing.learner.rawValue
                others.append(.init(handle: pairing.learner.rawValue, name: name, reasons: []))
            }
            let view = TodayView(
                day: today.description,
                due: due.map { .init(handle: $0.learner.handle.rawValue, name: $0.learner.name, reasons: $0.reasons) },
                others: others.sorted { $0.handle < $1.handle })
            return web.renderer.page(
                "today", view, title: "Today", visitor: visitor, notice: Self.notice(request))
        }
    }

    /// "Cycle logged with bo." after Log a cycle redirected here; only a handle is taken from the address.
    static func notice(_ request: Request) -> String? {
        guard let text = request.uri.queryParameters["logged"], let learner = try? Handle(validating: String(text))
        else { return nil }
        return "Cycle logged with \(learner)."
    }
}
