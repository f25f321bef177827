import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite

/// The text and CSV views of a `LossReport`, at 80 columns; learners are never named.
enum LossesText {
    static func render(_ report: LossReport) -> String {
        let summary = report.summary
        var out = "LOSSES LEFT UNFIXED  \(report.from)..\(report.to)  (losses are estimates)\n\n"
        guard !report.escalations.isEmpty else { return out + "No escalations open or decided in the period.\n" }
        let unit = summary.lossUnit
        out += "Open \(summary.open) · unanswered \(summary.unanswered) · zero-cost unanswered "
        out += "\(summary.zeroCostUnanswered) · deferred, no review \(summary.deferredWithoutReview)\n"
        if let median = summary.medianDaysWaiting, let oldest = summary.oldestDaysWaiting {
            out += "Days waiting for an answer: median \(number(median)), oldest \(oldest)\n"
        }
        if let lead = summary.medianDecisionLeadTime {
            out += "Decisions in the period: \(summary.decided), median lead time \(number(lead)) days\n"
        }
        out += "Estimated loss while waiting: \(money(summary.estimatedLoss, unit)) (estimate)\n"
        out += "\n"
        out += Listing(
            columns: ["decider", "open", "unanswered", "est. loss"],
            rows: report.byDecider.map {
                [$0.to.rawValue, String($0.open), String($0.unanswered), money($0.estimatedLoss, unit)]
            }
        ).text()
        out += "\n"
        out += Listing(
            columns: ["cause unit → affected unit", "open", "est. loss"],
            rows: report.byUnits.map {
                [
                    units($0.causeUnit, $0.affectedUnit).truncated(to: 40), String($0.open),
                    money($0.estimatedLoss, unit),
                ]
            }
        ).text()
        out += "\n"
        out += Listing(
            columns: ["id", "to", "status", "told", "days", "est. loss", "note"],
            rows: report.escalations.map { item in
                [
                    item.escalation.id.short, item.escalation.to.rawValue, item.escalation.status.rawValue,
                    item.escalation.toldOn.description, String(item.daysWaiting),
                    item.escalation.loss.map { money(item.estimatedLoss ?? 0, $0.unit) } ?? "", note(item),
                ]
            }
        ).text()
        return out
    }

    /// One row per escalation, with the figures of the JSON.
    static func csv(_ report: LossReport) -> String {
        Listing(
            columns: [
                "id", "to", "causeUnit", "affectedUnit", "status", "toldOn", "fixCost", "lossPerWeek", "lossUnit",
                "daysWaiting", "estimatedLoss", "unanswered", "zeroCostUnanswered", "deferredWithoutReview",
            ],
            rows: report.escalations.map { item in
                let escalation = item.escalation
                return [
                    escalation.id.text, escalation.to.rawValue, escalation.causeUnit ?? "",
                    escalation.affectedUnit ?? "",
                    escalation.status.rawValue, escalation.toldOn.description, escalation.fixCost?.rawValue ?? "",
                    escalation.loss.map { number($0.amount) } ?? "", escalation.loss?.unit ?? "",
                    String(item.daysWaiting), item.estimatedLoss.map { String(format: "%.2f", $0) } ?? "",
                    String(item.unanswered), String(item.zeroCostUnanswered), String(item.deferredWithoutReview),
                ]
            }
        ).csv()
    }

    static func note(_ item: LossReport.Item) -> String {
        var notes: [String] = []
        if item.zeroCostUnanswered { notes.append("zero-cost") }
        if item.deferredWithoutReview { notes.append("no review") }
        return notes.joined(separator: "; ")
    }

    static func units(_ cause: String?, _ affected: String?) -> String {
        "\(cause ?? "(unit not given)") → \(affected ?? "(no unit)")"
    }

    /// `~12,600 EUR`: an estimate, rounded to whole units.
    static func money(_ amount: Double, _ unit: String?) -> String {
        let whole = Int(amount.rounded())
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return "~" + (whole < 0 ? "-" : "") + digits + grouped + (unit.map { " " + $0 } ?? "")
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
