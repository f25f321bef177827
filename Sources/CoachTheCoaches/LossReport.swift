import Foundation
import ImprovementKata

/// What `kata losses` shows (DESIGN §11.1, §11.5): the escalations open at the end of a period or
/// decided or resolved in it, how long their deciders have left them waiting, and the loss that
/// ran on meanwhile, rolled up by decider and by cause unit → affected unit.
///
/// Every loss is an estimate (the decider was told an estimate); the headline is "unanswered",
/// not "refused", since a reasoned decline is an answer. No learner is named and nothing is
/// counted per learner: raising a problem must never count against anyone.
///
/// ```swift
/// let report = LossReport(escalations: all, period: period, today: today, calendar: calendar)
/// report.summary.unanswered  // escalations nobody has answered by the period's end
/// ```
public struct LossReport: Sendable, Equatable, Encodable {
    /// The first day of the period.
    public var from: Day
    /// The last day counted: the period's end, or today while it runs.
    public var to: Day
    public var escalations: [Item]
    public var summary: Summary
    public var byDecider: [DeciderLine]
    public var byUnits: [UnitLine]

    /// Zero-cost items count as left unanswered after this many workdays.
    public static let zeroCostWorkdays = 5

    /// One escalation as it stood at the end of the period.
    public struct Item: Sendable, Equatable, Encodable {
        /// The escalation with the events dated by the end of the period (so its status is the status then).
        public var escalation: Escalation
        /// Calendar days from the day the decider was told to the answer (or resolution), or to the
        /// end of the period while unanswered.
        public var daysWaiting: Int
        /// `lossPerWeek × daysWaiting / 7`: an estimate.
        public var estimatedLoss: Double?
        /// Nobody answered by the end of the period.
        public var unanswered: Bool
        /// Costs nothing to fix and waited unanswered for 5 workdays or more.
        public var zeroCostUnanswered: Bool
        /// Deferred, with no review date or one before the end of the period.
        public var deferredWithoutReview: Bool
        /// Days from told to answer, for answers given in the period.
        public var decisionLeadTime: Int?

        enum CodingKeys: String, CodingKey {
            case daysWaiting, estimatedLoss, unanswered, zeroCostUnanswered, deferredWithoutReview, decisionLeadTime
        }

        public func encode(to encoder: any Encoder) throws {
            try escalation.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(daysWaiting, forKey: .daysWaiting)
            try container.encodeIfPresent(estimatedLoss.map(LossReport.rounded), forKey: .estimatedLoss)
            try container.encode(unanswered, forKey: .unanswered)
            try container.encode(zeroCostUnanswered, forKey: .zeroCostUnanswered)
            try container.encode(deferredWithoutReview, forKey: .deferredWithoutReview)
            try container.encodeIfPresent(decisionLeadTime, forKey: .decisionLeadTime)
        }
    }

    /// The figures of the whole report.
    public struct Summary: Sendable, Equatable, Encodable {
        /// Escalations whose loss still runs at the end (open, accepted or deferred).
        public var open: Int
        /// Escalations nobody has answered by the end.
        public var unanswered: Int
        public var zeroCostUnanswered: Int
        public var deferredWithoutReview: Int
        /// Over the unanswered escalations; nil when none waits.
        public var medianDaysWaiting: Double?
        public var oldestDaysWaiting: Int?
        /// Answers given in the period, and their median lead time in days.
        public var decided: Int
        public var medianDecisionLeadTime: Double?
        /// The sum of the items' estimates in `lossUnit` (an estimate).
        public var estimatedLoss: Double
        /// The unit of most of the losses; items in other units are left out of the sums.
        public var lossUnit: String?

        enum CodingKeys: String, CodingKey {
            case open, unanswered, zeroCostUnanswered, deferredWithoutReview, medianDaysWaiting, oldestDaysWaiting
            case decided, medianDecisionLeadTime, estimatedLoss, lossUnit
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(open, forKey: .open)
            try container.encode(unanswered, forKey: .unanswered)
            try container.encode(zeroCostUnanswered, forKey: .zeroCostUnanswered)
            try container.encode(deferredWithoutReview, forKey: .deferredWithoutReview)
            try container.encode(medianDaysWaiting, forKey: .medianDaysWaiting)
            try container.encode(oldestDaysWaiting, forKey: .oldestDaysWaiting)
            try container.encode(decided, forKey: .decided)
            try container.encode(medianDecisionLeadTime, forKey: .medianDecisionLeadTime)
            try container.encode(LossReport.rounded(estimatedLoss), forKey: .estimatedLoss)
            try container.encode(lossUnit, forKey: .lossUnit)
        }
    }

    /// One decider's part.
    public struct DeciderLine: Sendable, Equatable, Encodable {
        public var to: Handle
        public var open: Int
        public var unanswered: Int
        public var estimatedLoss: Double

