import GRDB
import ImprovementKata
import KataSQLite
import KataStore

extension SQLiteStore {
    /// The longest period a practice report covers, in days: ten years.
    ///
    /// A report holds a count for every day and every ISO week of the period for each coach, so a
    /// mistyped year (`--from 0001-01-01`) would otherwise take gigabytes of memory on a large
    /// organisation and end the process.
    public static let longestPracticePeriod = 3_660

    /// How regularly each coach coached over `asked`: the figures of DESIGN §6 for everyone who
    /// is coach in a pairing overlapping the period or logged a cycle in it, sorted by handle.
    ///
    /// The figures come from aggregate queries (cycles per coach and day, per coach) and a walk
    /// over each coach's days; the cycles themselves are never loaded.
    ///
    /// ```swift
    /// let report = try store.practiceReport(for: try Period(parsing: "2026-Q3"), filter: PracticeFilter(unit: "Assembly"))
    /// report.coaches.map(\.cadence)
    /// ```
    ///
    /// - Parameters:
    ///   - today: the day it is; a period reaching past it is counted only up to it (DESIGN §6), and
    ///     the report says so in `until`. Nil counts the whole period.
    ///   - includeDailyCycles: whether to fill each summary's `dailyCycles` (for calendars); a
    ///     report that is only printed as figures saves building it.
    /// - Throws: `KataError.unknown` when the filter names a coach, 2nd coach or unit nobody has;
    ///   `KataError.invalidValue` for a period longer than `longestPracticePeriod` or one that starts
    ///   after `today`.
    public func practiceReport(
        for asked: Period, filter: PracticeFilter = PracticeFilter(), today: Day? = nil, includeDailyCycles: Bool = true
    ) throws -> PracticeReport {
        guard asked.length <= SQLiteStore.longestPracticePeriod else {
            throw KataError.invalidValue(
                field: "period", value: "\(asked.from) to \(asked.to)",
                expected: "a period of at most ten years (3,660 days); give a shorter --period or --from and --to")
        }
        let period = try today.map { try asked.counted(upTo: $0) } ?? asked
        let calendar = try settings().calendar
        let pairings = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pairing") ?? 0 }
        let parallel =
            pairings * period.length >= PracticeParallelRead.threshold
            ? try PracticeParallelRead.inputs(store: self, period: period, filter: filter) : nil
        let inputs =
            try parallel
            ?? read { db in
                try requireFilterExists(filter, db)
                return try PracticeQuery.inputs(db, period: period, filter: filter, scope: practiceScope)
            }
        let calculator = PracticeCalculator(period: period, calendar: calendar)
        return PracticeReport(
            from: asked.from, to: asked.to, until: period == asked ? nil : period.to,
            coaches: inputs.map {
                SQLiteStore.summary(of: $0, calculator: calculator, includeDailyCycles: includeDailyCycles)
            })
    }

    static func summary(of input: CoachPracticeInput, calculator: PracticeCalculator, includeDailyCycles: Bool)
        -> PracticeSummary
    {
        let figures = calculator.figures(counts: input.dailyCycles, span: input.span)
        let period = calculator.period
        var daily: [Day: Int] = [:]
        if includeDailyCycles {
            daily.reserveCapacity(figures.cycles)
            for (offset, count) in input.dailyCycles.enumerated() where count > 0 {
                daily[period.from.adding(days: offset)] = count
            }
        }
        let predicted = input.plannedSteps - input.stepsWithoutPrediction
        return PracticeSummary(
            coach: input.coach, name: input.name, unit: input.unit, cycles: figures.cycles, learners: input.learners,
            workdays: figures.workdays, coachedDays: figures.coachedDays, cadence: figures.cadence,
            longestStreak: figures.longestStreak, currentStreak: figures.currentStreak, longestGap: figures.longestGap,
            lastCycle: input.lastCycle, daysSinceLastCycle: input.lastCycle.map { $0.days(to: period.to) },
            averageMinutes: input.minutesRecorded == 0
                ? nil : Double(input.minutesTotal) / Double(input.minutesRecorded),
            cyclesOver20Minutes: input.cyclesOver20Minutes,
            predictionRate: input.plannedSteps == 0 ? nil : Double(predicted) / Double(input.plannedSteps),
            observations: input.observations, weekly: figures.weekly, dailyCycles: daily, activeSpan: input.span)
    }
}
