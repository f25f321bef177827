import CoachTheCoaches
import Foundation
import GRDB
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// Random practice periods over random organisations agree with a reference computation written
/// from DESIGN §6 alone: it reads the raw rows (no SQL aggregates), walks the days with
/// Foundation's calendars (not `Day`, `Period`, `ISOWeek` or `WorkCalendar`), and counts by brute
/// force. A failing case names its seed and period.
@Suite("property: practice figures against a brute-force reference")
struct PropertyPracticeTests {
    static let seeds: [UInt64] = Array(1...10)
    /// Random periods per organisation: full reports and one coach at a time.
    static let periodsPerOrganisation = 15

    @Test("every figure of every coach listed, for random periods and coaches", arguments: seeds)
    func agrees(_ seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed &* 7_919)
        let (store, first, last) = try await Self.organisation(&random)
        let raw = try Reference(store)
        for round in 0..<Self.periodsPerOrganisation {
            let from = first.adding(days: Int.random(in: -30...(first.days(to: last) + 10), using: &random))
            let length = random.chance(0.1) ? 0 : Int.random(in: 0...(random.chance(0.2) ? 400 : 60), using: &random)
            let period = try Period(from: from, to: from.adding(days: length))
            let label = "seed \(seed), \(period.from) to \(period.to)"
            if round % 3 == 2, let coach = raw.people.keys.sorted().randomElement(using: &random) {
                let report = try await CoachingFigures(store).practiceReport(
                    for: period, filter: PracticeFilter(coach: Handle(validating: coach)), includeDailyCycles: false)
                let expected = raw.listed(period).contains(coach) ? [coach] : []
                #expect(report.coaches.map(\.coach) == expected, "\(label), \(coach)")
                for summary in report.coaches { compare(summary, raw.figures(coach, period), "\(label), \(coach)") }
            } else {
                let report = try await CoachingFigures(store).practiceReport(for: period, includeDailyCycles: false)
                #expect(report.coaches.map(\.coach) == raw.listed(period), "\(label)")
                for summary in report.coaches {
                    compare(summary, raw.figures(summary.coach, period), "\(label), \(summary.coach)")
                }
            }
        }
    }

    private func compare(_ summary: PracticeSummary, _ expected: Reference.Figures, _ label: String) {
        #expect(summary.name == expected.name, "\(label)")
        #expect(summary.unit == expected.unit, "\(label)")
        #expect(summary.cycles == expected.cycles, "\(label): cycles")
        #expect(summary.learners == expected.learners, "\(label): learners")
        #expect(summary.workdays == expected.workdays, "\(label): workdays")
        #expect(summary.coachedDays == expected.coachedDays, "\(label): coachedDays")
        #expect(summary.cadence == expected.cadence, "\(label): cadence")
        #expect(summary.longestStreak == expected.longestStreak, "\(label): longestStreak")
        #expect(summary.longestGap == expected.longestGap, "\(label): longestGap")
        #expect(summary.currentStreak == expected.currentStreak, "\(label): currentStreak")
        #expect(summary.lastCycle?.description == expected.lastCycle, "\(label): lastCycle")
        #expect(summary.daysSinceLastCycle == expected.daysSinceLastCycle, "\(label): daysSinceLastCycle")
        #expect(summary.averageMinutes == expected.averageMinutes, "\(label): averageMinutes")
        #expect(summary.cyclesOver20Minutes == expected.cyclesOver20Minutes, "\(label): cyclesOver20Minutes")
        #expect(summary.predictionRate == expected.predictionRate, "\(label): predictionRate")
        #expect(summary.observations == expected.observations, "\(label): observations")
        #expect(
            summary.weekly.map { "\($0.week) \($0.cycles) \($0.coachedDays)" }
                == expected.weekly.map { "\($0.week) \($0.cycles) \($0.coachedDays)" }, "\(label): weekly")
    }

    /// A demo plant of random size and end day, with a random workweek and holidays, and cycles,
    /// pairings and planned steps added at random: on days off, by people without pairings, with
    /// predictions left blank. Returns the store and the first and last day of its history.
    static func organisation(_ random: inout SeededGenerator) async throws -> (SQLiteStore, Day, Day) {
        let store = try SQLiteStore.inMemory()
        try store.configure(timeZoneUnlessSet: "UTC")
        let today = Day(year: 2020, month: 1, day: 1)!.adding(days: Int.random(in: 0...4_000, using: &random))
        let days = Int.random(in: 20...200, using: &random)
        try await DemoOrganisation.generate(
            into: store, coaches: Int.random(in: 2...6, using: &random), days: days, seed: random.next(),
            endingOn: today)
        let first = today.adding(days: -(days - 1))
        func someDay(_ random: inout SeededGenerator) -> Day {
            first.adding(days: Int.random(in: -20...(days + 20), using: &random))
        }
        var workweek = Set(Weekday.allCases.filter { _ in random.chance(0.7) })
        if workweek.isEmpty { workweek = [.wednesday] }
        try store.configure(
            timeZone: nil, workweek: workweek,
            addHolidays: (0..<Int.random(in: 0...6, using: &random)).map { _ in someDay(&random) })

        let people = try await store.people().map(\.handle)
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let pair = Array(people.shuffled(using: &random).prefix(2))
            let since = someDay(&random)
            _ = try? store.addPairing(
                Pairing(
                    coach: pair[0], learner: pair[1], since: since,
                    until: random.chance(0.6) ? since.adding(days: Int.random(in: 0...60, using: &random)) : nil))
        }
        let expectations: [String?] = [nil, "", "  ", "\u{3000}\u{85}\n", "\u{A0}", "fewer stops", "  one stop  "]
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            let pair = Array(people.shuffled(using: &random).prefix(2))
            let plans = random.chance(0.4)
            let entry = CycleEntry(
                date: someDay(&random), coach: pair[0], learner: pair[1],
                minutes: random.chance(0.7) ? Int.random(in: 0...45, using: &random) : nil,
                nextStep: plans ? "try a kanban card" : nil,
                expected: plans ? expectations.randomElement(using: &random)! : nil)
            _ = try? store.logCycle(entry, at: Date(timeIntervalSince1970: 0))
        }
        return (store, first, today)
    }
}

