import Foundation

/// An obstacle taken beyond the learner's reach (DESIGN §11.1): a decision the learner has no
/// authority for, asked of one person (`to`), with the loss it causes while it waits.
///
/// It is a record of its own, so that the parking lot never becomes an action list. What the
/// decider was told (the loss, its basis, the day they were told) is fixed once set; what happened
/// since is the list of dated `events`, and the status follows from the last of them.
///
/// ```swift
/// let loss = try WeeklyLoss(parsing: "1800 EUR/week", field: "--loss")
/// loss.amount  // 1800
/// loss.unit    // "EUR"
/// ```
public struct Escalation: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var obstacle: UUID
    /// Who must decide.
    public var to: Handle
    /// The unit whose process causes the obstacle.
    public var causeUnit: String?
    /// The learner's unit, where the loss is felt (set by the store from the obstacle's learner).
    public var affectedUnit: String?
    /// The estimated loss per week: always an estimate.
    public var loss: WeeklyLoss?
    /// How the loss was estimated.
    public var basis: String?
    /// The proposed fix.
    public var fix: String?
    public var fixCost: FixCost?
    /// When the decider was told.
    public var toldOn: Day
    /// How the decider was told ("by kata" unless said otherwise).
    public var toldHow: String?
    /// Decisions, resolution and re-opening, oldest first.
    public var events: [EscalationEvent]

    /// What the proposed fix costs.
    public enum FixCost: String, Hashable, Sendable, Codable, CaseIterable {
        case none, operating, capital
    }

    /// Where an escalation stands: `open` until the decider answers (and again once re-opened).
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open, accepted, declined, deferred, resolved

        /// Whether the loss still runs: open, accepted (the fix not yet in) or deferred.
        ///
        /// Only one escalation of an obstacle may be live at a time.
        public var isLive: Bool { self == .open || self == .accepted || self == .deferred }
    }

    public init(
        id: UUID = UUID(), obstacle: UUID, to: Handle, causeUnit: String? = nil, affectedUnit: String? = nil,
        loss: WeeklyLoss? = nil, basis: String? = nil, fix: String? = nil, fixCost: FixCost? = nil, toldOn: Day,
        toldHow: String? = nil, events: [EscalationEvent] = []
    ) throws {
        self.id = id
        self.obstacle = obstacle
        self.to = to
        self.causeUnit = causeUnit.nonBlank
        self.affectedUnit = affectedUnit.nonBlank
        self.loss = loss
        self.basis = basis.nonBlank
        self.fix = fix.nonBlank
        self.fixCost = fixCost
        self.toldOn = toldOn
        self.toldHow = toldHow.nonBlank
        self.events = []
        for event in events { try append(event) }
    }

    /// The status after every event.
    public var status: Status { status(on: nil) }

    /// The status at the end of `day` (after every event when nil).
    public func status(on day: Day?) -> Status {
        guard let last = events.last(where: { event in day.map { event.date <= $0 } ?? true }) else { return .open }
        return last.action.status
    }

    /// The event dated by `day` that ended the waiting (an answer or the resolution), after the
    /// last re-opening; nil while the decider has not answered.
    public func waitEnded(by day: Day?) -> EscalationEvent? {
        let known = events.filter { event in day.map { event.date <= $0 } ?? true }
        let since = known.lastIndex { $0.action == .reopened }.map { $0 + 1 } ?? 0
        return known[since...].first { $0.action != .reopened }
    }

    /// Throws unless this new escalation of `obstacle` can be recorded: it has no events yet
    /// (it starts open), and the obstacle is still on the parking lot (neither overcome nor
    /// dropped) and was parked by the day the decider was told.
    public func requireEscalable(_ obstacle: Obstacle) throws {
        guard events.isEmpty else {
            throw KataError.usage("an escalation starts open; decide it with 'kata escalation decide'.")
        }
        guard !obstacle.status.isClosed else {
            throw KataError.ruleBroken(
                "the obstacle is \(obstacle.status.rawValue); only an obstacle still on the parking lot is escalated.")
        }
        guard toldOn >= obstacle.createdOn else {
            throw KataError.ruleBroken(
                "the obstacle was parked on \(obstacle.createdOn); the decider cannot have been told of it on \(toldOn)."
            )
        }
    }

    /// Appends `event`, refusing one that does not follow from the status, is dated before the
    /// decider was told or before the last event, or lacks what its action needs.
    public mutating func append(_ event: EscalationEvent) throws {
        guard event.date >= toldOn else {
            throw KataError.ruleBroken(
                "the decider was told on \(toldOn); an escalation cannot be \(event.action.rawValue) on \(event.date).")
        }
        if let last = events.last, event.date < last.date {
            throw KataError.ruleBroken(
                "the escalation was last \(last.action.rawValue) on \(last.date); a later event cannot be dated "
                    + "\(event.date).")
        }
        let now = status
        guard event.action.follows(now) else {
            throw KataError.ruleBroken("the escalation is \(now.rawValue); it cannot be \(event.action.rawValue).")
        }
        events.append(event)
    }
}

