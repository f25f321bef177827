import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

/// What the practice charts draw for one coach over a period: the weekly series, the cycles of
/// each day and the calendar that says which days counted.
///
/// The HR packet makes it from a `ReviewPacket`; the web app's coach page from a practice summary
/// fetched with its daily cycles, so that both draw the same charts from the same figures.
///
/// ```swift
/// let chart = PracticeChart(summary: summary, report: report, calendar: settings.calendar)
/// let svg = ReviewHTMLCharts(id: "c", width: 700).weeklyBars(chart)
/// ```
public struct PracticeChart: Sendable, Equatable {
    /// The period the calendar shows, with the day it was counted to when it was cut at today.
    public var period: ReviewPeriod
    /// The workweek, the holidays of the period and the coach's active span.
    public var calendar: ReviewCalendar
    /// Cycles and coached days per ISO week.
    public var weekly: [WeeklyPractice]
    /// Cycles per day, only days with at least one, oldest first.
    public var dailyCycles: [DailyCycles]

    public init(period: ReviewPeriod, calendar: ReviewCalendar, weekly: [WeeklyPractice], dailyCycles: [DailyCycles]) {
        self.period = period
        self.calendar = calendar
        self.weekly = weekly
        self.dailyCycles = dailyCycles
    }

    /// The charts of an HR packet.
    public init(_ packet: ReviewPacket) {
        self.init(
            period: packet.period, calendar: packet.calendar, weekly: packet.practice.weekly,
            dailyCycles: packet.dailyCycles)
    }

    /// The charts of one coach of a practice report.
    ///
    /// The summary carries its daily cycles (`PracticeRequest.includeDailyCycles`); the days,
    /// holidays and span of the organisation's `calendar` are counted as the packet of the same
    /// coach and period counts them. A period cut at today is drawn up to today: the days still to
    /// come are not shown as days without a cycle.
    public init(summary: PracticeSummary, report: PracticeReport, calendar: WorkCalendar) {
        let counted = report.from...report.countedTo
        self.init(
            period: ReviewPeriod(from: report.from, to: report.countedTo),
            calendar: ReviewCalendar(
                workweek: calendar.workweek.map(\.rawValue).sorted(),
                holidays: calendar.holidays.filter(counted.contains).sorted(), spanFrom: summary.activeSpan?.start,
                spanTo: summary.activeSpan?.end),
            weekly: summary.weekly,
            dailyCycles: summary.dailyCycles.filter { counted.contains($0.key) && $0.value > 0 }
                .map { DailyCycles(date: $0.key, cycles: $0.value) }.sorted { $0.date < $1.date })
    }
}
