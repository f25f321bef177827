import Foundation

/// The next interim goal toward a challenge, owned by one learner, for one focus process.
///
/// Rules of the kata kept here and in the schema: the achieve-by date does not move once set;
/// content is added to by amendments and never taken away; a learner has at most one active target
/// condition per focus process; it ends achieved, missed or dropped, with an optional reflection.
public struct TargetCondition: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var learner: Handle
    public var focusProcess: String
    /// The desired operating pattern, as first written.
    public var condition: String
    public var achieveBy: Day
    public var challenge: UUID?
    public var outcomeMetrics: [Metric]
    public var processMetrics: [Metric]
    public var status: Status
    public var createdOn: Day
    public var closedOn: Day?
    public var reflection: String?
    /// Additions to the condition, in the order they were made.
    public var amendments: [Amendment]

    /// How a target condition stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case active, achieved, missed, dropped
    }

    /// A dated addition to the target condition's text.
    public struct Amendment: Hashable, Sendable, Codable {
        public var date: Day
        public var text: String

        public init(date: Day, text: String) {
            self.date = date
            self.text = text
        }
    }

    /// A new active target condition; throws when a required text is blank or the achieve-by
    /// date is before the day it is set.
    public init(
        id: UUID = UUID(), learner: Handle, focusProcess: String, condition: String, achieveBy: Day,
        challenge: UUID? = nil, outcomeMetrics: [Metric] = [], processMetrics: [Metric] = [], createdOn: Day,
        status: Status = .active, closedOn: Day? = nil, reflection: String? = nil, amendments: [Amendment] = []
    ) throws {
        var missing: [String] = []
        if focusProcess.isBlank { missing.append("focus process") }
        if condition.isBlank { missing.append("condition") }
        guard missing.isEmpty else {
            throw KataError.missing(
                fields: missing, hint: "A target condition describes a pattern for one focus process.")
        }
        guard achieveBy >= createdOn else {
            throw KataError.ruleBroken(
                "the achieve-by date \(achieveBy) is before the target condition is set (\(createdOn)); "
                    + "choose a date 1 week to 3 months ahead.")
        }
        guard (status == .active) == (closedOn == nil) else {
            throw KataError.ruleBroken("a target condition has a closing date exactly when it is no longer active.")
        }
        self.id = id
        self.learner = learner
        self.focusProcess = focusProcess.trimmed
        self.condition = condition
        self.achieveBy = achieveBy
        self.challenge = challenge
        self.outcomeMetrics = outcomeMetrics
        self.processMetrics = processMetrics
        self.status = status
        self.createdOn = createdOn
        self.closedOn = closedOn
        self.reflection = reflection.nonBlank
        self.amendments = amendments
    }

    /// Throws when `day` is before the target condition was set: it cannot be `done` ("closed") then.
    public func requireSet(by day: Day, to done: String) throws {
        guard day >= createdOn else {
            throw KataError.ruleBroken(
                "the target condition was set on \(createdOn); it cannot be \(done) on \(day).")
        }
    }

    /// Whether the target condition is still being worked toward.
    public var isActive: Bool { status == .active }

    /// Appends an amendment and metrics; the original content stays as it was.
    public mutating func amend(on day: Day, text: String?, outcomeMetrics: [Metric] = [], processMetrics: [Metric] = [])
        throws
    {
        guard isActive else {
            throw KataError.ruleBroken("the target condition is \(status.rawValue); only an active one can be amended.")
        }
        try requireSet(by: day, to: "amended")
        guard text.nonBlank != nil || !outcomeMetrics.isEmpty || !processMetrics.isEmpty else {
            throw KataError.missing(fields: ["--text, --outcome or --process"], hint: "Say what to add.")
        }
        if let text = text.nonBlank { amendments.append(Amendment(date: day, text: text)) }
        self.outcomeMetrics += outcomeMetrics
        self.processMetrics += processMetrics
    }

    /// Ends the target condition as achieved, missed or dropped.
    public mutating func close(as status: Status, on day: Day, reflection: String?) throws {
        guard isActive else { throw KataError.ruleBroken("the target condition is already \(self.status.rawValue).") }
        guard status != .active else { throw KataError.usage("choose one of --achieved, --missed or --dropped.") }
        try requireSet(by: day, to: "closed")
        if status == .missed && day <= achieveBy {
            throw KataError.ruleBroken(
                "a target condition is missed only once its achieve-by date (\(achieveBy)) has passed; "
                    + "use --dropped to set it aside earlier.")
        }
        self.status = status
        closedOn = day
        self.reflection = reflection.nonBlank ?? self.reflection
    }
}
