import CoachTheCoaches
import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import Testing

@Suite("The practice report read from the store")
struct PracticeReportTests {
    let store: SQLiteStore
    let report: PracticeReport

    init() async throws {
        store = try PracticeFixture.store()
        report = try await CoachingFigures(store).practiceReport(for: PracticeFixture.fortnight)
    }

    func coach(_ name: String) throws -> PracticeSummary {
        try #require(report.coaches.first { $0.coach == name })
    }

    @Test("lists every coach of a pairing overlapping the period or with a cycle in it, by handle")
    func listing() {
        #expect(report.coaches.map(\.coach) == ["ann", "bob", "cat"])
        #expect(report.from == day("2026-11-02"))
        #expect(report.to == day("2026-11-15"))
    }

    @Test("cycles, learners and coached days: weekend and holiday cycles are cycles, not coached days")
    func cyclesLearnersCoachedDays() async throws {
        let ann = try coach("ann")
        #expect(ann.name == "Ann Example")
        #expect(ann.unit == "Assembly")
        // 2, 3 (two), Saturday 7, the holiday 11, 12.
        #expect(ann.cycles == 6)
        #expect(ann.learners == 2)
        // Span from 1 October (earliest pairing), open: 9 workdays; coached 2, 3 and 12.
        #expect(ann.workdays == 9)
        #expect(ann.coachedDays == 3)
        #expect(ann.cadence == 3.0 / 9.0)
        #expect(ann.dailyCycles[day("2026-11-03")] == 2)
        #expect(ann.activeSpan == ActiveSpan(start: day("2026-10-01")))
    }

    @Test("streaks, gap and current streak of a coach")
    func streaks() async throws {
        let ann = try coach("ann")
        // 2 3 | 4 5 6 9 10 | 12 | 13
        #expect(ann.longestStreak == 2)
        #expect(ann.longestGap == 5)
        // Friday 13 has no cycle and may not be over: 12 counts, 10 breaks.
        #expect(ann.currentStreak == 1)
    }

    @Test("the last cycle is the latest on or before the end of the period, from all history")
    func lastCycle() async throws {
        let ann = try coach("ann")
        #expect(ann.lastCycle == day("2026-11-12"))
        #expect(ann.daysSinceLastCycle == 3)
        let early = try await CoachingFigures(store).practiceReport(for: period("2026-10-26", "2026-11-01"))
        let annEarly = try #require(early.coaches.first { $0.coach == "ann" })
        #expect(annEarly.cycles == 0)
        #expect(annEarly.lastCycle == day("2026-10-20"))
        #expect(annEarly.daysSinceLastCycle == 12)
    }

    @Test("minutes: the mean of the cycles that recorded them, and how many took more than 20")
    func minutes() async throws {
        let ann = try coach("ann")
        // 15, 25, 30, 10, 20 recorded; the cycle with kim on the 3rd did not.
        #expect(ann.averageMinutes == 20)
        #expect(ann.cyclesOver20Minutes == 2)
        #expect(try coach("bob").averageMinutes == nil)
        #expect(try coach("bob").cyclesOver20Minutes == 0)
    }

    @Test("the prediction rate counts white space alone, Unicode spaces too, as no prediction")
    func predictionRate() async throws {
        // Four steps planned: "Changeover under 12 min", "  \t ", "\u{A0}\u{3000}", "Fewer stops".
        #expect(try coach("ann").predictionRate == 0.5)
    }

    @Test("the prediction rate is null when no step was planned")
    func predictionRateNull() async throws {
        #expect(try coach("bob").predictionRate == nil)
        #expect(try coach("cat").predictionRate == nil)
    }

    @Test("observations of the coach dated in the period")
    func observations() async throws {
        #expect(try coach("ann").observations == 1)
        #expect(try coach("bob").observations == 0)
    }

    @Test("a coach without pairings is measured from their first ever cycle")
    func coachWithoutPairings() async throws {
        let bob = try coach("bob")
        #expect(bob.activeSpan == ActiveSpan(start: day("2026-11-04")))
        // 4, 5, 6, 9, 10, 12, 13; coached 4, 5, 13.
        #expect(bob.workdays == 7)
        #expect(bob.coachedDays == 3)
        #expect(bob.longestStreak == 2)
        #expect(bob.longestGap == 4)  // 6, 9, 10 and 12 (the holiday 11 is no workday)
        #expect(bob.currentStreak == 1)
        #expect(bob.learners == 1)
    }

    @Test("a coach whose pairings ended inside the period is measured up to their end")
    func pairingEndedInside() async throws {
        let cat = try coach("cat")
        #expect(cat.cycles == 5)
        #expect(cat.workdays == 5)
        #expect(cat.coachedDays == 4)
        #expect(cat.cadence == 0.8)
        #expect(cat.longestStreak == 2)
        #expect(cat.longestGap == 1)
        // The span ends on Friday 6, which has a cycle: 6 and 5.
        #expect(cat.currentStreak == 2)
        #expect(cat.weekly.map(\.cycles) == [4, 1])
        #expect(cat.weekly.map(\.coachedDays) == [4, 0])
    }

