import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataSQLite
import KataStore

/// `--by unit|second-coach`.
enum PracticeGroupingOption: String, ExpressibleByArgument, CaseIterable {
    case unit
    case secondCoach = "second-coach"

    var grouping: PracticeGrouping {
        switch self {
        case .unit: return .unit
        case .secondCoach: return .secondCoach
        }
    }
}

struct PracticeCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Show how regularly each coach coaches: cadence, streaks and gaps (coach the coaches).",
        discussion: """
            For each coach over the period: cycles, coached days of the workdays in their active span \
            (from their first pairing as coach to the last one's end), cadence (coached days / workdays), \
            the longest and current streak of coached workdays, the longest gap, days since the last cycle, \
            the share of steps planned with a prediction, and 2nd-coach observations. Cycles on weekends \
            and holidays count as cycles, not as coached days. Coaches are sorted by handle: the figures \
            describe practice, they do not rank people.

            The period defaults to the last four full weeks. --format json prints the document of DESIGN \
            section 6 (with --by, the roll-up too); csv has one row per coach, or per group with --by.

            Examples:
              kata practice --period 2026-Q3
              kata practice --unit Assembly --by second-coach --below 0.6
              kata practice --coach ann --calendar --period 2026
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var format: FormatOptions

    @Option(parsing: .unconditional, help: "Only this coach.") var coach: String?
    @Option(parsing: .unconditional, help: "Only the coaches of this unit.") var unit: String?
    @Option(parsing: .unconditional, help: "Only the coaches this 2nd coach oversees in pairings during the period.")
    var secondCoach: String?
    @Option(parsing: .unconditional, help: "Roll the coaches up by unit or by second-coach.") var by:
        PracticeGroupingOption?
    @Option(
        parsing: .unconditional,
        help: "Flag a cadence below this share of workdays (60, 60% or 0.6) and count it in the roll-ups.")
    var below = "60%"
    @Flag(help: "With --coach: draw a calendar heatmap of the coach's coached days.") var calendar = false

    func run(in context: CommandContext) async throws {
        let below = try PracticeThreshold.parse(below)
        if calendar {
            guard coach != nil else { throw KataError.usage("--calendar draws one coach's days; add --coach HANDLE.") }
            guard format.format == .text else {
                throw KataError.usage("--calendar draws in the terminal; leave out --format or use --format text.")
            }
        }
        let filter = PracticeFilter(
            coach: try coach.map { try KataCLI.handle($0, "--coach") }, unit: unit.nonBlank,
            secondCoach: try secondCoach.map { try KataCLI.handle($0, "--second-coach") })
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let period = try period.resolve(today: today, fallback: Period.lastFullWeeks(4, before: today))
        let answer = try await store.practice(
            PracticeRequest(
                period: period, filter: filter, today: today, includeDailyCycles: calendar, grouping: by?.grouping,
                below: below, learnersLeftLongest: format.format == .text && !calendar))
        let report = answer.report
        let groups = answer.groups
        switch format.format {
        case .json:
            context.output.write(PracticeJSON.document(report, by: by?.rawValue, groups: groups))
        case .csv:
            context.output.write(groups.map { PracticeCSV.groups($0, of: report) } ?? PracticeCSV.coaches(report))
        case .text:
            let style = TerminalStyle(enabled: context.usesColour)
            let view = PracticeTextView(report: report, threshold: below, style: style)
            guard !report.coaches.isEmpty else {
                context.output.write(view.nobodyListed(filter))
                return
            }
            if calendar, let summary = report.coaches.first {
                let workCalendar = try await store.settings().calendar
                context.output.write(
                    PracticeCalendarView(
                        summary: summary, period: period, until: report.until, calendar: workCalendar, style: style
                    ).text)
                return
            }
            context.output.write(view.table())
            if let groups, let by {
                context.output.write(view.rollup(groups, by: by))
            }
            context.output.write(view.learnersLeftLongest(answer.learnersLeftLongest))
        }
    }
}

/// The JSON document: the report of DESIGN §6, with the roll-up when `--by` asks for one.
///
/// Its `Encodable` form is the reference `PracticeJSON` is checked against.
struct PracticeDocument: Encodable {
    var report: PracticeReport
    var by: PracticeGroupingOption?
    var groups: [PracticeGroup]?

    enum CodingKeys: String, CodingKey {
        case from, to, until, coaches, by, groups
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(report.from, forKey: .from)
        try c.encode(report.to, forKey: .to)
        try c.encodeIfPresent(report.until, forKey: .until)
        try c.encode(report.coaches, forKey: .coaches)
        try c.encodeIfPresent(by?.rawValue, forKey: .by)
        try c.encodeIfPresent(groups, forKey: .groups)
    }
}

/// The CSV forms: one row per coach with every scalar figure, or one row per group.
///
/// `until` is the day a period reaching past today was counted to, empty when it was not cut;
/// shares are rounded to four decimal places and minutes to one (`CSVNumber`).
enum PracticeCSV {
    static let coachColumns = [
        "from", "to", "until", "coach", "name", "unit", "cycles", "learners", "workdays", "coachedDays", "cadence",
        "longestStreak", "currentStreak", "longestGap", "lastCycle", "daysSinceLastCycle", "averageMinutes",
        "cyclesOver20Minutes", "predictionRate", "observations",
    ]

    static func coaches(_ report: PracticeReport) -> String {
        Listing(columns: coachColumns, rows: report.coaches.map { row($0, of: report) }).csv()
    }

    static func row(_ coach: PracticeSummary, of report: PracticeReport) -> [String] {
        var cells = period(report) + [coach.coach, coach.name, coach.unit.orEmpty]
        cells += [coach.cycles, coach.learners, coach.workdays, coach.coachedDays].map(\.description)
        cells.append(CSVNumber.share(coach.cadence))
        cells += [coach.longestStreak, coach.currentStreak, coach.longestGap].map(\.description)
        cells.append(coach.lastCycle?.description ?? "")
        cells.append(coach.daysSinceLastCycle?.description ?? "")
        cells.append(coach.averageMinutes.map(CSVNumber.minutes) ?? "")
        cells.append(coach.cyclesOver20Minutes.description)
        cells.append(coach.predictionRate.map(CSVNumber.share) ?? "")
        cells.append(coach.observations.description)
        return cells
    }

    static func groups(_ groups: [PracticeGroup], of report: PracticeReport) -> String {
        Listing(
            columns: ["from", "to", "until", "group", "coaches", "cycles", "meanCadence", "coachesBelow"],
            rows: groups.map { group in
                period(report) + [
                    group.group.orEmpty, group.coaches.description, group.cycles.description,
                    group.meanCadence.map(CSVNumber.share) ?? "", group.coachesBelow.description,
                ]
            }
        ).csv()
    }

    /// The first cells of every row: the period asked for and the day it was counted to.
    static func period(_ report: PracticeReport) -> [String] {
        [report.from.description, report.to.description, report.until?.description ?? ""]
    }
}
