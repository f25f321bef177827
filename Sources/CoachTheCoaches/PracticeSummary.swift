import Foundation
import ImprovementKata
import KataStore

/// How regularly one coach coached over a period: the figures of DESIGN §6.
///
/// The JSON form (field names and types) is a contract: `kata practice --format json` prints it
/// and the HR review packet embeds it. Fractions are not rounded.
public struct PracticeSummary: Codable, Sendable, Equatable {
    /// The coach's handle.
    public var coach: String
    public var name: String
    public var unit: String?
    /// Cycles by the coach dated in the period (any day, workday or not).
    public var cycles: Int
    /// Distinct learners in those cycles.
    public var learners: Int
    /// Workdays of the period within the coach's active span.
    public var workdays: Int
    /// Distinct workdays (as above) with at least one cycle.
    public var coachedDays: Int
    /// coachedDays / workdays; 0 when workdays is 0.
    public var cadence: Double
    public var longestStreak: Int
    public var currentStreak: Int
    public var longestGap: Int
    /// The latest cycle on or before the end of the period, from all history.
    public var lastCycle: Day?
    public var daysSinceLastCycle: Int?
    public var averageMinutes: Double?
    public var cyclesOver20Minutes: Int
    /// Share of the experiments planned in the period's cycles that have a prediction.
    public var predictionRate: Double?
    public var observations: Int
    public var weekly: [WeeklyPractice]
    /// Cycles per day in the period (for calendars and heatmaps); not part of the JSON contract.
    public var dailyCycles: [Day: Int]
    /// The coach's active span, which decides the workdays counted; not part of the JSON contract.
    public var activeSpan: ActiveSpan?

    enum CodingKeys: String, CodingKey {
        case coach, name, unit, cycles, learners, workdays, coachedDays, cadence, longestStreak, currentStreak
        case longestGap, lastCycle, daysSinceLastCycle, averageMinutes, cyclesOver20Minutes, predictionRate
        case observations, weekly
    }

    public init(
        coach: String, name: String, unit: String?, cycles: Int, learners: Int, workdays: Int, coachedDays: Int,
        cadence: Double, longestStreak: Int, currentStreak: Int, longestGap: Int, lastCycle: Day?,
        daysSinceLastCycle: Int?, averageMinutes: Double?, cyclesOver20Minutes: Int, predictionRate: Double?,
        observations: Int, weekly: [WeeklyPractice], dailyCycles: [Day: Int] = [:], activeSpan: ActiveSpan? = nil
    ) {
        self.coach = coach
        self.name = name
        self.unit = unit
        self.cycles = cycles
        self.learners = learners
        self.workdays = workdays
        self.coachedDays = coachedDays
        self.cadence = cadence
        self.longestStreak = longestStreak
        self.currentStreak = currentStreak
        self.longestGap = longestGap
        self.lastCycle = lastCycle
        self.daysSinceLastCycle = daysSinceLastCycle
        self.averageMinutes = averageMinutes
        self.cyclesOver20Minutes = cyclesOver20Minutes
        self.predictionRate = predictionRate
        self.observations = observations
        self.weekly = weekly
        self.dailyCycles = dailyCycles
        self.activeSpan = activeSpan
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        coach = try c.decode(String.self, forKey: .coach)
        name = try c.decode(String.self, forKey: .name)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        cycles = try c.decode(Int.self, forKey: .cycles)
        learners = try c.decode(Int.self, forKey: .learners)
        workdays = try c.decode(Int.self, forKey: .workdays)
        coachedDays = try c.decode(Int.self, forKey: .coachedDays)
        cadence = try c.decode(Double.self, forKey: .cadence)
        longestStreak = try c.decode(Int.self, forKey: .longestStreak)
        currentStreak = try c.decode(Int.self, forKey: .currentStreak)
        longestGap = try c.decode(Int.self, forKey: .longestGap)
        lastCycle = try c.decodeIfPresent(Day.self, forKey: .lastCycle)
        daysSinceLastCycle = try c.decodeIfPresent(Int.self, forKey: .daysSinceLastCycle)
        averageMinutes = try c.decodeIfPresent(Double.self, forKey: .averageMinutes)
        cyclesOver20Minutes = try c.decode(Int.self, forKey: .cyclesOver20Minutes)
        predictionRate = try c.decodeIfPresent(Double.self, forKey: .predictionRate)
        observations = try c.decode(Int.self, forKey: .observations)
        weekly = try c.decode([WeeklyPractice].self, forKey: .weekly)
        dailyCycles = [:]
        activeSpan = nil
    }

