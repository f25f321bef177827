import Foundation
import ImprovementKata
import KataStore

/// A `walk` line (a leader's Kata walk, DESIGN §11.2): `id`*, `walker`*, `date`*, `learners` (a
/// list of handles, at least one), `mode` (`cycle` `observe` `go-see`), `with`, `learned`,
/// `followUp`.
public struct WalkRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "walker", "date", "learners", "mode", "with", "learned", "followUp"]

    public var id: UUID
    public var walker: Handle
    public var date: Day
    public var learners: [Handle]
    public var mode: Walk.Mode?
    public var with: Handle?
    public var learned: String?
    public var followUp: String?

    public init(_ walk: Walk) {
        id = walk.id
        walker = walk.walker
        date = walk.date
        learners = walk.learners
        mode = walk.mode
        with = walk.with
        learned = walk.learned
        followUp = walk.followUp
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a walk")
        id = try fields.id("id")
        walker = try fields.handle("walker")
        date = try fields.day("date")
        let key = FieldKey("learners")
        learners = try (fields.decodeIfPresent([String].self, forKey: key) ?? []).map { text in
            guard let learner = try? Handle(validating: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: fields,
                    debugDescription: "'\(text)' is not valid; expected a list of handles of 1 to 64 characters of "
                        + "a-z, 0-9, '.', '_' or '-'")
            }
            return learner
        }
        mode = try fields.optionalCase("mode", Walk.Mode.self)
        with = try fields.optionalHandle("with")
        learned = try fields.optionalText("learned")
        followUp = try fields.optionalText("followUp")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.walk.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(walker, "walker")
        try fields.put(date, "date")
        if !learners.isEmpty { try fields.encode(learners, forKey: FieldKey("learners")) }
        try fields.put(mode?.rawValue, "mode")
        try fields.put(with, "with")
        try fields.put(learned, "learned")
        try fields.put(followUp, "followUp")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> Walk {
        try Walk(
            id: id, walker: walker, date: date, learners: learners, mode: mode, with: with, learned: learned,
            followUp: followUp)
    }
}

/// A `walkPlan` line (a walker's own cadence): `walker`*, `every`* (`1w`, `2w`, …), `since`.
public struct WalkPlanRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["walker", "every", "since"]

    public var walker: Handle
    /// The cadence as written: `2w`.
    public var every: String
    public var since: Day?

    public init(_ plan: WalkPlan) {
        walker = plan.walker
        every = plan.cadence
        since = plan.since
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a walk plan")
        walker = try fields.handle("walker")
        every = try fields.text("every")
        since = try fields.optionalDay("since")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.walkPlan.rawValue, "kind")
        try fields.put(walker, "walker")
        try fields.put(every, "every")
        try fields.put(since, "since")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> WalkPlan {
        try WalkPlan(walker: walker, every: WalkPlan.weeks(parsing: every), since: since)
    }
}