/// The raw rows of a database and DESIGN §6 computed from them by brute force.
struct Reference {
    struct Cycle {
        var coach: String
        var learner: String
        var date: String
        var minutes: Int?
        var planned: String?
    }

    struct Pairing {
        var coach: String
        var since: String
        var until: String?
    }

    struct Week {
        var week: String
        var cycles: Int
        var coachedDays: Int
    }

    struct Figures {
        var name: String
        var unit: String?
        var cycles = 0
        var learners = 0
        var workdays = 0
        var coachedDays = 0
        var cadence = 0.0
        var longestStreak = 0
        var longestGap = 0
        var currentStreak = 0
        var lastCycle: String?
        var daysSinceLastCycle: Int?
        var averageMinutes: Double?
        var cyclesOver20Minutes = 0
        var predictionRate: Double?
        var observations = 0
        var weekly: [Week] = []
    }

    var people: [String: (name: String, unit: String?)] = [:]
    var pairings: [Pairing] = []
    var cycles: [Cycle] = []
    /// Experiment id → expectation.
    var expectations: [String: String?] = [:]
    /// Observations: (coach, date).
    var observations: [(String, String)] = []
    /// ISO weekday numbers, Monday 1 to Sunday 7.
    var workweek: Set<Int> = []
    var holidays: Set<String> = []

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let iso: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    init(_ store: SQLiteStore) throws {
        try store.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT handle, name, unit FROM person") {
                people[row["handle"]] = (row["name"], row["unit"])
            }
            pairings = try Row.fetchAll(db, sql: "SELECT coach, since, until FROM pairing").map {
                Pairing(coach: $0["coach"], since: $0["since"], until: $0["until"])
            }
            cycles = try Row.fetchAll(db, sql: "SELECT coach, learner, date, minutes, planned FROM cycle").map {
                Cycle(
                    coach: $0["coach"], learner: $0["learner"], date: $0["date"], minutes: $0["minutes"],
                    planned: $0["planned"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, expected FROM experiment") {
                expectations[row["id"]] = .some(row["expected"])
            }
            observations = try Row.fetchAll(db, sql: "SELECT coach, date FROM observation").map {
                ($0["coach"], $0["date"])
            }
            let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
            let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'workweek'") ?? ""
            workweek = Set(text.split(separator: ",").compactMap { names[String($0)] })
            holidays = Set(try String.fetchAll(db, sql: "SELECT date FROM holiday"))
        }
    }

    /// Every day from `from` to `to`, as `YYYY-MM-DD`.
    static func days(_ from: String, _ to: String) -> [String] {
        var result: [String] = []
        var date = self.date(from)
        let end = self.date(to)
        while date <= end {
            result.append(text(date))
            date = gregorian.date(byAdding: .day, value: 1, to: date)!
        }
        return result
    }