    @Test("the weekly series of a coach")
    func weekly() async throws {
        #expect(
            try coach("ann").weekly == [
                WeeklyPractice(week: "2026-W45", cycles: 4, coachedDays: 2, workdays: 5),
                WeeklyPractice(week: "2026-W46", cycles: 2, coachedDays: 1, workdays: 4),
            ])
    }

    @Test("a period without cycles lists the coaches of pairings with nothing coached")
    func periodWithoutCycles() async throws {
        let quiet = try await CoachingFigures(store).practiceReport(for: period("2026-11-23", "2026-11-27"))
        #expect(quiet.coaches.map(\.coach) == ["ann", "fay"])
        let ann = quiet.coaches[0]
        #expect(ann.cycles == 0)
        #expect(ann.workdays == 5)
        #expect(ann.coachedDays == 0)
        #expect(ann.longestGap == 5)
        #expect(ann.averageMinutes == nil)
        #expect(ann.predictionRate == nil)
        #expect(ann.lastCycle == day("2026-11-20"))
        #expect(ann.daysSinceLastCycle == 7)
        let fay = quiet.coaches[1]
        #expect(fay.workdays == 5)
        #expect(fay.lastCycle == nil)
        #expect(fay.daysSinceLastCycle == nil)
    }

    @Test("an empty database has nobody to list")
    func emptyDatabase() async throws {
        let empty = try SQLiteStore.inMemory()
        #expect(try await CoachingFigures(empty).practiceReport(for: PracticeFixture.fortnight).coaches.isEmpty)
    }

    @Test("filters by coach, unit and 2nd coach")
    func filters() async throws {
        func coaches(_ filter: PracticeFilter) async throws -> [String] {
            try await CoachingFigures(store).practiceReport(for: PracticeFixture.fortnight, filter: filter).coaches.map(
                \.coach)
        }
        #expect(try await coaches(PracticeFilter(coach: handle("bob"))) == ["bob"])
        #expect(try await coaches(PracticeFilter(unit: "Assembly")) == ["ann", "bob"])
        #expect(try await coaches(PracticeFilter(secondCoach: handle("dora"))) == ["ann"])
        #expect(try await coaches(PracticeFilter(secondCoach: handle("eve"))) == ["cat"])
        #expect(try await coaches(PracticeFilter(unit: "Welding", secondCoach: handle("dora"))) == [])
        let filtered = try await CoachingFigures(store).practiceReport(
            for: PracticeFixture.fortnight, filter: PracticeFilter(unit: "Assembly"))
        #expect(filtered.coaches == Array(report.coaches.prefix(2)))
    }

    @Test("a filter naming nobody is an error, not an empty report")
    func unknownFilter() async throws {
        await #expect(throws: KataError.self) {
            try await CoachingFigures(store).practiceReport(
                for: PracticeFixture.fortnight, filter: PracticeFilter(coach: handle("zed")))
        }
        await #expect(throws: KataError.self) {
            try await CoachingFigures(store).practiceReport(
                for: PracticeFixture.fortnight, filter: PracticeFilter(unit: "Paintshop"))
        }
    }

    @Test("rolls coaches up by unit with the mean cadence and the coaches below the threshold")
    func rollupByUnit() async throws {
        let groups = try await CoachingFigures(store).practiceGroups(report, by: .unit, below: 0.6)
        #expect(
            groups == [
                PracticeGroup(
                    group: "Assembly", coaches: 2, cycles: 9, meanCadence: (3.0 / 9.0 + 3.0 / 7.0) / 2,
                    coachesBelow: 2),
                PracticeGroup(group: "Welding", coaches: 1, cycles: 5, meanCadence: 0.8, coachesBelow: 0),
            ])
    }

    @Test("rolls coaches up by 2nd coach, with the coaches nobody oversees last")
    func rollupBySecondCoach() async throws {
        let groups = try await CoachingFigures(store).practiceGroups(report, by: .secondCoach, below: 0.5)
        #expect(groups.map(\.group) == ["dora", "eve", nil])
        #expect(groups.map(\.coaches) == [1, 1, 1])
        #expect(groups.map(\.cycles) == [6, 5, 3])
        #expect(groups.map(\.coachesBelow) == [1, 0, 1])
    }

    @Test("learners left without coaching longest: never coached first, then the longest since")
    func learnersLeftLongest() async throws {
        let learners = try await CoachingFigures(store).learnersLeftLongest(in: PracticeFixture.fortnight)
        #expect(learners.map(\.learner) == ["ned", "lee", "kim"])
        #expect(learners.map(\.daysSinceLastCycle) == [nil, 4, 3])
        #expect(learners.map(\.lastCycle) == [nil, day("2026-11-11"), day("2026-11-12")])
        #expect(learners.allSatisfy { $0.coach == "ann" })
        let welding = try await CoachingFigures(store).learnersLeftLongest(
            in: PracticeFixture.fortnight, filter: PracticeFilter(unit: "Welding"))
        #expect(welding.isEmpty)
    }
}
