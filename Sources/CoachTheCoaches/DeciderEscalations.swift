import Foundation
import ImprovementKata

/// "Escalations you were asked to decide" in the decider's review packet (DESIGN §11.1): the part
/// of `kata losses` that is the packet's person's, as decider, for the packet's period.
///
/// Worked out by `LossReport` (the same figures as `kata losses --to HANDLE`). No learner is named
/// and nothing is counted per learner: only units, dates, days and the estimate.
public struct DeciderEscalations: Codable, Sendable, Equatable {
    /// Escalations put to the person that were open at the end of the period or answered or
    /// resolved in it.
    public var asked: Int
    /// Of those, how many had an answer (accepted, declined, deferred or resolved) by the end.
    public var answered: Int
    /// How many nobody had answered by the end.
    public var unanswered: Int
    /// Calendar days the unanswered have waited since the decider was told: median and oldest.
    public var medianDaysWaiting: Double?
    public var oldestDaysWaiting: Int?
    /// The items that cost nothing to fix and waited unanswered for 5 workdays or more, oldest first.
    public var zeroCostUnanswered: [Item]

    /// One zero-cost item waiting: no learner, no obstacle text.
    public struct Item: Codable, Sendable, Equatable {
        public var toldOn: Day
        public var daysWaiting: Int
        public var causeUnit: String?
        public var affectedUnit: String?
        /// The estimated loss per week and its unit ("1800 EUR"), an estimate; null when none was given.
        public var lossPerWeek: Double?
        public var lossUnit: String?

        public init(
            toldOn: Day, daysWaiting: Int, causeUnit: String?, affectedUnit: String?, lossPerWeek: Double?,
            lossUnit: String?
        ) {
            self.toldOn = toldOn
            self.daysWaiting = daysWaiting
            self.causeUnit = causeUnit
            self.affectedUnit = affectedUnit
            self.lossPerWeek = lossPerWeek
            self.lossUnit = lossUnit
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(toldOn, forKey: .toldOn)
            try c.encode(daysWaiting, forKey: .daysWaiting)
            try c.encode(causeUnit, forKey: .causeUnit)
            try c.encode(affectedUnit, forKey: .affectedUnit)
            try c.encode(lossPerWeek, forKey: .lossPerWeek)
            try c.encode(lossUnit, forKey: .lossUnit)
        }
    }

    public init(
        asked: Int, answered: Int, unanswered: Int, medianDaysWaiting: Double?, oldestDaysWaiting: Int?,
        zeroCostUnanswered: [Item]
    ) {
        self.asked = asked
        self.answered = answered
        self.unanswered = unanswered
        self.medianDaysWaiting = medianDaysWaiting
        self.oldestDaysWaiting = oldestDaysWaiting
        self.zeroCostUnanswered = zeroCostUnanswered
    }

    /// No escalation asked: what a packet says when none was put to the person (or its store keeps none).
    public static let none = DeciderEscalations(
        asked: 0, answered: 0, unanswered: 0, medianDaysWaiting: nil, oldestDaysWaiting: nil, zeroCostUnanswered: [])

    /// The decider's part of `report`, which was worked out from the escalations put to them.
    public init(_ report: LossReport) {
        let items = report.escalations
        self.init(
            asked: items.count, answered: items.count(where: { !$0.unanswered }),
            unanswered: report.summary.unanswered, medianDaysWaiting: report.summary.medianDaysWaiting,
            oldestDaysWaiting: report.summary.oldestDaysWaiting,
            zeroCostUnanswered: items.filter(\.zeroCostUnanswered)
                .sorted {
                    ($0.escalation.toldOn, $0.escalation.id.uuidString) < (
                        $1.escalation.toldOn, $1.escalation.id.uuidString
                    )
                }
                .map {
                    Item(
                        toldOn: $0.escalation.toldOn, daysWaiting: $0.daysWaiting, causeUnit: $0.escalation.causeUnit,
                        affectedUnit: $0.escalation.affectedUnit, lossPerWeek: $0.escalation.loss?.amount,
                        lossUnit: $0.escalation.loss?.unit)
                })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asked, forKey: .asked)
        try c.encode(answered, forKey: .answered)
        try c.encode(unanswered, forKey: .unanswered)
        try c.encode(medianDaysWaiting, forKey: .medianDaysWaiting)
        try c.encode(oldestDaysWaiting, forKey: .oldestDaysWaiting)
        try c.encode(zeroCostUnanswered, forKey: .zeroCostUnanswered)
    }
}
