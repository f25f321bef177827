import Foundation
import ImprovementKata

/// The part of the seam that keeps escalations (DESIGN §11.1): obstacles taken to someone who can
/// decide what the learner cannot, with the loss they cause while they wait.
///
/// Every store applies the same rules: the obstacle exists and is still on the parking lot, the
/// decider is a person, one live escalation per obstacle, events dated between the day the decider
/// was told and today, in order, each following from the status.
///
/// ```swift
/// let escalation = try Escalation(obstacle: id, to: Handle(validating: "carl"), toldOn: today)
/// let stored = try await store.escalate(escalation, today: today)
/// stored.affectedUnit  // the learner's unit
/// ```
public protocol EscalationService: Sendable {
    /// Records an escalation and returns it as stored (with the affected unit, the learner's).
    func escalate(_ escalation: Escalation, today: Day?) async throws -> Escalation
    /// Appends a decision, a resolution or a re-opening to escalation `id`; returns it as it is now.
    func recordEscalationEvent(_ id: UUID, _ event: EscalationEvent, today: Day?) async throws -> Escalation
    /// Escalations the caller may see, oldest told first.
    func escalations(_ filter: EscalationFilter) async throws -> [Escalation]
    /// The escalations the losses view of `period` is worked out from (DESIGN §11.1), for a caller
    /// who may see that view: a database store gives `escalations(filter)` (the server's route
    /// checks who asks); the HTTP client asks the server's losses route, which refuses HR, plain
    /// coaches and learners.
    func escalationsForLosses(_ filter: EscalationFilter, in period: Period) async throws -> [Escalation]
}

extension EscalationService {
    public func escalationsForLosses(_ filter: EscalationFilter, in period: Period) async throws -> [Escalation] {
        try await escalations(filter)
    }
}

/// Which escalations to list.
public struct EscalationFilter: Sendable, Equatable, Codable {
    /// Only those asked of this person.
    public var to: Handle?
    /// Only those whose cause unit or affected unit is this one.
    public var unit: String?
    /// Only those whose loss still runs (open, accepted or deferred).
    public var liveOnly: Bool
    /// Only those of this obstacle.
    public var obstacle: UUID?

    public init(to: Handle? = nil, unit: String? = nil, liveOnly: Bool = false, obstacle: UUID? = nil) {
        self.to = to
        self.unit = unit
        self.liveOnly = liveOnly
        self.obstacle = obstacle
    }

    /// Whether `escalation` passes the filter (for stores that filter in code).
    public func admits(_ escalation: Escalation) -> Bool {
        (to == nil || escalation.to == to)
            && (unit == nil || escalation.causeUnit == unit || escalation.affectedUnit == unit)
            && (!liveOnly || escalation.status.isLive) && (obstacle == nil || escalation.obstacle == obstacle)
    }
}
