import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// A coach's page: `GET /coaches/{handle}?period=|from=&to=` and **Record an observation**,
/// `POST /coaches/{handle}/observations` (fields `date`, `cycle`, `notes`, `focus`, `trigger`,
/// `csrf`) (DESIGN §10.5).
///
/// The coach's §6 figures, the weekly trend chart and calendar heatmap of the HR packet, the
/// learners left longest, and the observations of the period for those who may read them. Whoever
/// may see the coach's practice through `GET /api/v1/practice?coach=` may open the page; anyone
/// else gets the API's 404. The form is for the coach's 2nd coaches, lean staff and admins, with
/// the rules and messages of `kata observe`; anyone else sending it gets 403.
struct CoachPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "coaches/{handle}", on: router) { request, context, visitor in
            let coach = try Handle(typed: context.parameters.get("handle") ?? "", field: "coach")
            let notice = request.uri.queryParameters["observed"] != nil ? "Observation recorded." : nil
            return try await show(
                coach, request, visitor, form: ObservationForm(), errors: FieldErrors(), notice: notice, status: .ok)
        }
        web.page(.post, "coaches/{handle}/observations", on: router) { request, context, visitor in
            let coach = try Handle(typed: context.parameters.get("handle") ?? "", field: "coach")
            return try await observe(coach, request, visitor)
        }
    }

    func observe(_ coach: Handle, _ request: Request, _ visitor: Visitor) async throws -> Response {
        let form = try await WebPages.form(ObservationForm.self, request)
        guard CSRF.matches(form.csrf, visitor.csrf) else {
            return web.problem(.forbidden(CSRF.refused), visitor: visitor)
        }
        let store = web.backend(visitor)
        guard try await ObservationAccess(of: coach, for: visitor, store: store).mayRecord else {
            throw ObservationAccess.refusal(coach)
        }
        let today = try await web.today()
        let observation: Observation
        switch await form.observation(observer: visitor.account.handle, coach: coach, today: today, store: store) {
        case let .success(made): observation = made
        case let .failure(errors):
            return try await show(coach, request, visitor, form: form, errors: errors, status: .badRequest)
        }
        do {
            try await store.addObservation(observation, at: web.server.clock(), today: today)
        } catch let error as KataError where [.invalid, .usage, .conflict].contains(error.kind) {
            var errors = FieldErrors()
            errors.add(error)
            return try await show(
                coach, request, visitor, form: form, errors: errors, status: APIError.status(for: error.kind))
        }
        try await web.audit(visitor, kind: "observation", record: observation.id.uuidString.lowercased(), action: "add")
        let choice = try PracticePeriod(request.uri.queryParameters, today: today)
        return PageRenderer.redirect(to: "/coaches/\(coach)?\(choice.query)&observed=1#observations")
    }

    /// The page of `coach` for the period the address names, with the observation form as typed.
    func show(
        _ coach: Handle, _ request: Request, _ visitor: Visitor, form: ObservationForm, errors: FieldErrors,
        notice: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let today = try await web.today()
        let choice = try PracticePeriod(request.uri.queryParameters, today: today)
        let store = web.backend(visitor)
        // First, so that a coach the visitor may not see answers 404 before anything else is read.
        let answer = try await store.practice(
            PracticeRequest(
                period: choice.period, filter: PracticeFilter(coach: coach), today: today, includeDailyCycles: true,
                learnersLeftLongest: true))
        let person = try await store.requiredPerson(coach, as: "coach")
        let calendar = try await web.server.store(.owner).settings().calendar
        let access = try await ObservationAccess(of: coach, for: visitor, store: store)
        let counted = answer.report.from...answer.report.countedTo
        let observations =
            access.mayRead
            ? try await store.observations(coach: coach, secondCoach: nil).filter { counted.contains($0.date) } : []
        let cycles =
            access.mayRecord
            ? try await store.cycles(CycleFilter(coach: coach, from: today.adding(days: -13), to: today, limit: 30))
            : []
        let view = CoachView(
            person: person, answer: answer, calendar: calendar, choice: choice,
            observations: access.mayRead ? observations : nil,
            observe: access.mayRecord
                ? ObserveView(
                    coach: coach, choice: choice, form: form, csrf: visitor.csrf, today: today, cycles: cycles,
                    errors: errors) : nil)
        return web.renderer.page(
            "coach", view, title: "Coaching practice of \(person.name)", visitor: visitor, notice: notice,
            status: status)
    }
}