        enum CodingKeys: String, CodingKey { case to, open, unanswered, estimatedLoss }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(to, forKey: .to)
            try container.encode(open, forKey: .open)
            try container.encode(unanswered, forKey: .unanswered)
            try container.encode(LossReport.rounded(estimatedLoss), forKey: .estimatedLoss)
        }
    }

    /// One pair of units: the one whose process causes the obstacles, the learner's that feels them.
    public struct UnitLine: Sendable, Equatable, Encodable {
        public var causeUnit: String?
        public var affectedUnit: String?
        public var open: Int
        public var estimatedLoss: Double

        enum CodingKeys: String, CodingKey { case causeUnit, affectedUnit, open, estimatedLoss }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(causeUnit, forKey: .causeUnit)
            try container.encode(affectedUnit, forKey: .affectedUnit)
            try container.encode(open, forKey: .open)
            try container.encode(LossReport.rounded(estimatedLoss), forKey: .estimatedLoss)
        }
    }

    /// Works the report out of `escalations` (already filtered by unit or decider) for `period`,
    /// counted up to `today` while the period runs.
    public init(escalations: [Escalation], period: Period, today: Day, calendar: WorkCalendar) {
        from = period.from
        to = min(period.to, max(today, period.from))
        let end = to
        let items = escalations.compactMap { LossReport.item($0, from: period.from, end: end, calendar: calendar) }
        self.escalations = items
        let units = Dictionary(grouping: items.compactMap(\.escalation.loss?.unit), by: { $0 })
        let lossUnit = units.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        func loss(_ items: [Item]) -> Double {
            items.filter { $0.escalation.loss?.unit == lossUnit }.compactMap(\.estimatedLoss).reduce(0, +)
        }
        let waiting = items.filter(\.unanswered).map(\.daysWaiting)
        let leadTimes = items.compactMap(\.decisionLeadTime)
        summary = Summary(
            open: items.count(where: \.escalation.status.isLive), unanswered: waiting.count,
            zeroCostUnanswered: items.count(where: \.zeroCostUnanswered),
            deferredWithoutReview: items.count(where: \.deferredWithoutReview), medianDaysWaiting: Self.median(waiting),
            oldestDaysWaiting: waiting.max(), decided: leadTimes.count, medianDecisionLeadTime: Self.median(leadTimes),
            estimatedLoss: loss(items), lossUnit: lossUnit)
        byDecider = Dictionary(grouping: items, by: \.escalation.to).sorted { $0.key < $1.key }.map { to, items in
            DeciderLine(
                to: to, open: items.count(where: \.escalation.status.isLive),
                unanswered: items.count(where: \.unanswered),
                estimatedLoss: loss(items))
        }
        byUnits = Dictionary(grouping: items) {
            UnitPair(cause: $0.escalation.causeUnit, affected: $0.escalation.affectedUnit)
        }
        .sorted { ($0.key.cause ?? "", $0.key.affected ?? "") < ($1.key.cause ?? "", $1.key.affected ?? "") }
        .map { pair, items in
            UnitLine(
                causeUnit: pair.cause, affectedUnit: pair.affected,
                open: items.count(where: \.escalation.status.isLive),
                estimatedLoss: loss(items))
        }
    }

    private struct UnitPair: Hashable {
        var cause: String?
        var affected: String?
    }

    /// The item of `escalation` as it stood at `end`, or nil when it is not part of the period:
    /// told after it, or closed (declined or resolved) before it began.
    static func item(_ escalation: Escalation, from: Day, end: Day, calendar: WorkCalendar) -> Item? {
        guard escalation.toldOn <= end else { return nil }
        var asAtEnd = escalation
        asAtEnd.events = escalation.events.filter { $0.date <= end }
        let status = asAtEnd.status
        guard status.isLive || asAtEnd.events.contains(where: { $0.date >= from }) else { return nil }
        let waitEnd = asAtEnd.waitEnded(by: end)
        let daysWaiting = escalation.toldOn.days(to: waitEnd?.date ?? end)
        let unanswered = status == .open
        let last = asAtEnd.events.last
        let answeredInPeriod = waitEnd.flatMap { $0.action.isAnswer && $0.date >= from ? $0 : nil }
        return Item(
            escalation: asAtEnd, daysWaiting: daysWaiting,
            estimatedLoss: escalation.loss.map { $0.amount * Double(daysWaiting) / 7 }, unanswered: unanswered,
            zeroCostUnanswered: unanswered && escalation.fixCost == Escalation.FixCost.none
                && calendar.workdays(after: escalation.toldOn, through: end) >= zeroCostWorkdays,
            deferredWithoutReview: status == .deferred && (last?.reviewBy.map { $0 < end } ?? true),
            decisionLeadTime: answeredInPeriod.map { escalation.toldOn.days(to: $0.date) })
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Estimates in JSON to two decimals, so that 1800 × 10 / 7 reads 2571.43.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
