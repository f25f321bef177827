import CoachTheCoaches
import ImprovementKata
import KataStore
import Testing

@Suite("The practice calculator")
struct PracticeCalculatorTests {
    /// Monday 2 to Sunday 15 November 2026; Wednesday 11 is a holiday, so 9 workdays.
    let calculator = PracticeCalculator(
        period: period("2026-11-02", "2026-11-15"), calendar: WorkCalendar(holidays: [day("2026-11-11")]))
    let openSince2025 = ActiveSpan(start: day("2025-01-06"))

    /// Cycles on 2, 3 (two), 4, 6, Sat 7, 9, 10, the holiday 11 and 12; none on 5 and 13.
    let fortnight: [Day: Int] = [
        day("2026-11-02"): 1, day("2026-11-03"): 2, day("2026-11-04"): 1, day("2026-11-06"): 1,
        day("2026-11-07"): 1, day("2026-11-09"): 1, day("2026-11-10"): 1, day("2026-11-11"): 1,
        day("2026-11-12"): 1,
    ]

    @Test("counts every cycle, but only workdays with a cycle as coached days")
    func cyclesAndCoachedDays() {
        let figures = calculator.figures(dailyCycles: fortnight, span: openSince2025)
        #expect(figures.cycles == 10)
        #expect(figures.workdays == 9)
        #expect(figures.coachedDays == 7)
        #expect(figures.cadence == 7.0 / 9.0)
    }

    @Test("a streak runs over weekends and holidays; the gap is the longest run of workdays without a cycle")
    func streaksAndGaps() {
        let figures = calculator.figures(dailyCycles: fortnight, span: openSince2025)
        // 2 3 4 | 5 | 6 9 10 12 (the holiday 11 is no workday) | 13
        #expect(figures.longestStreak == 4)
        #expect(figures.longestGap == 1)
    }

    @Test("the current streak skips a last workday without a cycle: that day may not be over")
    func currentStreakSkipsTheLastDay() {
        // Friday 13 has no cycle, so count back from Thursday 12: 12, 10, 9, 6, then 5 has none.
        #expect(calculator.figures(dailyCycles: fortnight, span: openSince2025).currentStreak == 4)
    }

    @Test("the current streak counts the last workday when it has a cycle")
    func currentStreakWithTheLastDay() {
        var cycles = fortnight
        cycles[day("2026-11-13")] = 1
        // 13, 12, 10, 9, 6, then 5 has none.
        #expect(calculator.figures(dailyCycles: cycles, span: openSince2025).currentStreak == 5)
    }

    @Test("the current streak is 0 when neither of the last two workdays has a cycle")
    func currentStreakBroken() {
        var cycles = fortnight
        cycles[day("2026-11-12")] = nil
        #expect(calculator.figures(dailyCycles: cycles, span: openSince2025).currentStreak == 0)
    }

    @Test("the current streak counts back from the last workday on or before a Sunday end")
    func currentStreakFromAWeekend() {
        let weekend = PracticeCalculator(period: period("2026-11-09", "2026-11-14"), calendar: WorkCalendar())
        let cycles = [day("2026-11-12"): 1, day("2026-11-13"): 1, day("2026-11-14"): 3]
        // Saturday 14 is no workday: Friday 13 and Thursday 12 are the streak.
        #expect(weekend.figures(dailyCycles: cycles, span: openSince2025).currentStreak == 2)
    }

    @Test("the current streak does not reach back before the start of the period")
    func currentStreakStopsAtFrom() {
        let short = PracticeCalculator(period: period("2026-11-04", "2026-11-06"), calendar: WorkCalendar())
        let everyDay = Dictionary(uniqueKeysWithValues: (2...6).map { (day("2026-11-0\($0)"), 1) })
        let figures = short.figures(dailyCycles: everyDay, span: openSince2025)
        #expect(figures.currentStreak == 3)
        #expect(figures.longestStreak == 3)
        #expect(figures.cycles == 3)
    }

