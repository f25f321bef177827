import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// The Losses page: `GET /losses?period=|from=&to=` (DESIGN §11.1, §10.5), for lean staff,
/// managers (the people below them) and admins; anyone else is told it is not for them.
///
/// The figures of `kata losses` from the same calculation: escalations waiting on their deciders,
/// the loss that ran on meanwhile (always an estimate), zero-cost items unanswered, rolled up by
/// decider and by cause unit → affected unit. No learner is named.
struct LossesPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "losses", on: router) { request, _, visitor in
            guard visitor.seesLosses else { throw LossReport.notAllowed }
            let today = try await web.today()
            let choice = try PracticePeriod(request.uri.queryParameters, today: today)
            let store = web.backend(visitor)
            let report = LossReport(
                escalations: try await store.escalations(EscalationFilter()), period: choice.period, today: today,
                calendar: try await web.server.store(.owner).settings().calendar)
            return web.renderer.page("losses", LossesView(report, choice: choice), title: "Losses", visitor: visitor)
        }
    }
}

/// What the Losses template shows.
struct LossesView {
    struct Figure {
        var label: String
        var value: String
    }

    struct Decider {
        var to: String
        var open: Int
        var unanswered: Int
        var estimatedLoss: String
    }

    struct Units {
        var causeUnit: String
        var affectedUnit: String
        var open: Int
        var estimatedLoss: String
    }

    struct Item {
        var id: String
        var to: String
        var status: String
        var toldOn: String
        var daysWaiting: Int
        var estimatedLoss: String
        var note: String
    }

    var heading: String
    var form: PeriodForm
    var figures: [Figure]
    var empty: String?
    var hasRows: Bool
    var deciders: [Decider]
    var units: [Units]
    var items: [Item]

    init(_ report: LossReport, choice: PracticePeriod) {
        heading = "Losses left unfixed, \(report.from) to \(report.to)"
        form = PeriodForm(action: "/losses", choice: choice, filters: false)
        let summary = report.summary
        let unit = summary.lossUnit
        func money(_ amount: Double, _ unit: String?) -> String {
            "~" + Int(amount.rounded()).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
                + (unit.map { " " + $0 } ?? "")
        }
        figures = [
            Figure(label: "Open", value: String(summary.open)),
            Figure(label: "Unanswered", value: String(summary.unanswered)),
            Figure(label: "Zero-cost, unanswered after 5 workdays", value: String(summary.zeroCostUnanswered)),
            Figure(label: "Deferred without a review date or past it", value: String(summary.deferredWithoutReview)),
            Figure(
                label: "Days waiting for an answer (median, oldest)",
                value: summary.medianDaysWaiting.map { "\(Self.number($0)), \(summary.oldestDaysWaiting ?? 0)" } ?? "–"
            ),
            Figure(
                label: "Decisions in the period (median lead time, days)",
                value: "\(summary.decided)" + (summary.medianDecisionLeadTime.map { " (\(Self.number($0)))" } ?? "")),
            Figure(label: "Estimated loss while waiting (estimate)", value: money(summary.estimatedLoss, unit)),
        ]
        hasRows = !report.escalations.isEmpty
        empty = hasRows ? nil : "No escalations were open or decided in the period."
        deciders = report.byDecider.map {
            Decider(
                to: $0.to.rawValue, open: $0.open, unanswered: $0.unanswered,
                estimatedLoss: money($0.estimatedLoss, unit))
        }
        units = report.byUnits.map {
            Units(
                causeUnit: $0.causeUnit ?? "(not given)", affectedUnit: $0.affectedUnit ?? "(no unit)", open: $0.open,
                estimatedLoss: money($0.estimatedLoss, unit))
        }
        items = report.escalations.map { item in
            var notes: [String] = []
            if item.zeroCostUnanswered { notes.append("zero-cost, unanswered") }
            if item.deferredWithoutReview { notes.append("no review date") }
            return Item(
                id: String(item.escalation.id.uuidString.lowercased().prefix(8)), to: item.escalation.to.rawValue,
                status: item.escalation.status.rawValue, toldOn: item.escalation.toldOn.description,
                daysWaiting: item.daysWaiting,
                estimatedLoss: item.escalation.loss.map { money(item.estimatedLoss ?? 0, $0.unit) } ?? "",
                note: notes.joined(separator: "; "))
        }
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
