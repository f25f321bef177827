import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataStore
import Mustache

/// What the Practice template shows: the period's form, one row per coach with the §6 figures as
/// text and their strip of coached days, the roll-up, and the learners left longest.
struct PracticeView {
    struct Row {
        var coach: String
        var name: String
        var unit: String?
        var link: String
        var cycles: Int
        var coached: String
        var cadence: String
        var below: Bool
        var longestStreak: Int
        var currentStreak: Int
        var longestGap: Int
        var lastCycle: String
        var daysSinceLastCycle: String
        var averageMinutes: String
        var cyclesOver20Minutes: Int
        var predictionRate: String
        var observations: Int
        /// Inline SVG made by `CoachedDaysStrip`, which writes only numbers into it.
        var strip: String
    }

    struct Group {
        var name: String
        var coaches: Int
        var cycles: Int
        var meanCadence: String
        var coachesBelow: Int
    }

    var heading: String
    var notOver: String?
    var summary: String
    var form: PeriodForm
    var rows: [Row]
    var empty: String?
    var groupHeading: String?
    var groupColumn: String
    var groups: [Group]
    var belowLabel: String
    var left: LeftLongestView
    // Stored, not computed: templates see stored properties only.
    var hasRows: Bool
    var hasGroups: Bool

    init(_ answer: PracticeAnswer, choice: PracticePeriod, grouping: PracticeGrouping?, below: Int?, workweek: Int) {
        let report = answer.report
        let threshold = Double(below ?? PracticePage.defaultBelow) / 100
        heading = "Practice from \(report.from) to \(report.to)"
        notOver = report.until.map(Period.notOverSentence(until:))
        form = PeriodForm(action: "/practice", choice: choice, grouping: grouping, below: below)
        let shown = report.coaches.filter { below == nil || ($0.workdays > 0 && $0.cadence < threshold) }
        let coaches = Self.count(report.coaches.count, "coach", "coaches")
        summary =
            below == nil
            ? "\(coaches), by handle."
            : "\(Self.count(shown.count, "coach", "coaches")) of \(coaches) below \(Self.percent(threshold)) of their workdays, by handle."
        rows = shown.map { coach in
            Row(
                coach: coach.coach, name: coach.name, unit: coach.unit,
                link: "/coaches/\(coach.coach)?\(choice.query)", cycles: coach.cycles,
                coached: "\(coach.coachedDays)/\(coach.workdays)",
                cadence: coach.workdays == 0 ? Self.none : Self.percent(coach.cadence),
                below: coach.workdays > 0 && coach.cadence < threshold, longestStreak: coach.longestStreak,
                currentStreak: coach.currentStreak, longestGap: coach.longestGap,
                lastCycle: coach.lastCycle?.description ?? Self.none,
                daysSinceLastCycle: coach.daysSinceLastCycle?.description ?? Self.none,
                averageMinutes: coach.averageMinutes.map(CSVNumber.minutes) ?? Self.none,
                cyclesOver20Minutes: coach.cyclesOver20Minutes,
                predictionRate: coach.predictionRate.map(Self.percent) ?? Self.none, observations: coach.observations,
                strip: CoachedDaysStrip.svg(coach.weekly, workweek: workweek))
        }
        hasRows = !rows.isEmpty
        if report.coaches.isEmpty {
            empty =
                "No coaching that you may see from \(report.from) to \(report.countedTo): nobody was coach in a "
                + "pairing then or logged a cycle."
        } else if rows.isEmpty {
            empty = "No coach is below \(Self.percent(threshold)) of their workdays in this period."
        }
        belowLabel = "below \(Self.percent(threshold))"
        groupColumn = grouping == .secondCoach ? "2nd coach" : "Unit"
        groupHeading = grouping.map { $0 == .unit ? "By unit" : "By 2nd coach" }
        groups = (answer.groups ?? []).map { group in
            Group(
                name: group.group ?? (grouping == .unit ? "(no unit)" : "(none)"), coaches: group.coaches,
                cycles: group.cycles, meanCadence: group.meanCadence.map(Self.percent) ?? Self.none,
                coachesBelow: group.coachesBelow)
        }
        hasGroups = !groups.isEmpty
        left = LeftLongestView(answer.learnersLeftLongest, countedTo: report.countedTo, query: choice.query)
    }

    /// Shown for a figure without a value.
    static let none = "—"

    /// A fraction as a whole percentage, as `kata practice` writes it: `0.8923` → `89%`.
    static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    /// `1 coach`, `3 coaches`.
    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }
}

/// The learners left without coaching longest at the end of a period, as `kata practice` lists them.
struct LeftLongestView {
    struct Learner {
        var learner: String
        var name: String
        var coach: String
        var coachLink: String
        var lastCycle: String
        var days: String
    }

    var heading: String
    var learners: [Learner]
    var hasLearners: Bool

    init(_ learners: [UncoachedLearner], countedTo: Day, query: String) {
        heading = "Learners left without coaching longest (pairings in force on \(countedTo))"
        self.learners = learners.map {
            Learner(
                learner: $0.learner, name: $0.name, coach: $0.coach, coachLink: "/coaches/\($0.coach)?\(query)",
                lastCycle: $0.lastCycle?.description ?? "never",
                days: $0.daysSinceLastCycle?.description ?? PracticeView.none)
        }
        hasLearners = !learners.isEmpty
    }
}

/// The form that picks a page's period (and, on Practice, its roll-up and cadence filter).
struct PeriodForm {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    var action: String
    var options: [PracticePeriod.Option]
    var from: String
    var to: String
    /// The roll-up and filter fields, on Practice only.
    var filters: Bool
    var groupOptions: [Option]
    var below: String

    init(
        action: String, choice: PracticePeriod, grouping: PracticeGrouping? = nil, below: Int? = nil,
        filters: Bool = true
    ) {
        self.action = action
        options = choice.options
        from = choice.period.from.description
        to = choice.period.to.description
        self.filters = filters
        groupOptions = [("", "None"), ("unit", "By unit"), ("second-coach", "By 2nd coach")].map {
            Option(value: $0.0, label: $0.1, selected: $0.0 == (grouping?.rawValue ?? ""))
        }
        self.below = below.map(String.init) ?? ""
    }
}

/// A row's values by the names the template uses, read without `Mirror`: the practice table of
/// 2,000 coaches asks for 17 values of each row, and reflection took half the page's time.
extension PracticeView.Row: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "coach": coach
        case "name": name
        case "unit": unit as Any
        case "link": link
        case "cycles": cycles
        case "coached": coached
        case "cadence": cadence
        case "below": below
        case "longestStreak": longestStreak
        case "currentStreak": currentStreak
        case "longestGap": longestGap
        case "lastCycle": lastCycle
        case "daysSinceLastCycle": daysSinceLastCycle
        case "averageMinutes": averageMinutes
        case "cyclesOver20Minutes": cyclesOver20Minutes
        case "predictionRate": predictionRate
        case "observations": observations
        case "strip": strip
        default: nil
        }
    }
}
