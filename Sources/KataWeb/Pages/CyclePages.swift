import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// Log a cycle: `GET /cycles/new?learner=` and `POST /cycles` (DESIGN §10.5).
///
/// The five coaching questions as one form, logged through the same seam call and with the same
/// rules and messages as `kata cycle log`. A refused form comes back with each message next to its
/// field and everything typed kept; a logged cycle goes back to Today (303).
///
/// Only the learner's coach (or an admin) may open the form: 404 for a learner whose storyboard
/// the visitor may not see, 403 ("you do not coach bo") for one they may see but not coach. Sending
/// it for someone else's learner is 403, as `POST /api/v1/cycles` answers.
struct CyclePages {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "cycles/new", on: router) { request, _, visitor in
            let typed = request.uri.queryParameters["learner"].map(String.init) ?? ""
            guard !typed.isEmpty else {
                throw KataError.missing(fields: ["learner"], hint: "Pick a learner on Today.")
            }
            let learner = try Handle(typed: typed, field: "learner")
            let today = try await web.today()
            let board = try await LearnerBoard.load(learner, for: visitor, web: web, today: today)
            let calendar = try await web.server.store(.owner).settings().calendar
            let form = CycleForm.blank(learner: learner, today: today, calendar: calendar, working: board.working)
            return render(form, board, visitor: visitor, errors: FieldErrors(), status: .ok)
        }
        web.page(.post, "cycles", on: router) { request, _, visitor in try await log(request, visitor) }
    }

    func log(_ request: Request, _ visitor: Visitor) async throws -> Response {
        let form = try await WebPages.form(CycleForm.self, request)
        guard CSRF.matches(form.csrf, visitor.csrf) else {
            return web.problem(.forbidden(CSRF.refused), visitor: visitor)
        }
        guard let typed = form.learner.nonBlank else {
            throw KataError.missing(fields: ["learner"], hint: "Pick a learner on Today.")
        }
        let learner = try Handle(typed: typed, field: "learner")
        let today = try await web.today()
        let board = try await LearnerBoard.load(learner, for: visitor, web: web, today: today, writing: true)
        let entry: CycleEntry
        switch form.entry(coach: visitor.account.handle, learner: learner, today: today, working: board.working) {
        case let .success(made): entry = made
        case let .failure(errors): return render(form, board, visitor: visitor, errors: errors, status: .badRequest)
        }
        let id = UUID()
        do {
            _ = try await web.store(visitor).recordCycle(entry, id: id, at: web.server.clock(), today: today)
        } catch let error as KataError where [.invalid, .usage, .conflict].contains(error.kind) {
            var errors = FieldErrors()
            errors.add(error)
            return render(form, board, visitor: visitor, errors: errors, status: APIError.status(for: error.kind))
        }
        try await web.audit(visitor, kind: "cycle", record: id.uuidString.lowercased(), action: "add")
        return PageRenderer.redirect(to: "/?logged=\(learner.rawValue)")
    }

    private func render(
        _ form: CycleForm, _ board: LearnerBoard, visitor: Visitor, errors: FieldErrors, status: HTTPResponse.Status
    ) -> Response {
        let view = CycleFormView(form: form, board: board, csrf: visitor.csrf, errors: errors)
        return web.renderer.page(
            "cycle-form", view, title: "Log a cycle with \(board.name)", visitor: visitor, status: status)
    }
}

/// What the form shows of a learner's storyboard, once the visitor may log a cycle for them.
struct LearnerBoard: Sendable {
    var learner: Handle
    var name: String
    /// The storyboard of the learner's active target condition; nil when they have none.
    var storyboard: Storyboard?

    var openObstacles: [Obstacle] { storyboard?.obstacles.filter { !$0.status.isClosed } ?? [] }
    var working: Obstacle? { openObstacles.first { $0.status == .working } }
    /// The last step, while its result is not in.
    var openStep: Experiment? { storyboard?.experiments.last { !$0.isClosed } }

    /// The learner's board for `visitor`: 403 when they do not coach the learner, but 404 for a
    /// learner whose storyboard they may not read unless `writing` (as the API answers a read and a write).
    static func load(_ learner: Handle, for visitor: Visitor, web: WebPages, today: Day, writing: Bool = false)
        async throws -> LearnerBoard
    {
        let store = web.store(visitor)
        let coaches = !(try await store.pairings(coach: visitor.account.handle, learner: learner, activeOn: today))
            .isEmpty
        guard coaches || visitor.caller.has(.admin) else {
            if !writing { _ = try await store.storyboard(learner: learner, target: nil) }  // 404 if hidden
            throw KataError.forbidden("you do not coach \(learner).")
        }
        let person = try await store.requiredPerson(learner, as: "learner")
        let active = try await store.targets(learner: learner, status: .active)
        var board: Storyboard?
        if let target = active.max(by: { $0.createdOn < $1.createdOn }) {
            board = try await store.storyboard(learner: learner, target: target.id)
        }
        return LearnerBoard(learner: learner, name: person.name, storyboard: board)
    }
}
