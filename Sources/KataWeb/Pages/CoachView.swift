import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataStore

/// What a coach's page shows: the period's form, the §6 figures with their definitions, the
/// charts of the HR packet, the learners left longest, the observations and their form.
struct CoachView {
    struct Figure {
        var figure: String
        var label: String
        var value: String
        var definition: String
    }

    struct ObservationRow {
        var date: String
        var secondCoach: String
        var notes: String?
        var focus: String?
        var trigger: String?
    }

    var handle: String
    var name: String
    var unit: String?
    var heading: String
    var notOver: String?
    var form: PeriodForm
    var practiceLink: String
    var empty: String?
    var figures: [Figure]
    /// The inline SVG of `ReviewHTMLCharts`, which escapes every text it draws.
    var charts: String?
    var weeklyChart: String
    var heatmap: String
    var left: LeftLongestView
    var observations: [ObservationRow]
    var showsObservations: Bool
    var hasObservations: Bool
    var observe: ObserveView?
    var hasFigures: Bool

    init(
        person: Person, answer: PracticeAnswer, calendar: WorkCalendar, choice: PracticePeriod,
        observations: [Observation]?, observe: ObserveView?
    ) {
        let report = answer.report
        let handle = person.handle.rawValue
        self.handle = handle
        name = person.name
        unit = person.unit
        heading = "from \(report.from) to \(report.to)"
        notOver = report.until.map(Period.notOverSentence(until:))
        form = PeriodForm(action: "/coaches/\(handle)", choice: choice, filters: false)
        practiceLink = "/practice?\(choice.query)"
        let summary = report.coaches.first { $0.coach == handle }
        if let summary {
            figures = Self.figures(summary)
            let chart = PracticeChart(summary: summary, report: report, calendar: calendar)
            let charts = ReviewHTMLCharts(id: "coach", width: summary.weekly.count > 16 ? 700 : 330)
            self.charts = charts.definitions
            weeklyChart = charts.weeklyBars(chart)
            heatmap = charts.heatmap(chart) + charts.heatmapLegend(chart)
        } else {
            empty =
                "No coaching by \(handle) from \(report.from) to \(report.countedTo): \(handle) was coach in no "
                + "pairing then and logged no cycle."
            figures = []
            weeklyChart = ""
            heatmap = ""
        }
        hasFigures = !figures.isEmpty
        left = LeftLongestView(answer.learnersLeftLongest, countedTo: report.countedTo, query: choice.query)
        self.observations = (observations ?? []).sorted { $0.date < $1.date }.map {
            ObservationRow(
                date: $0.date.description, secondCoach: $0.secondCoach.rawValue, notes: $0.notes.nonBlank,
                focus: $0.focus.nonBlank, trigger: $0.trigger.nonBlank)
        }
        showsObservations = observations != nil
        hasObservations = !self.observations.isEmpty
        self.observe = observe
    }

    /// The scalar figures of DESIGN §6 in the order and with the labels and definitions of the HR
    /// packet, each value as the Practice table writes it.
    static func figures(_ p: PracticeSummary) -> [Figure] {
        let none = PracticeView.none
        let values: [String: String] = [
            "workdays": "\(p.workdays)", "cycles": "\(p.cycles)", "learners": "\(p.learners)",
            "coachedDays": "\(p.coachedDays)", "cadence": p.workdays == 0 ? none : PracticeView.percent(p.cadence),
            "longestStreak": "\(p.longestStreak)", "currentStreak": "\(p.currentStreak)",
            "longestGap": "\(p.longestGap)", "lastCycle": p.lastCycle?.description ?? none,
            "daysSinceLastCycle": p.daysSinceLastCycle?.description ?? none,
            "averageMinutes": p.averageMinutes.map(CSVNumber.minutes) ?? none,
            "cyclesOver20Minutes": "\(p.cyclesOver20Minutes)",
            "predictionRate": p.predictionRate.map(PracticeView.percent) ?? none, "observations": "\(p.observations)",
        ]
        return FigureDefinition.all.compactMap { definition in
            values[definition.figure].map {
                Figure(
                    figure: definition.figure, label: definition.label, value: $0, definition: definition.definition)
            }
        }
    }
}

/// The Record an observation form, with what was typed and each message next to its field.
struct ObserveView {
    struct CycleChoice {
        var id: String
        var label: String
        var selected: Bool
    }

    var action: String
    var csrf: String
    var formError: String?
    var date: FormField
    var cycles: [CycleChoice]
    var cycleError: String?
    var notes: FormField
    var focus: FormField
    var trigger: FormField

    init(
        coach: Handle, choice: PracticePeriod, form: ObservationForm, csrf: String, today: Day,
        cycles: [CoachingCycle], errors: FieldErrors
    ) {
        action = "/coaches/\(coach)/observations?\(choice.query)"
        self.csrf = csrf
        let known: Set<String> = ["date", "cycle", "notes", "focus", "trigger"]
        let general =
            errors.general + errors.byField.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        formError = general.isEmpty ? nil : general.joined(separator: " ")
        func field(_ name: String, _ label: String, _ value: String?, hint: String? = nil) -> FormField {
            FormField(name: name, label: label, value: value ?? "", error: errors[name], hint: hint)
        }
        date = field("date", "Date observed", form.date ?? today.description)
        date.type = "date"
        let picked = (form.cycle ?? "").lowercased()
        self.cycles = cycles.map {
            let id = $0.id.uuidString.lowercased()
            return CycleChoice(id: id, label: "\($0.date) with \($0.learner)", selected: id == picked)
        }
        cycleError = errors["cycle"]
        notes = field("notes", "What was observed", form.notes)
        focus = field("focus", "One focus point for \(coach)", form.focus)
        trigger = field("trigger", "Trigger: when to apply it", form.trigger)
    }
}
