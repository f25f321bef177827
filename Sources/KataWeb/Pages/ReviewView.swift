import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataStore

/// What the Reviews page shows: the choice of coach, period and opt-ins; one coach's packet of
/// DESIGN §7 with the sections, words and charts of the HTML packet, or every coach's packets in
/// a table; the download links; and the packets made about the visitor.
struct ReviewView {
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Download {
        var label: String
        var link: String
    }

    /// A table: its caption, its column heads, and rows of cells (the first cell heads its row).
    struct Table {
        struct Row {
            var head: String
            var cells: [String]
        }
        var caption: String
        var columns: [String]
        var rows: [Row]
    }

    /// One practice figure; `detail` nil where the packet has none.
    struct Figure {
        var figure: String
        var label: String
        var value: String
        var detail: String?
    }

    struct Meta {
        var term: String
        var value: String
    }

    struct Packet {
        var name: String
        var handle: String
        var meta: [Meta]
        var purpose: String
        var emptyPeriod: String?
        var figures: [ReviewView.Figure]
        var charts: String
        var weeklyChart: String
        var heatmap: String
        var learners: Table?
        var targets: Table?
        var observations: Table?
        var ownSummary: String
        /// The coach's growth as a learner in the period, worded as every packet words it.
        var ownGrowth: ReviewView.Growth?
        var ownTargets: Table?
        /// The escalations the person was asked to decide, when any was; no learner named.
        var escalations: ReviewView.Escalations?
        var definitions: [FigureDefinition]
        var footer: String
    }

    /// "Escalations you were asked to decide" (DESIGN §11.1), worded as every packet words it.
    struct Escalations {
        var summary: String
        var zeroCostHeading: String
        var zeroCost: [String]
        var hasZeroCost: Bool
    }

    /// The coach's growth figures as a learner (DESIGN §11.4).
    struct Growth {
        struct Line {
            var label: String
            var value: String
        }

        var lines: [Line]
    }

    /// One coach's line in the table of every coach's packets.
    struct Line {
        var handle: String
        var name: String
        var unit: String?
        var link: String
        var cycles: Int
        var coachedDays: Int
        var workdays: Int
        var cadence: String
        var observations: Int
    }

    struct MadeAboutMe {
        var at: String
        var by: String
        var detail: String

        /// The audit entry's detail as people read it: `2026-10-01..2026-12-31 learnerNames=true
        /// notes=false` → `2026-10-01 to 2026-12-31, with learner names`; any other text as it is.
        static func describe(_ detail: String) -> String {
            let parts = detail.split(separator: " ")
            guard let dates = parts.first, dates.contains("..") else { return detail }
            var text = dates.replacingOccurrences(of: "..", with: " to ")
            let named = ["learnerNames": "learner names", "notes": "free text"]
            let opted = parts.dropFirst().compactMap { part -> String? in
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[1] == "true" else { return nil }
                return named[String(pair[0])] ?? String(pair[0])
            }
            text +=
                opted.isEmpty
                ? ", private (no learner names, no free text)" : ", with " + opted.joined(separator: " and ")
            return text
        }
    }

    var action = "/reviews"
    var coaches: [Choice]
    var form: PeriodForm
    var learnerNames: Bool
    var notes: Bool
    var notOver: String?
    var packet: Packet?
    var lines: [Line]
    var hasLines: Bool
    /// Every coach was asked for, and none coached in the period.
    var noPackets: Bool
    var downloads: [Download]
    var hasDownloads: Bool
    var madeAboutMe: [MadeAboutMe]
    var hasMadeAboutMe: Bool

    init(
        coaches: [Choice], form: PeriodForm, privacy: ReviewPrivacy, notOver: String?, packet: Packet?,
        lines: [Line]?, downloads: [Download], madeAboutMe: [MadeAboutMe]
    ) {
        self.coaches = coaches
        self.form = form
        learnerNames = privacy.learnerNames
        notes = privacy.notes
        self.notOver = notOver
        self.packet = packet
        self.lines = lines ?? []
        hasLines = !(lines ?? []).isEmpty
        noPackets = lines?.isEmpty == true
        self.downloads = downloads
        hasDownloads = !downloads.isEmpty
        self.madeAboutMe = madeAboutMe
        hasMadeAboutMe = !madeAboutMe.isEmpty
    }

    /// The value of the coach choice that asks for every coach's packet.
    static let everyCoach = "*"
}

