import Foundation
import ImprovementKata
import KataStore

/// An `escalation` line (an obstacle taken to someone who can decide, DESIGN §11.1): `id`*,
/// `obstacle`*, `to`*, `causeUnit`, `affectedUnit` (the learner's unit when it was escalated;
/// left out, the learner's unit now), `lossPerWeek`, `lossUnit`, `basis`, `fix`, `fixCost` (`none`
/// `operating` `capital`), `toldOn`*, `toldHow`, `events` (a list of `{date, action, reason,
/// reviewBy, verifiedOn}`, action `accepted` `declined` `deferred` `resolved` `reopened`).
public struct EscalationRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = [
        "id", "obstacle", "to", "causeUnit", "affectedUnit", "lossPerWeek", "lossUnit", "basis", "fix", "fixCost",
        "toldOn", "toldHow", "events",
    ]

    public var id: UUID
    public var obstacle: UUID
    public var to: Handle
    public var causeUnit: String?
    public var affectedUnit: String?
    public var lossPerWeek: Double?
    public var lossUnit: String?
    public var basis: String?
    public var fix: String?
    public var fixCost: Escalation.FixCost?
    public var toldOn: Day
    public var toldHow: String?
    public var events: [EscalationEventRecord]

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "an escalation")
        id = try fields.id("id")
        obstacle = try fields.id("obstacle")
        to = try fields.handle("to")
        causeUnit = try fields.optionalText("causeUnit")
        affectedUnit = try fields.optionalText("affectedUnit")
        lossPerWeek = try fields.decodeIfPresent(Double.self, forKey: FieldKey("lossPerWeek"))
        lossUnit = try fields.optionalText("lossUnit")
        basis = try fields.optionalText("basis")
        fix = try fields.optionalText("fix")
        fixCost = try fields.optionalCase("fixCost", Escalation.FixCost.self)
        toldOn = try fields.day("toldOn")
        toldHow = try fields.optionalText("toldHow")
        events = try fields.decodeIfPresent([EscalationEventRecord].self, forKey: FieldKey("events")) ?? []
    }

    public init(_ escalation: Escalation) {
        id = escalation.id
        obstacle = escalation.obstacle
        to = escalation.to
        causeUnit = escalation.causeUnit
        affectedUnit = escalation.affectedUnit
        lossPerWeek = escalation.loss?.amount
        lossUnit = escalation.loss?.unit
        basis = escalation.basis
        fix = escalation.fix
        fixCost = escalation.fixCost
        toldOn = escalation.toldOn
        toldHow = escalation.toldHow
        events = escalation.events.map(EscalationEventRecord.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.escalation.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(obstacle, "obstacle")
        try fields.put(to, "to")
        try fields.put(causeUnit, "causeUnit")
        try fields.put(affectedUnit, "affectedUnit")
        try fields.encodeIfPresent(lossPerWeek, forKey: FieldKey("lossPerWeek"))
        try fields.put(lossUnit, "lossUnit")
        try fields.put(basis, "basis")
        try fields.put(fix, "fix")
        try fields.put(fixCost?.rawValue, "fixCost")
        try fields.put(toldOn, "toldOn")
        try fields.put(toldHow, "toldHow")
        if !events.isEmpty { try fields.encode(events, forKey: FieldKey("events")) }
    }

    static let allowed = Set(fields + ["kind"])

    /// The escalation the line describes, its events checked in order; `affectedUnit` as given.
    package func value() throws -> Escalation {
        guard (lossPerWeek == nil) == (lossUnit == nil) else {
            throw KataError.missing(
                fields: [lossPerWeek == nil ? "lossPerWeek" : "lossUnit"], hint: "A loss has an amount and a unit.")
        }
        let loss = try lossPerWeek.map { try WeeklyLoss(amount: $0, unit: lossUnit ?? "") }
        return try Escalation(
            id: id, obstacle: obstacle, to: to, causeUnit: causeUnit, affectedUnit: affectedUnit, loss: loss,
            basis: basis, fix: fix, fixCost: fixCost, toldOn: toldOn, toldHow: toldHow,
            events: events.map { try $0.value() })
    }
}

/// One dated event of an escalation line: `date`*, `action`*, `reason`, `reviewBy`, `verifiedOn`.
public struct EscalationEventRecord: Codable, Hashable, Sendable {
    public var date: Day
    public var action: EscalationEvent.Action
    public var reason: String?
    public var reviewBy: Day?
    public var verifiedOn: Day?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(
            only: ["date", "action", "reason", "reviewBy", "verifiedOn"], of: "an escalation's event")
        date = try fields.day("date")
        guard let action = try fields.optionalCase("action", EscalationEvent.Action.self) else {
            throw DecodingError.keyNotFound(
                FieldKey("action"), .init(codingPath: decoder.codingPath, debugDescription: "an event has an action"))
        }
        self.action = action
        reason = try fields.optionalText("reason")
        reviewBy = try fields.optionalDay("reviewBy")
        verifiedOn = try fields.optionalDay("verifiedOn")
    }

    public init(_ event: EscalationEvent) {
        date = event.date
        action = event.action
        reason = event.reason
        reviewBy = event.reviewBy
        verifiedOn = event.verifiedOn
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(date, "date")
        try fields.put(action.rawValue, "action")
        try fields.put(reason, "reason")
        try fields.put(reviewBy, "reviewBy")
        try fields.put(verifiedOn, "verifiedOn")
    }

    package func value() throws -> EscalationEvent {
        try EscalationEvent(date: date, action: action, reason: reason, reviewBy: reviewBy, verifiedOn: verifiedOn)
    }
}