    static func date(_ text: String) -> Date {
        let parts = text.split(separator: "-").map { Int($0)! }
        return gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    static func text(_ date: Date) -> String {
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Monday 1 … Sunday 7.
    func weekday(_ day: String) -> Int {
        (Self.gregorian.component(.weekday, from: Self.date(day)) + 5) % 7 + 1
    }

    func week(_ day: String) -> String {
        let parts = Self.iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: Self.date(day))
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    func isWorkday(_ day: String) -> Bool { workweek.contains(weekday(day)) && !holidays.contains(day) }

    /// Coaches in a pairing that overlaps the period or with a cycle in it, by handle.
    func listed(_ period: Period) -> [String] {
        let (from, to) = (period.from.description, period.to.description)
        var coaches = Set(pairings.filter { $0.since <= to && ($0.until.map { $0 >= from } ?? true) }.map(\.coach))
        coaches.formUnion(cycles.filter { $0.date >= from && $0.date <= to }.map(\.coach))
        return coaches.sorted()
    }

    func figures(_ coach: String, _ period: Period) -> Figures {
        let (from, to) = (period.from.description, period.to.description)
        var figures = Figures(name: people[coach]?.name ?? "", unit: people[coach]?.unit ?? nil)
        let own = cycles.filter { $0.coach == coach }
        let inPeriod = own.filter { $0.date >= from && $0.date <= to }
        let coachedDates = Set(inPeriod.map(\.date))

        // The active span: the coach's pairings, else their first cycle ever.
        let paired = pairings.filter { $0.coach == coach }
        var span: (start: String, end: String?)?
        if let since = paired.map(\.since).min() {
            span = (since, paired.contains { $0.until == nil } ? nil : paired.compactMap(\.until).max())
        } else if let firstCycle = own.map(\.date).min() {
            span = (firstCycle, nil)
        }
        let days = Self.days(from, to)
        let workdays = days.filter { day in
            guard let span, day >= span.start, span.end.map({ day <= $0 }) ?? true else { return false }
            return isWorkday(day)
        }

        figures.cycles = inPeriod.count
        figures.learners = Set(inPeriod.map(\.learner)).count
        figures.workdays = workdays.count
        figures.coachedDays = workdays.filter(coachedDates.contains).count
        figures.cadence = workdays.isEmpty ? 0 : Double(figures.coachedDays) / Double(workdays.count)
        var streak = 0
        var gap = 0
        for day in workdays {
            if coachedDates.contains(day) {
                streak += 1
                gap = 0
            } else {
                gap += 1
                streak = 0
            }
            figures.longestStreak = max(figures.longestStreak, streak)
            figures.longestGap = max(figures.longestGap, gap)
        }
        var index = workdays.count - 1
        if index >= 0 && !coachedDates.contains(workdays[index]) { index -= 1 }
        while index >= 0 && coachedDates.contains(workdays[index]) {
            figures.currentStreak += 1
            index -= 1
        }
        figures.lastCycle = own.map(\.date).filter { $0 <= to }.max()
        figures.daysSinceLastCycle = figures.lastCycle.map { Self.days($0, to).count - 1 }
        let minutes = inPeriod.compactMap(\.minutes)
        figures.averageMinutes = minutes.isEmpty ? nil : Double(minutes.reduce(0, +)) / Double(minutes.count)
        figures.cyclesOver20Minutes = minutes.filter { $0 > 20 }.count
        let planned = inPeriod.compactMap(\.planned)
        let predicted = planned.filter { id in
            guard let expected = expectations[id] ?? nil else { return false }
            return !expected.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        figures.predictionRate = planned.isEmpty ? nil : Double(predicted.count) / Double(planned.count)
        figures.observations = observations.filter { $0.0 == coach && $0.1 >= from && $0.1 <= to }.count
        let workdaySet = Set(workdays)
        let cyclesOn = Dictionary(grouping: inPeriod, by: \.date).mapValues(\.count)
        for day in days {
            let label = week(day)
            if figures.weekly.last?.week != label {
                figures.weekly.append(Week(week: label, cycles: 0, coachedDays: 0))
            }
            figures.weekly[figures.weekly.count - 1].cycles += cyclesOn[day] ?? 0
            if workdaySet.contains(day) && coachedDates.contains(day) {
                figures.weekly[figures.weekly.count - 1].coachedDays += 1
            }
        }
        return figures
    }
}