extension ReviewView.Packet {
    /// The packet's content as the HTML packet (`ReviewHTMLRenderer`) shows it; learner names and
    /// notes only where the packet holds them (its privacy decides, not the page).
    init(_ packet: ReviewPacket) {
        name = packet.coach.name
        handle = packet.coach.handle
        var meta = [("Period", ReviewFigures.period(packet.period))]
        if let unit = packet.coach.unit { meta.append(("Unit", unit)) }
        meta.append(("Made", ReviewFigures.made(packet.generatedAt, packet.kataVersion)))
        meta.append(("Privacy", ReviewFigures.privacy(packet.privacy)))
        self.meta = meta.map { ReviewView.Meta(term: $0.0, value: $0.1) }
        purpose = packet.purpose
        emptyPeriod = packet.emptyPeriod ? ReviewFigures.emptyPeriodNote : nil
        figures = ReviewFigures.rows(packet).map {
            ReviewView.Figure(
                figure: $0.figure, label: $0.label, value: $0.value, detail: $0.detail.isBlank ? nil : $0.detail)
        }
        let chart = PracticeChart(packet)
        let charts = ReviewHTMLCharts(id: "review", width: chart.weekly.count > 16 ? 700 : 330)
        self.charts = charts.definitions
        weeklyChart = charts.weeklyBars(chart)
        heatmap = charts.heatmap(chart) + charts.heatmapLegend(chart)
        let named = packet.privacy.learnerNames
        let notes = packet.privacy.notes
        learners =
            packet.learners.isEmpty
            ? nil
            : ReviewView.Table(
                caption: "Learners coached",
                columns: ["Learner"] + (named ? ["Handle"] : []) + ["Cycles", "Last cycle"],
                rows: packet.learners.map {
                    .init(
                        head: $0.label,
                        cells: (named ? [$0.handle ?? ""] : []) + ["\($0.cycles)", $0.lastCycle.description])
                })
        let none = ReviewFigures.none
        targets =
            packet.targetConditions.isEmpty
            ? nil
            : ReviewView.Table(
                caption: "Target conditions coached",
                columns: ["Learner"] + (notes ? ["Focus process"] : []) + ["Set on", "Achieve by", "Outcome", "Cycles"]
                    + (notes ? ["Condition", "Reflection"] : []),
                rows: packet.targetConditions.map { target in
                    .init(
                        head: target.learner,
                        cells: (notes ? [target.focusProcess ?? none] : [])
                            + [
                                target.setOn.description, target.achieveBy.description,
                                ReviewFigures.outcome(
                                    status: target.status, closedOn: target.closedOn, later: target.later),
                                "\(target.cycles)",
                            ] + (notes ? [target.condition ?? none, target.reflection ?? none] : []))
                })
        observations =
            packet.observations.isEmpty
            ? nil
            : ReviewView.Table(
                caption: "2nd-coach observations",
                columns: ["Date", "Observer", "Focus point", "Trigger"] + (notes ? ["Notes"] : []),
                rows: packet.observations.map { observation in
                    .init(
                        head: observation.date.description,
                        cells: [observation.observer.name, observation.focus ?? none, observation.trigger ?? none]
                            + (notes ? [observation.notes ?? none] : []))
                })
        let own = packet.ownDevelopment
        ownSummary =
            "Received \(ReviewFigures.cycles(own.cyclesReceived)) on \(ReviewFigures.days(own.daysCoached)) in this "
            + "period"
            + (own.coaches.isEmpty
                ? "."
                : ", from "
                    + own.coaches.map { "\($0.label) (\(ReviewFigures.cycles($0.cycles)))" }
                    .joined(separator: ", ") + ".")
        ownGrowth = own.growth.map {
            ReviewView.Growth(lines: $0.lines.map { ReviewView.Growth.Line(label: $0.label, value: $0.value) })
        }
        ownTargets =
            own.targetConditions.isEmpty
            ? nil
            : ReviewView.Table(
                caption: "Own target conditions",
                columns: (notes ? ["Focus process"] : []) + ["Set on", "Achieve by", "Outcome", "Cycles"]
                    + (notes ? ["Condition", "Reflection"] : []),
                rows: own.targetConditions.map { target in
                    let outcome = ReviewFigures.outcome(
                        status: target.status, closedOn: target.closedOn, later: target.later)
                    let cells = [target.achieveBy.description, outcome, "\(target.cycles)"]
                    // The first column heads the row: the focus process when shown, else the date set.
                    return notes
                        ? .init(
                            head: target.focusProcess ?? none,
                            cells: [target.setOn.description] + cells + [
                                target.condition ?? none, target.reflection ?? none,
                            ])
                        : .init(head: target.setOn.description, cells: cells)
                })
        let asked = packet.escalationsToDecide
        escalations =
            asked.asked == 0
            ? nil
            : ReviewView.Escalations(
                summary: asked.summary,
                zeroCostHeading: "Zero-cost items unanswered after \(LossReport.zeroCostWorkdays) workdays",
                zeroCost: asked.zeroCostUnanswered.map(DeciderEscalations.words),
                hasZeroCost: !asked.zeroCostUnanswered.isEmpty)
        definitions = packet.definitions
        footer =
            "\(ReviewFigures.period(packet.period)) · made \(ReviewFigures.made(packet.generatedAt, packet.kataVersion))"
            + " · format \(packet.format). \(packet.purpose)"
    }
}

extension ReviewView.Line {
    init(_ packet: ReviewPacket, query: String) {
        let p = packet.practice
        handle = packet.coach.handle
        name = packet.coach.name
        unit = packet.coach.unit
        link = "/reviews?coach=\(Self.encoded(packet.coach.handle))&\(query)"
        cycles = p.cycles
        coachedDays = p.coachedDays
        workdays = p.workdays
        cadence = p.workdays == 0 ? ReviewFigures.none : ReviewFigures.percent(p.cadence)
        observations = p.observations
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? text
    }
}