    /// Nulls are written out (`"lastCycle": null`), as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(coach, forKey: .coach)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(learners, forKey: .learners)
        try c.encode(workdays, forKey: .workdays)
        try c.encode(coachedDays, forKey: .coachedDays)
        try c.encode(cadence, forKey: .cadence)
        try c.encode(longestStreak, forKey: .longestStreak)
        try c.encode(currentStreak, forKey: .currentStreak)
        try c.encode(longestGap, forKey: .longestGap)
        try c.encode(lastCycle, forKey: .lastCycle)
        try c.encode(daysSinceLastCycle, forKey: .daysSinceLastCycle)
        try c.encode(averageMinutes, forKey: .averageMinutes)
        try c.encode(cyclesOver20Minutes, forKey: .cyclesOver20Minutes)
        try c.encode(predictionRate, forKey: .predictionRate)
        try c.encode(observations, forKey: .observations)
        try c.encode(weekly, forKey: .weekly)
    }
}

/// Practice in one ISO week, counting only days inside the period.
public struct WeeklyPractice: Codable, Sendable, Equatable {
    /// The week as `2026-W47`.
    public var week: String
    public var cycles: Int
    public var coachedDays: Int
    /// Workdays of the week inside the period and the coach's active span, the most `coachedDays`
    /// can be (for sparklines); not part of the JSON contract.
    public var workdays: Int

    enum CodingKeys: String, CodingKey {
        case week, cycles, coachedDays
    }

    public init(week: String, cycles: Int, coachedDays: Int, workdays: Int = 0) {
        self.week = week
        self.cycles = cycles
        self.coachedDays = coachedDays
        self.workdays = workdays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        week = try c.decode(String.self, forKey: .week)
        cycles = try c.decode(Int.self, forKey: .cycles)
        coachedDays = try c.decode(Int.self, forKey: .coachedDays)
        workdays = 0
    }
}

/// The practice figures of every coach listed for a period, sorted by handle.
///
/// A period that reaches past today is counted only up to today (DESIGN §6): `to` stays the day
/// asked for and `until` is the day the figures were counted to, nil when the period was not cut.
public struct PracticeReport: Codable, Sendable, Equatable {
    public var from: Day
    /// The last day of the period asked for.
    public var to: Day
    /// The day the figures were counted to when the period reaches past it (today); nil otherwise.
    public var until: Day?
    public var coaches: [PracticeSummary]

    public init(from: Day, to: Day, until: Day? = nil, coaches: [PracticeSummary]) {
        self.from = from
        self.to = to
        self.until = until
        self.coaches = coaches
    }

    /// The last day counted: `until` when the period was cut, else `to`.
    public var countedTo: Day { until ?? to }
}

extension Period {
    /// The days of the period that have happened by `today`: the period itself when it ends on or
    /// before today, cut at today when it reaches past it.
    ///
    /// - Throws: `KataError.invalidValue` when the period starts after today: nothing of it can be
    ///   counted yet.
    public func counted(upTo today: Day) throws -> Period {
        guard from <= today else {
            throw KataError.invalidValue(
                field: "period", value: "\(from) to \(to)",
                expected: "a period that has started: today is \(today), so nothing of it can be counted yet")
        }
        return to <= today ? self : try Period(from: from, to: today)
    }

    /// How every view and packet says that a period was cut at today: `counted to 2026-12-02, the
    /// period is not over`.
    public static func notOverNote(until: Day) -> String {
        "counted to \(until), the period is not over"
    }

    /// The same note as a sentence of its own (`Counted to 2026-12-02, the period is not over.`).
    public static func notOverSentence(until: Day) -> String {
        "Counted to \(until), the period is not over."
    }
}
