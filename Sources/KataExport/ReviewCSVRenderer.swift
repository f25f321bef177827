import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes review packets as one CSV table with a row per coach and every scalar figure as a column.
///
/// RFC 4180 through `CSVTable`, CRLF line ends, UTF-8 with a byte-order mark so that spreadsheets
/// read names with accents right. Text cells that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading apostrophe, even when they
/// look like a number (`+1` as a name stays the text `+1`); the figures stay numbers, shares
/// rounded to four decimal places and minutes to one (`CSVNumber`; the JSON keeps them whole).
public enum ReviewCSVRenderer {
    /// The columns, in order.
    public static let columns = [
        "format", "coach", "name", "unit", "from", "to", "until", "generatedAt", "kataVersion", "emptyPeriod", "cycles",
        "learners", "workdays", "coachedDays", "cadence", "longestStreak", "currentStreak", "longestGap", "lastCycle",
        "daysSinceLastCycle", "averageMinutes", "cyclesOver20Minutes", "predictionRate", "observations",
        "targetConditions", "targetConditionsActive", "targetConditionsAchieved", "targetConditionsMissed",
        "targetConditionsDropped", "cyclesReceived", "daysCoachedAsLearner", "ownTargetConditions",
        "ownExperimentsRun", "ownSurprisesAnswered", "ownSurprises", "ownSurpriseShare", "ownMedianGoSeeLag",
        "ownTargetsClosed", "ownTargetsClosedWithReflection", "escalationsAsked", "escalationsAnswered",
        "escalationsUnanswered", "escalationsMedianDaysWaiting", "escalationsOldestDaysWaiting",
        "zeroCostUnanswered", "learnerNames", "notes", "privacy", "purpose",
    ]

    /// The table of `packets`, one row each, starting with a byte-order mark.
    public static func render(_ packets: [ReviewPacket]) -> String {
        "\u{FEFF}" + CSVTable(header: columns, rows: packets.map(row)).render()
    }

    /// One packet's row.
    static func row(_ packet: ReviewPacket) -> [String] {
        let p = packet.practice
        let counts = Dictionary(uniqueKeysWithValues: ReviewFigures.statusCounts(packet).map { ($0.status, $0.count) })
        return [
            packet.format, text(packet.coach.handle), text(packet.coach.name), text(packet.coach.unit ?? ""),
            packet.period.from.description, packet.period.to.description, packet.period.until?.description ?? "",
            packet.generatedAt,
            text(packet.kataVersion), "\(packet.emptyPeriod)", "\(p.cycles)", "\(p.learners)", "\(p.workdays)",
            "\(p.coachedDays)", CSVNumber.share(p.cadence), "\(p.longestStreak)", "\(p.currentStreak)",
            "\(p.longestGap)",
            p.lastCycle?.description ?? "", p.daysSinceLastCycle.map(String.init) ?? "",
            p.averageMinutes.map(CSVNumber.minutes) ?? "", "\(p.cyclesOver20Minutes)",
            p.predictionRate.map(CSVNumber.share) ?? "",
            "\(p.observations)", "\(packet.targetConditions.count)", "\(counts["active", default: 0])",
            "\(counts["achieved", default: 0])", "\(counts["missed", default: 0])", "\(counts["dropped", default: 0])",
            "\(packet.ownDevelopment.cyclesReceived)", "\(packet.ownDevelopment.daysCoached)",
            "\(packet.ownDevelopment.targetConditions.count)",
        ] + growth(packet.ownDevelopment.growth) + escalations(packet.escalationsToDecide) + [
            "\(packet.privacy.learnerNames)",
            "\(packet.privacy.notes)", packet.privacy.statement, packet.purpose,
        ]
    }

    /// The coach's own growth figures as a learner; empty cells when not known.
    static func growth(_ growth: LearnerGrowth?) -> [String] {
        guard let growth else { return Array(repeating: "", count: 7) }
        return [
            "\(growth.experimentsRun)", "\(growth.answered)", "\(growth.surprised)",
            growth.surpriseShare.map(CSVNumber.share) ?? "", growth.medianGoSeeLag.map(CSVNumber.minutes) ?? "",
            "\(growth.targetsClosed)", "\(growth.targetsClosedWithReflection)",
        ]
    }

    /// The escalations the person was asked to decide: counts and days, no learner.
    static func escalations(_ asked: DeciderEscalations) -> [String] {
        [
            "\(asked.asked)", "\(asked.answered)", "\(asked.unanswered)",
            asked.medianDaysWaiting.map(CSVNumber.minutes) ?? "", asked.oldestDaysWaiting.map(String.init) ?? "",
            "\(asked.zeroCostUnanswered.count)",
        ]
    }

    /// A text cell, defused when a spreadsheet would run it, numbers included.
    static func text(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + cell
        default: return cell
        }
    }
}
