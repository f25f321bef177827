import Foundation
import ImprovementKata
import KataStore

/// Escalations through a kata server's API (`/api/v1/escalations`).
extension RemoteStore {
    public func escalate(_ escalation: Escalation, today: Day?) async throws -> Escalation {
        try await call(.post, "/api/v1/escalations", escalation, as: Escalation.self)
    }

    public func recordEscalationEvent(_ id: UUID, _ event: EscalationEvent, today: Day?) async throws -> Escalation {
        let path = event.action.isAnswer ? "decision" : "resolution"
        return try await call(.post, "/api/v1/escalations/\(id.text)/\(path)", event, as: Escalation.self)
    }

    public func escalations(_ filter: EscalationFilter) async throws -> [Escalation] {
        try await get(
            "/api/v1/escalations",
            query: items(
                ("to", filter.to?.rawValue), ("unit", filter.unit), ("open", filter.liveOnly ? "true" : nil),
                ("obstacle", filter.obstacle?.text)),
            as: EscalationList.self
        ).escalations
    }

    /// The escalations of the server's losses view (`GET /api/v1/losses`), as they stood at the
    /// period's end: the route refuses a caller who may not see losses.
    public func escalationsForLosses(_ filter: EscalationFilter, in period: Period) async throws -> [Escalation] {
        try await get(
            "/api/v1/losses",
            query: items(
                ("from", period.from.description), ("to", period.to.description),
                ("decider", filter.to?.rawValue), ("unit", filter.unit)),
            as: EscalationList.self
        ).escalations
    }
}

struct EscalationList: Decodable { var escalations: [Escalation] }