/// One dated step in an escalation's life: an answer, the resolution, a re-opening.
public struct EscalationEvent: Hashable, Sendable {
    public var date: Day
    public var action: Action
    /// Why (required for a decline).
    public var reason: String?
    /// When a deferred decision is to be looked at again.
    public var reviewBy: Day?
    /// When the fix was seen working at the gemba (a resolution).
    public var verifiedOn: Day?

    /// What happened.
    public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
        case accepted, declined, deferred, resolved, reopened

        /// Whether it answers the decider's question (a reasoned decline is an answer).
        public var isAnswer: Bool { self == .accepted || self == .declined || self == .deferred }

        /// The status it leaves the escalation in.
        public var status: Escalation.Status {
            switch self {
            case .accepted: return .accepted
            case .declined: return .declined
            case .deferred: return .deferred
            case .resolved: return .resolved
            case .reopened: return .open
            }
        }

        /// Whether it may follow an escalation that is `status`.
        func follows(_ status: Escalation.Status) -> Bool {
            switch self {
            case .accepted, .declined: return status == .open || status == .deferred
            case .deferred: return status == .open || status == .deferred
            case .resolved: return status == .open || status == .accepted || status == .deferred
            case .reopened: return status == .declined || status == .resolved
            }
        }
    }

    public init(date: Day, action: Action, reason: String? = nil, reviewBy: Day? = nil, verifiedOn: Day? = nil) throws {
        let reason = reason.nonBlank
        if action == .declined, reason == nil {
            throw KataError.missing(fields: ["reason"], hint: "A decline is an answer; give its reason.")
        }
        if reviewBy != nil, action != .deferred {
            throw KataError.usage("only a deferred escalation has a review date (--review-by).")
        }
        if let reviewBy, reviewBy < date {
            throw KataError.ruleBroken("the review date \(reviewBy) is before the decision (\(date)).")
        }
        if verifiedOn != nil, action != .resolved {
            throw KataError.usage("only a resolved escalation is verified at the gemba (--verified-on).")
        }
        if let verifiedOn, verifiedOn < date {
            throw KataError.ruleBroken("the fix cannot be verified (\(verifiedOn)) before it was resolved (\(date)).")
        }
        self.date = date
        self.action = action
        self.reason = reason
        self.reviewBy = reviewBy
        self.verifiedOn = verifiedOn
    }
}

/// An estimated loss per week: an amount and its unit ("1800 EUR/week", "12 hours/week").
public struct WeeklyLoss: Hashable, Sendable, Codable {
    public var amount: Double
    public var unit: String

    public init(amount: Double, unit: String, field: String = "lossPerWeek") throws {
        guard amount.isFinite, amount > 0 else {
            throw KataError.invalidValue(field: field, value: "\(amount)", expected: "an amount above 0")
        }
        guard !unit.isBlank, unit.count <= 20, !unit.contains("/") else {
            throw KataError.invalidValue(field: "lossUnit", value: unit, expected: "a unit such as EUR or hours")
        }
        self.amount = amount
        self.unit = unit
    }

    /// Parses "AMOUNT UNIT/week" (also "AMOUNT UNIT / week").
    public init(parsing text: String, field: String) throws {
        let invalid = KataError.invalidValue(
            field: field, value: text, expected: "AMOUNT UNIT/week, as \"1800 EUR/week\"")
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].trimmingCharacters(in: .whitespaces).lowercased() == "week" else {
            throw invalid
        }
        let words = parts[0].split(separator: " ")
        guard words.count == 2, let amount = Double(words[0]), amount.isFinite, amount > 0 else { throw invalid }
        try self.init(amount: amount, unit: String(words[1]), field: field)
    }

    public var description: String {
        let amount = self.amount.rounded() == self.amount ? String(Int(self.amount)) : String(self.amount)
        return "\(amount) \(unit)/week"
    }
}
