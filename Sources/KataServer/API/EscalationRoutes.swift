import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// Escalations and the losses view (DESIGN §11.1, §11.5); who may do what is the store's rule
/// (a coach escalates for their learners, the decider or an admin decides), who may see the
/// losses view is this route's (lean staff, managers for the people below them, admins).
struct EscalationRoutes {
    let data: DataRoutes

    func add(to api: RouterGroup<KataRequestContext>) {
        api.post("escalations") { request, context in
            let (signedIn, store) = try data.caller(context)
            let escalation = try await data.record(Escalation.self, request, context)
            let stored = try await store.escalate(escalation, today: try await data.today())
            try await data.audit(signedIn, kind: "escalation", record: stored.id.wireText, action: "add")
            return JSONResponse.make(stored, status: .created)
        }
        api.post("escalations/{id}/decision") { request, context in
            try await event(request, context, answer: true)
        }
        api.post("escalations/{id}/resolution") { request, context in
            try await event(request, context, answer: false)
        }
        api.get("escalations") { request, context in
            let values = RequestValues(request, context)
            let filter = EscalationFilter(
                to: try values.handle("to"), unit: values.text("unit"), liveOnly: try values.bool("open") ?? false,
                obstacle: try values.uuid("obstacle"))
            return JSONResponse.list("escalations", try await data.caller(context).store.escalations(filter))
        }
        api.get("losses") { request, context in
            let values = RequestValues(request, context)
            let (signedIn, store) = try data.caller(context)
            try await requireLossReader(signedIn.caller)
            let filter = EscalationFilter(to: try values.handle("decider"), unit: values.text("unit"))
            let report = LossReport(
                escalations: try await store.escalations(filter), period: try values.period(),
                today: try await data.today(), calendar: try await store.settings().calendar)
            return JSONResponse.make(report)
        }
    }

    /// Appends a decision (`answer`) or a resolution or re-opening to the escalation of the path.
    func event(_ request: Request, _ context: KataRequestContext, answer: Bool) async throws -> Response {
        let id = try RequestValues(request, context).pathUUID("id")
        let (signedIn, store) = try data.caller(context)
        let event = try await data.body(
            EscalationEvent.self, request, context, fields: EscalationEvent.CodingKeys.allCases.map(\.stringValue))
        guard event.action.isAnswer == answer else {
            throw KataError.invalidValue(
                field: "action", value: event.action.rawValue,
                expected: answer ? "accepted, declined or deferred" : "resolved or reopened")
        }
        let escalation = try await store.recordEscalationEvent(id, event, today: try await data.today())
        try await data.audit(signedIn, kind: "escalation", record: id.wireText, action: event.action.rawValue)
        return JSONResponse.make(escalation)
    }

    /// Refuses a caller who may not see the losses view: lean staff, admins and managers (someone
    /// reports to them) may; anyone else, HR among them, is told so.
    func requireLossReader(_ caller: Caller) async throws {
        guard try await LossReport.mayRead(caller, in: data.store(.owner)) else {
            throw LossReport.notAllowed
        }
    }
}

extension Escalation: RecordBody {
    func revalidated() throws -> Escalation { self }
}
