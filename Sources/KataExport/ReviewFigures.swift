import CoachTheCoaches
import Foundation
import ImprovementKata

/// The words and numbers every review renderer shows, so that the formats say the same thing.
public enum ReviewFigures {
    /// One row of the practice figures: the definition's label, the value as shown, and a detail.
    public struct Row: Sendable {
        public var figure: String
        public var label: String
        public var value: String
        public var detail: String
    }

    /// The practice figures of a packet in the order of the definitions.
    public static func rows(_ packet: ReviewPacket) -> [Row] {
        let p = packet.practice
        let values: [String: (String, String)] = [
            "workdays": ("\(p.workdays)", "in the coach's active span"),
            "cycles": ("\(p.cycles)", ""),
            "learners": ("\(p.learners)", ""),
            "coachedDays": ("\(p.coachedDays)", "of \(p.workdays) workdays"),
            "cadence": (percent(p.cadence), "coached days ÷ workdays"),
            "longestStreak": (days(p.longestStreak), "consecutive coached workdays"),
            "currentStreak": (days(p.currentStreak), "up to the end of the period"),
            "longestGap": (days(p.longestGap), "consecutive workdays without a cycle"),
            "lastCycle": (p.lastCycle?.description ?? none, ""),
            "daysSinceLastCycle": (p.daysSinceLastCycle.map(days) ?? none, "to the end of the period"),
            "averageMinutes": (p.averageMinutes.map(minutes) ?? none, "per cycle that recorded minutes"),
            "cyclesOver20Minutes": ("\(p.cyclesOver20Minutes)", "of \(p.cycles) cycles"),
            "predictionRate": (p.predictionRate.map(percent) ?? none, "of planned steps had an expectation"),
            "observations": ("\(p.observations)", "by a 2nd coach"),
        ]
        return FigureDefinition.all.compactMap { definition in
            guard let (value, detail) = values[definition.figure] else { return nil }
            return Row(figure: definition.figure, label: definition.label, value: value, detail: detail)
        }
    }

    /// Shown for a figure without a value.
    public static let none = "–"

    /// A fraction as a whole percentage: `0.8923` → `89%`.
    public static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    /// Minutes with one decimal: `17.5 min`.
    public static func minutes(_ value: Double) -> String {
        String(format: "%.1f min", value)
    }

    /// `1 day`, `3 days`.
    public static func days(_ count: Int) -> String {
        count == 1 ? "1 day" : "\(count) days"
    }

    /// `1 cycle`, `3 cycles`.
    public static func cycles(_ count: Int) -> String {
        count == 1 ? "1 cycle" : "\(count) cycles"
    }

    /// The period as people write it: `2026-07-01 to 2026-09-30`, and `2026-10-01 to 2026-12-31,
    /// counted to 2026-12-02, the period is not over` when it was cut at the day the packet was made.
    public static func period(_ packetPeriod: ReviewPeriod) -> String {
        let dates = "\(packetPeriod.from) to \(packetPeriod.to)"
        guard let until = packetPeriod.until else { return dates }
        return dates + ", " + Period.notOverNote(until: until)
    }

    /// When and by what the packet was made: `2026-12-01 09:00 UTC by kata 0.1.0`.
    public static func made(_ generatedAt: String, _ version: String) -> String {
        let readable = generatedAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
        let trimmed = readable.count > 20 ? String(readable.prefix(16)) + " UTC" : readable
        return "\(trimmed) by kata \(version)"
    }

    /// What the packet holds and what needs a flag (the statement of `ReviewPrivacy`).
    public static func privacy(_ privacy: ReviewPrivacy) -> String {
        privacy.statement
    }

    /// The status of a target condition at the end of the period with the day it ended, and a
    /// later outcome marked as later: `achieved on 2026-08-14`, `active; achieved 2026-10-09, after
    /// the period`.
    public static func outcome(status: String, closedOn: Day?, later: LaterOutcome?) -> String {
        let atEnd = closedOn.map { "\(status) on \($0)" } ?? status
        guard let later else { return atEnd }
        return atEnd + "; \(later.status) \(later.closedOn), after the period"
    }

    /// How a period without activity is described.
    public static let emptyPeriodNote =
        "No coaching activity in this period: no cycles given or received and no 2nd-coach observations."

    /// Target conditions coached, by status, in a fixed order.
    public static func statusCounts(_ packet: ReviewPacket) -> [(status: String, count: Int)] {
        ["active", "achieved", "missed", "dropped"].map { status in
            (status, packet.targetConditions.filter { $0.status == status }.count)
        }
    }
}