    @Test("the weekly series has every ISO week that meets the period, with coached days and workdays")
    func weekly() {
        let figures = calculator.figures(dailyCycles: fortnight, span: openSince2025)
        #expect(
            figures.weekly == [
                WeeklyPractice(week: "2026-W45", cycles: 6, coachedDays: 4, workdays: 5),
                WeeklyPractice(week: "2026-W46", cycles: 4, coachedDays: 3, workdays: 4),
            ])
    }

    @Test("a span starting inside the period counts workdays and coached days from its start only")
    func spanStartingInside() {
        let figures = calculator.figures(dailyCycles: fortnight, span: ActiveSpan(start: day("2026-11-09")))
        #expect(figures.workdays == 4)  // 9, 10, 12, 13
        #expect(figures.coachedDays == 3)
        #expect(figures.cycles == 10)
        #expect(figures.longestStreak == 3)
        #expect(figures.longestGap == 1)
        #expect(figures.currentStreak == 3)
        #expect(figures.weekly.map(\.coachedDays) == [0, 3])
        #expect(figures.weekly.map(\.workdays) == [0, 4])
    }

    @Test("a span ending inside the period counts up to its last day, and the current streak ends there")
    func spanEndingInside() {
        let span = ActiveSpan(start: day("2026-06-01"), end: day("2026-11-05"))
        let figures = calculator.figures(dailyCycles: fortnight, span: span)
        #expect(figures.workdays == 4)  // 2, 3, 4, 5
        #expect(figures.coachedDays == 3)
        #expect(figures.longestStreak == 3)
        #expect(figures.longestGap == 1)
        // Thursday 5 has no cycle and is skipped: 4, 3, 2.
        #expect(figures.currentStreak == 3)
    }

    @Test("without a span that meets the period there are no workdays and the cadence is 0")
    func noWorkdays() {
        let before = ActiveSpan(start: day("2026-01-05"), end: day("2026-10-30"))
        for span in [before, nil] {
            let figures = calculator.figures(dailyCycles: fortnight, span: span)
            #expect(figures.workdays == 0)
            #expect(figures.coachedDays == 0)
            #expect(figures.cadence == 0)
            #expect(figures.longestStreak == 0)
            #expect(figures.currentStreak == 0)
            #expect(figures.longestGap == 0)
            #expect(figures.cycles == 10)
        }
    }

    @Test("a period without cycles is one long gap")
    func noCycles() {
        let figures = calculator.figures(dailyCycles: [:], span: openSince2025)
        #expect(figures.cycles == 0)
        #expect(figures.workdays == 9)
        #expect(figures.coachedDays == 0)
        #expect(figures.cadence == 0)
        #expect(figures.longestStreak == 0)
        #expect(figures.currentStreak == 0)
        #expect(figures.longestGap == 9)
        #expect(figures.weekly.map(\.cycles) == [0, 0])
    }

    @Test("a one-day period on a workday with two cycles")
    func oneWorkday() {
        let one = PracticeCalculator(period: period("2026-11-03", "2026-11-03"), calendar: WorkCalendar())
        let figures = one.figures(dailyCycles: fortnight, span: openSince2025)
        #expect(figures.cycles == 2)
        #expect(figures.workdays == 1)
        #expect(figures.coachedDays == 1)
        #expect(figures.cadence == 1)
        #expect(figures.longestStreak == 1)
        #expect(figures.currentStreak == 1)
        #expect(figures.longestGap == 0)
        #expect(figures.weekly == [WeeklyPractice(week: "2026-W45", cycles: 2, coachedDays: 1, workdays: 1)])
    }

    @Test("a one-day period on a Saturday counts the cycle but has no workday")
    func oneSaturday() {
        let one = PracticeCalculator(period: period("2026-11-07", "2026-11-07"), calendar: WorkCalendar())
        let figures = one.figures(dailyCycles: fortnight, span: openSince2025)
        #expect(figures.cycles == 1)
        #expect(figures.workdays == 0)
        #expect(figures.cadence == 0)
        #expect(figures.currentStreak == 0)
    }

    @Test("a period across the year boundary has the weeks 2026-W53 and 2027-W01")
    func yearBoundary() {
        let turn = PracticeCalculator(
            period: period("2026-12-30", "2027-01-06"), calendar: WorkCalendar(holidays: [day("2027-01-01")]))
        let cycles = [day("2026-12-30"): 1, day("2026-12-31"): 2, day("2027-01-01"): 1, day("2027-01-04"): 1]
        let figures = turn.figures(dailyCycles: cycles, span: openSince2025)
        // Workdays: Wed 30, Thu 31, Mon 4, Tue 5, Wed 6 (Friday 1 January is a holiday).
        #expect(figures.workdays == 5)
        #expect(figures.coachedDays == 3)
        #expect(figures.cycles == 5)
        #expect(figures.longestStreak == 3)
        #expect(figures.longestGap == 2)
        #expect(figures.currentStreak == 0)
        #expect(
            figures.weekly == [
                WeeklyPractice(week: "2026-W53", cycles: 4, coachedDays: 2, workdays: 2),
                WeeklyPractice(week: "2027-W01", cycles: 1, coachedDays: 1, workdays: 3),
            ])
    }

    @Test("another workweek: Saturday counts as a workday when the organisation works it")
    func sixDayWeek() {
        let sixDays = PracticeCalculator(
            period: period("2026-11-02", "2026-11-08"),
            calendar: WorkCalendar(workweek: WorkCalendar.mondayToFriday.union([.saturday])))
        let figures = sixDays.figures(dailyCycles: fortnight, span: openSince2025)
        #expect(figures.workdays == 6)
        #expect(figures.coachedDays == 5)  // 2, 3, 4, 6, 7
        #expect(figures.currentStreak == 2)
        #expect(figures.longestGap == 1)
    }

    @Test("days outside the period are ignored")
    func outsideDays() {
        let figures = calculator.figures(
            dailyCycles: [day("2026-11-01"): 4, day("2026-11-16"): 2, day("2026-11-02"): 1], span: openSince2025)
        #expect(figures.cycles == 1)
        #expect(figures.coachedDays == 1)
    }
}
