import Foundation
import ImprovementKata

/// The common ways of calling the seam, with the defaults the command line uses.
extension KataService {
    public func people() async throws -> [Person] { try await people(unit: nil) }

    /// Whether anyone reports to `handle`, from the list of people (the HTTP client's way; the
    /// database stores ask the database).
    public func hasReports(_ handle: Handle) async throws -> Bool {
        try await people(unit: nil).contains { $0.reportsTo == handle }
    }

    public func pairings(
        coach: Handle? = nil, learner: Handle? = nil, secondCoach: Handle? = nil, activeOn: Day? = nil
    ) async throws -> [Pairing] {
        try await pairings(coach: coach, learner: learner, secondCoach: secondCoach, activeOn: activeOn)
    }

    public func targets(learner: Handle? = nil) async throws -> [TargetCondition] {
        try await targets(learner: learner, status: nil)
    }

    public func obstacles(target: UUID? = nil, learner: Handle? = nil) async throws -> [Obstacle] {
        try await obstacles(target: target, learner: learner, includeClosed: true)
    }

    public func storyboard(learner: Handle) async throws -> Storyboard {
        try await storyboard(learner: learner, target: nil)
    }

    /// Logs one coaching cycle under `id` (see `recordCycle`), the same cycle again included.
    public func logCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> LoggedCycle {
        try await recordCycle(entry, id: id, at: now, today: today).cycle
    }

    public func observations() async throws -> [Observation] {
        try await observations(coach: nil, secondCoach: nil)
    }

    /// The full id of the record `prefix` names, nil when no prefix is given.
    public func resolve(_ kind: RecordKind, _ prefix: String?) async throws -> UUID? {
        guard let prefix else { return nil }
        return try await resolve(kind, prefix)
    }

    /// The person with `handle`, or an error that suggests the handles nearest to the one typed.
    public func requiredPerson(_ handle: Handle, as role: String = "person") async throws -> Person {
        if let person = try await person(handle) { return person }
        throw try await unknownPerson(handle, as: role)
    }

    /// The error for a handle nobody has, naming the nearest ("Did you mean bo (Bo Chen)?").
    public func unknownPerson(_ handle: Handle, as role: String, otherwise hint: String = "See 'kata person list'.")
        async throws -> KataError
    {
        KataError.unknownPerson(handle, as: role, among: try await people(), otherwise: hint)
    }
}
