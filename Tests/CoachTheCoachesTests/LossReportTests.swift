import CoachTheCoaches
import Foundation
import ImprovementKata
import Testing

/// The figures of `kata losses` (DESIGN §11.1) on fixed dates: today is Friday 2026-11-20, the
/// period November 2026, the workweek Monday to Friday.
@Suite("Losses left unfixed: days waiting, estimates, zero-cost items and roll-ups")
struct LossReportTests {
    static let today = Day("2026-11-20")!
    static let november = try! Period(parsing: "2026-11")

    static func escalation(
        to: String = "carl", cause: String? = "Logistics", loss: Double? = nil, fixCost: Escalation.FixCost? = nil,
        toldOn: String, _ events: [EscalationEvent] = []
    ) throws -> Escalation {
        try Escalation(
            obstacle: UUID(), to: Handle(validating: to), causeUnit: cause, affectedUnit: "Assembly",
            loss: loss.map { try WeeklyLoss(amount: $0, unit: "EUR") }, fixCost: fixCost, toldOn: Day(toldOn)!,
            events: events)
    }

    static func event(_ date: String, _ action: EscalationEvent.Action, reason: String? = nil, reviewBy: String? = nil)
        throws -> EscalationEvent
    {
        try EscalationEvent(date: Day(date)!, action: action, reason: reason, reviewBy: reviewBy.flatMap(Day.init))
    }

    /// A: zero-cost, 4 workdays unanswered; B: zero-cost, 5 workdays; C: accepted in the period;
    /// D: declined before it; E: deferred, its review date past; F: told after the period's end.
    static func report() throws -> LossReport {
        let escalations = [
            try escalation(loss: 700, fixCost: Escalation.FixCost.none, toldOn: "2026-11-16"),
            try escalation(loss: 1400, fixCost: Escalation.FixCost.none, toldOn: "2026-11-13"),
            try escalation(
                to: "ann", cause: "Maintenance", loss: 350, fixCost: .operating, toldOn: "2026-10-20",
                [event("2026-11-03", .accepted)]),
            try escalation(toldOn: "2026-10-01", [event("2026-10-15", .declined, reason: "Supplier change")]),
            try escalation(
                cause: nil, toldOn: "2026-11-02", [event("2026-11-05", .deferred, reviewBy: "2026-11-12")]),
            try escalation(toldOn: "2026-11-25"),
        ]
        return LossReport(escalations: escalations, period: november, today: today, calendar: WorkCalendar())
    }

    @Test("each item waits from told to answer, or to today while unanswered, and its loss is pro rata")
    func items() throws {
        let report = try Self.report()
        #expect(report.from == Day("2026-11-01"))
        #expect(report.to == Self.today)
        #expect(report.escalations.map(\.daysWaiting) == [4, 7, 14, 3])
        #expect(report.escalations.map(\.estimatedLoss) == [400, 1400, 700, nil])
        #expect(report.escalations.map(\.unanswered) == [true, true, false, false])
        #expect(report.escalations.map(\.zeroCostUnanswered) == [false, true, false, false])
        #expect(report.escalations.map(\.deferredWithoutReview) == [false, false, false, true])
        #expect(report.escalations.map(\.decisionLeadTime) == [nil, nil, 14, 3])
    }

    @Test("the summary counts the unanswered, not the refused, with median and oldest waits")
    func summary() throws {
        let summary = try Self.report().summary
        #expect(summary.open == 4)
        #expect(summary.unanswered == 2)
        #expect(summary.zeroCostUnanswered == 1)
        #expect(summary.deferredWithoutReview == 1)
        #expect(summary.medianDaysWaiting == 5.5)
        #expect(summary.oldestDaysWaiting == 7)
        #expect(summary.decided == 2)
        #expect(summary.medianDecisionLeadTime == 8.5)
        #expect(summary.estimatedLoss == 2500)
        #expect(summary.lossUnit == "EUR")
    }

    @Test("the roll-ups go by decider and by cause unit → affected unit")
    func rollUps() throws {
        let report = try Self.report()
        #expect(report.byDecider.map(\.to.rawValue) == ["ann", "carl"])
        #expect(report.byDecider.map(\.open) == [1, 3])
        #expect(report.byDecider.map(\.unanswered) == [0, 2])
        #expect(report.byDecider.map(\.estimatedLoss) == [700, 1800])
        #expect(report.byUnits.map(\.causeUnit) == [nil, "Logistics", "Maintenance"])
        #expect(report.byUnits.map(\.affectedUnit) == ["Assembly", "Assembly", "Assembly"])
        #expect(report.byUnits.map(\.open) == [1, 2, 1])
        #expect(report.byUnits.map(\.estimatedLoss) == [0, 1800, 700])
    }

    @Test("a past period is counted to its end, and an answer after it does not count in it")
    func pastPeriod() throws {
        let escalation = try Self.escalation(
            loss: 700, toldOn: "2026-10-26", [Self.event("2026-11-09", .declined, reason: "No budget this year")])
        let october = try Period(parsing: "2026-10")
        let report = LossReport(escalations: [escalation], period: october, today: Self.today, calendar: WorkCalendar())
        #expect(report.escalations.map(\.daysWaiting) == [5])
        #expect(report.escalations.map(\.estimatedLoss) == [500])
        #expect(report.escalations.first?.escalation.status == .open)
        #expect(report.summary.unanswered == 1)
        let november = LossReport(
            escalations: [escalation], period: Self.november, today: Self.today, calendar: WorkCalendar())
        #expect(november.summary.unanswered == 0)
        #expect(november.summary.open == 0)
        #expect(november.escalations.map(\.decisionLeadTime) == [14])
    }

    @Test("a holiday is no workday: the zero-cost item waits one more day")
    func holiday() throws {
        let escalation = try Self.escalation(fixCost: Escalation.FixCost.none, toldOn: "2026-11-13")
        let calendar = WorkCalendar(holidays: [Day("2026-11-18")!])
        let report = LossReport(escalations: [escalation], period: Self.november, today: Self.today, calendar: calendar)
        #expect(report.summary.zeroCostUnanswered == 0)
    }

    @Test("the JSON has the members of §11.5, estimates to two decimals")
    func json() throws {
        let escalation = try Self.escalation(loss: 1800, toldOn: "2026-11-10")
        let report = LossReport(
            escalations: [escalation], period: Self.november, today: Self.today, calendar: WorkCalendar())
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let object = try #require(
            JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
        #expect(Set(object.keys) == ["from", "to", "escalations", "summary", "byDecider", "byUnits"])
        let item = try #require((object["escalations"] as? [[String: Any]])?.first)
        for key in ["id", "obstacle", "to", "causeUnit", "affectedUnit", "lossPerWeek", "lossUnit", "toldOn", "status"]
        {
            #expect(item[key] != nil, "\(key)")
        }
        #expect(item["daysWaiting"] as? Int == 10)
        #expect(item["estimatedLoss"] as? Double == 2571.43)
        let summary = try #require(object["summary"] as? [String: Any])
        for key in [
            "open", "unanswered", "zeroCostUnanswered", "medianDaysWaiting", "oldestDaysWaiting", "estimatedLoss",
        ] {
            #expect(summary[key] != nil, "\(key)")
        }
    }
}
