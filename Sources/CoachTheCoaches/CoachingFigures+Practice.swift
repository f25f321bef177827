import ImprovementKata
import KataStore

extension CoachingFigures {
    /// How regularly each coach coached over `asked`: the figures of DESIGN §6 for everyone who
    /// is coach in a pairing overlapping the period or logged a cycle in it, sorted by handle.
    ///
    /// The source fetches per coach the cycles per day and the counts of the period; the figures
    /// come from a walk over each coach's days.
    ///
    /// ```swift
    /// let report = try await CoachingFigures(store).practiceReport(
    ///     for: try Period(parsing: "2026-Q3"), filter: PracticeFilter(unit: "Assembly"))
    /// report.coaches.map(\.cadence)
    /// ```
    ///
    /// - Parameters:
    ///   - today: the day it is; a period reaching past it is counted only up to it (DESIGN §6), and
    ///     the report says so in `until`. Nil counts the whole period.
    ///   - includeDailyCycles: whether to fill each summary's `dailyCycles` (for calendars); a
    ///     report that is only printed as figures saves building it.
    /// - Throws: `KataError.unknown` when the filter names a coach, 2nd coach or unit nobody has;
    ///   `KataError.invalidValue` for a period longer than `PracticeReport.longestPeriod` or one that
    ///   starts after `today`.
    public func practiceReport(
        for asked: Period, filter: PracticeFilter = PracticeFilter(), today: Day? = nil, includeDailyCycles: Bool = true
    ) async throws -> PracticeReport {
        guard asked.length <= PracticeReport.longestPeriod else {
            throw KataError.invalidValue(
                field: "period", value: "\(asked.from) to \(asked.to)",
                expected: "a period of at most ten years (3,660 days); give a shorter --period or --from and --to")
        }
        let period = try today.map { try asked.counted(upTo: $0) } ?? asked
        let calendar = try await source.settings().calendar
        let facts = try await source.coachPractice(in: period, filter: filter)
        let calculator = PracticeCalculator(period: period, calendar: calendar)
        return PracticeReport(
            from: asked.from, to: asked.to, until: period == asked ? nil : period.to,
            coaches: facts.map {
                PracticeSummary($0, calculator: calculator, includeDailyCycles: includeDailyCycles)
            })
    }

    /// The roll-up of `report` by unit or by 2nd coach (the 2nd coaches of each coach's pairings
    /// that overlap the report's period).
    public func practiceGroups(_ report: PracticeReport, by grouping: PracticeGrouping, below threshold: Double)
        async throws -> [PracticeGroup]
    {
        switch grouping {
        case .unit:
            return report.groups(by: { $0.unit.map { [$0] } ?? [] }, below: threshold)
        case .secondCoach:
            let overseers = try await source.secondCoaches(from: report.from, to: report.to)
            return report.groups(by: { overseers[$0.coach] ?? [] }, below: threshold)
        }
    }

    /// The learners left without coaching longest at the end of `period`: those in pairings in
    /// force on its last day whose coach the filter admits, never coached first, then the longest
    /// since their last cycle with that coach; at most `limit`.
    public func learnersLeftLongest(in period: Period, filter: PracticeFilter = PracticeFilter(), limit: Int = 10)
        async throws -> [UncoachedLearner]
    {
        let learners = try await source.pairedLearners(endOf: period, filter: filter).map { paired in
            UncoachedLearner(
                learner: paired.learner, name: paired.name, coach: paired.coach, lastCycle: paired.lastCycle,
                daysSinceLastCycle: paired.lastCycle.map { $0.days(to: period.to) })
        }
        let ordered = learners.sorted { lhs, rhs in
            let left = lhs.daysSinceLastCycle ?? Int.max
            let right = rhs.daysSinceLastCycle ?? Int.max
            if left != right { return left > right }
            return (lhs.learner, lhs.coach) < (rhs.learner, rhs.coach)
        }
        return Array(ordered.prefix(limit))
    }
}

extension PracticeReport {
    /// The longest period a practice report covers, in days: ten years.
    ///
    /// A report holds a count for every day and every ISO week of the period for each coach, so a
    /// mistyped year (`--from 0001-01-01`) would otherwise take gigabytes of memory on a large
    /// organisation and end the process.
    public static let longestPeriod = 3_660
}

extension PracticeSummary {
    /// The figures of DESIGN §6 of one coach, from what the store holds about the period.
    ///
    /// - Parameter includeDailyCycles: whether to fill `dailyCycles` (for calendars).
    public init(_ facts: CoachPracticeFacts, calculator: PracticeCalculator, includeDailyCycles: Bool) {
        let figures = calculator.figures(counts: facts.dailyCycles, span: facts.span)
        let period = calculator.period
        var daily: [Day: Int] = [:]
        if includeDailyCycles {
            daily.reserveCapacity(figures.cycles)
            for (offset, count) in facts.dailyCycles.enumerated() where count > 0 {
                daily[period.from.adding(days: offset)] = count
            }
        }
        let predicted = facts.plannedSteps - facts.stepsWithoutPrediction
        self.init(
            coach: facts.coach, name: facts.name, unit: facts.unit, cycles: figures.cycles, learners: facts.learners,
            workdays: figures.workdays, coachedDays: figures.coachedDays, cadence: figures.cadence,
            longestStreak: figures.longestStreak, currentStreak: figures.currentStreak, longestGap: figures.longestGap,
            lastCycle: facts.lastCycle, daysSinceLastCycle: facts.lastCycle.map { $0.days(to: period.to) },
            averageMinutes: facts.minutesRecorded == 0
                ? nil : Double(facts.minutesTotal) / Double(facts.minutesRecorded),
            cyclesOver20Minutes: facts.cyclesOver20Minutes,
            predictionRate: facts.plannedSteps == 0 ? nil : Double(predicted) / Double(facts.plannedSteps),
            observations: facts.observations, weekly: figures.weekly, dailyCycles: daily, activeSpan: facts.span)
    }
}
