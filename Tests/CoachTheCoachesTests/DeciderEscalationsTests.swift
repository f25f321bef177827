import CoachTheCoaches
import Foundation
import ImprovementKata
import Testing

/// "Escalations you were asked to decide" (DESIGN §11.1) worked out by `LossReport`, on the
/// fixture of `LossReportTests` (today Friday 2026-11-20, November 2026).
@Suite("The decider's escalations: asked, answered, unanswered, days waiting, zero-cost items")
struct DeciderEscalationsTests {
    @Test("carl was asked three in November: one answered, two waiting 4 and 7 days, one of them zero-cost")
    func carl() throws {
        let all = try LossReportTests.report().escalations.map(\.escalation)
        let carls = all.filter { $0.to.rawValue == "carl" }
        let asked = DeciderEscalations(
            LossReport(
                escalations: carls, period: LossReportTests.november, today: LossReportTests.today,
                calendar: WorkCalendar()))
        #expect(asked.asked == 3)
        #expect(asked.answered == 1)
        #expect(asked.unanswered == 2)
        #expect(asked.medianDaysWaiting == 5.5)
        #expect(asked.oldestDaysWaiting == 7)
        #expect(
            asked.zeroCostUnanswered == [
                .init(
                    toldOn: Day("2026-11-13")!, daysWaiting: 7, causeUnit: "Logistics", affectedUnit: "Assembly",
                    lossPerWeek: 1400, lossUnit: "EUR")
            ])
        #expect(
            asked.summary
                == "Asked 3, answered 1, unanswered 2. Days waiting since told (unanswered): median 5.5, oldest 7. "
                + "A reasoned decline is an answer.")
        #expect(
            DeciderEscalations.words(asked.zeroCostUnanswered[0])
                == "Told 2026-11-13, waiting 7 days (cause Logistics, felt in Assembly); estimated loss 1400 EUR/week")
    }
}
