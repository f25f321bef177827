import Foundation

/// What one figure of a review packet means.
public struct FigureDefinition: Codable, Sendable, Equatable {
    /// The figure's name as in the JSON (`cadence`).
    public var figure: String
    /// A short label for people (`Cadence`).
    public var label: String
    /// The definition, in the words of DESIGN §6.
    public var definition: String

    public init(figure: String, label: String, definition: String) {
        self.figure = figure
        self.label = label
        self.definition = definition
    }
}

extension FigureDefinition {
    /// The definitions every packet carries, in the order the figures are shown.
    public static let all: [FigureDefinition] =
        [
            FigureDefinition(
                figure: "workdays", label: "Workdays",
                definition:
                    "Days of the period in the workweek and not holidays, restricted to the coach's active span: "
                    + "from the earliest start of their pairings as coach (with no pairing: their first ever cycle) "
                    + "to the latest end of those pairings (open while any pairing is open). Every streak and gap "
                    + "figure counts only these workdays. A period that reaches past the day the packet was made is "
                    + "counted only up to that day: the days still to come count for nothing."),
            FigureDefinition(
                figure: "cycles", label: "Coaching cycles",
                definition: "Cycles by the coach dated in the period (any day, workday or not)."),
            FigureDefinition(figure: "learners", label: "Learners", definition: "Distinct learners in those cycles."),
            FigureDefinition(
                figure: "coachedDays", label: "Coached days",
                definition: "Distinct workdays (as above) with at least one of those cycles."),
            FigureDefinition(
                figure: "cadence", label: "Cadence",
                definition: "Coached days divided by workdays; 0 when there are no workdays."),
            FigureDefinition(
                figure: "longestStreak", label: "Longest streak",
                definition: "The longest run of consecutive workdays, each with a cycle."),
            FigureDefinition(
                figure: "currentStreak", label: "Current streak",
                definition:
                    "Consecutive workdays with a cycle, counted back from the last workday on or before the end of the "
                    + "period; if that day has no cycle, counted back from the workday before it (the day may not be "
                    + "over). It does not reach back before the start of the period."),
            FigureDefinition(
                figure: "longestGap", label: "Longest gap",
                definition: "The longest run of consecutive workdays without a cycle."),
            FigureDefinition(
                figure: "lastCycle", label: "Last cycle",
                definition:
                    "The date of the coach's latest cycle on or before the end of the period (any history); "
                    + "empty without one."),
            FigureDefinition(
                figure: "daysSinceLastCycle", label: "Days since last cycle",
                definition: "Calendar days from the last cycle to the end of the period; empty without one."),
            FigureDefinition(
                figure: "averageMinutes", label: "Average minutes",
                definition: "Mean minutes of those cycles that recorded minutes; empty if none did."),
            FigureDefinition(
                figure: "cyclesOver20Minutes", label: "Cycles over 20 minutes",
                definition: "How many of those cycles recorded more than 20 minutes (Rother: 20 minutes or less)."),
            FigureDefinition(
                figure: "predictionRate", label: "Prediction rate",
                definition:
                    "Of the experiments planned in those cycles, the share with a written expectation (whitespace "
                    + "alone counts as none); empty when none was planned."),
            FigureDefinition(
                figure: "observations", label: "Observations",
                definition: "2nd-coach observations of this coach dated in the period."),
            FigureDefinition(
                figure: "weekly", label: "Weekly trend",
                definition:
                    "For every ISO week (Monday first) that meets the period, in order: cycles and coached days, "
                    + "counting only days inside the period."),
            FigureDefinition(
                figure: "dailyCycles", label: "Calendar of coached days",
                definition: "Cycles by the coach on each day of the period; days without a cycle are not listed."),
            FigureDefinition(
                figure: "targetConditions", label: "Target conditions coached",
                definition:
                    "Target conditions that the coach's cycles in the period worked on, with their status at the end "
                    + "of the period (active, achieved, missed or dropped) and the day each ended; an outcome after the "
                    + "period is shown as later, so that a packet for a past period reads the same whenever it is made."
            ),
            FigureDefinition(
                figure: "cyclesReceived", label: "Cycles received",
                definition: "Coaching cycles in the period in which the coach was the learner, from any coach."),
            FigureDefinition(
                figure: "ownTargetConditions", label: "Own target conditions",
                definition: "The coach's own target conditions as a learner that were active on some day of the period."
            ),
        ] + LearnerGrowth.definitions
}
