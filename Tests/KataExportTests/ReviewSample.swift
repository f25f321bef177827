import CoachTheCoaches
import Foundation
import ImprovementKata

/// Hand-built review packets for the renderer tests: a quarter of coaching by Ann Lee.
enum ReviewSample {
    static let q3 = ReviewPeriod(from: Day("2026-07-01")!, to: Day("2026-09-30")!)

    /// Coached on most workdays of 2026-Q3: one to three cycles a day, a gap in August.
    static let daily: [Day: Int] = {
        var days: [Day: Int] = [:]
        for day in q3.from...q3.to where day.weekday.rawValue <= 5 {
            let gap = day >= Day("2026-08-10")! && day <= Day("2026-08-14")!
            if !gap && day.ordinal % 7 != 3 { days[day] = 1 + day.ordinal % 3 }
        }
        days[Day("2026-08-22")!] = 1  // a Saturday
        return days
    }()

    static var weekly: [WeeklyPractice] {
        var weeks: [ISOWeek: (cycles: Int, days: Int)] = [:]
        for (day, cycles) in daily {
            let week = ISOWeek(containing: day)
            let sum = weeks[week, default: (0, 0)]
            weeks[week] = (sum.cycles + cycles, sum.days + (day.weekday.rawValue <= 5 ? 1 : 0))
        }
        var monday = ISOWeek(containing: q3.from).monday
        var result: [WeeklyPractice] = []
        while monday <= q3.to {
            let week = ISOWeek(containing: monday)
            let sum = weeks[week, default: (0, 0)]
            result.append(WeeklyPractice(week: week.description, cycles: sum.cycles, coachedDays: sum.days))
            monday = monday.adding(days: 7)
        }
        return result
    }

    static func practice(coach: String = "ann", name: String = "Ann Lee", unit: String? = "Assembly")
        -> PracticeSummary
    {
        let cycles = daily.values.reduce(0, +)
        let coached = daily.keys.filter { $0.weekday.rawValue <= 5 }.count
        return PracticeSummary(
            coach: coach, name: name, unit: unit, cycles: cycles, learners: 2, workdays: 66, coachedDays: coached,
            cadence: Double(coached) / 66, longestStreak: 9, currentStreak: 4, longestGap: 5,
            lastCycle: Day("2026-09-30"), daysSinceLastCycle: 0, averageMinutes: 17.5, cyclesOver20Minutes: 6,
            predictionRate: 0.9, observations: 1, weekly: weekly, dailyCycles: daily)
    }

    /// A packet with the given coach, learner label and texts; privacy as given, and the free text
    /// (focus processes) present only with notes, as the builder makes it.
    static func packet(
        coach: String = "ann", name: String = "Ann Lee", unit: String? = "Assembly", learner: String = "Learner A",
        focus: String = "Ask for the expectation before the step", notes: String? = nil, condition: String? = nil,
        privacy: ReviewPrivacy = ReviewPrivacy()
    ) -> ReviewPacket {
        ReviewPacket(
            generatedAt: "2026-11-20T09:00:00Z", kataVersion: "0.1.0", period: q3,
            coach: ReviewPerson(handle: coach, name: name, unit: unit), privacy: privacy, emptyPeriod: false,
            practice: practice(coach: coach, name: name, unit: unit),
            calendar: ReviewCalendar(workweek: [1, 2, 3, 4, 5], holidays: [], spanFrom: Day("2026-06-01")),
            dailyCycles: daily.map { DailyCycles(date: $0.key, cycles: $0.value) }.sorted { $0.date < $1.date },
            learners: [
                CoachingPartner(
                    label: learner, handle: privacy.learnerNames ? "bert" : nil, cycles: 40,
                    lastCycle: Day("2026-09-30")!),
                CoachingPartner(label: "Learner B", handle: nil, cycles: 38, lastCycle: Day("2026-09-29")!),
            ],
            observations: [
                ReviewObservation(
                    date: Day("2026-08-03")!, observer: ReviewPerson(handle: "lena", name: "Lena Park"), focus: focus,
                    trigger: "When the learner names the next step", notes: notes)
            ],
            targetConditions: [
                CoachedTargetCondition(
                    learner: learner, focusProcess: privacy.notes ? "Final assembly, line 2" : nil,
                    setOn: Day("2026-06-15")!,
                    achieveBy: Day("2026-08-01")!, status: "achieved", closedOn: Day("2026-07-28")!, cycles: 18,
                    condition: condition, reflection: nil),
                CoachedTargetCondition(
                    learner: "Learner B", focusProcess: privacy.notes ? "Kitting" : nil, setOn: Day("2026-07-20")!,
                    achieveBy: Day("2026-10-15")!, status: "active", closedOn: nil, cycles: 22, condition: nil,
                    reflection: nil),
            ],
            ownDevelopment: OwnDevelopment(
                cyclesReceived: 9, daysCoached: 9,
                coaches: [CoachingPartner(label: "Coach A", handle: nil, cycles: 9, lastCycle: Day("2026-09-24")!)],
                targetConditions: [
                    OwnTargetCondition(
                        focusProcess: privacy.notes ? "Daily coaching rounds" : nil, setOn: Day("2026-07-01")!,
                        achieveBy: Day("2026-09-30")!, status: "missed", closedOn: Day("2026-10-02")!, cycles: 9,
                        condition: nil, reflection: nil)
                ]))
    }

    /// A packet for a coach who did nothing in the period.
    static func emptyPacket(coach: String = "carl", name: String = "Carl Berg") -> ReviewPacket {
        var practice = practice(coach: coach, name: name, unit: nil)
        practice.cycles = 0
        practice.learners = 0
        practice.coachedDays = 0
        practice.cadence = 0
        practice.longestStreak = 0
        practice.currentStreak = 0
        practice.longestGap = 65
        practice.lastCycle = nil
        practice.daysSinceLastCycle = nil
        practice.averageMinutes = nil
        practice.cyclesOver20Minutes = 0
        practice.predictionRate = nil
        practice.observations = 0
        practice.weekly = practice.weekly.map { WeeklyPractice(week: $0.week, cycles: 0, coachedDays: 0) }
        practice.dailyCycles = [:]
        return ReviewPacket(
            generatedAt: "2026-11-20T09:00:00Z", kataVersion: "0.1.0", period: q3,
            coach: ReviewPerson(handle: coach, name: name), privacy: ReviewPrivacy(), emptyPeriod: true,
            practice: practice,
            calendar: ReviewCalendar(
                workweek: [1, 2, 3, 4, 5], holidays: [Day("2026-08-14")!], spanFrom: Day("2026-06-01")),
            dailyCycles: [], learners: [], observations: [], targetConditions: [],
            ownDevelopment: OwnDevelopment(cyclesReceived: 0, daysCoached: 0, coaches: [], targetConditions: []))
    }

    static func collection(_ packets: [ReviewPacket]) -> ReviewCollection {
        ReviewCollection(generatedAt: "2026-11-20T09:00:00Z", kataVersion: "0.1.0", period: q3, packets: packets)
    }

    /// Names a spreadsheet or a browser would act on.
    static let hostileNames = [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn", "O'Brien, \"Bo\"",
        "Two\nLines", "<img src=x onerror=alert(1)>",
    ]
}
