import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore
import Testing

/// What a store fetched, held in memory: no SQLite, no SQL. The calculations of CoachTheCoaches
/// work on any `InsightSource`, so a PostgreSQL store gets the same figures from the same facts.
private struct FakeSource: InsightSource {
    var caller: Caller = .owner
    var calendar = WorkCalendar(holidays: [day("2026-11-11")])
    /// Cycles per day of each coach.
    var cycles: [String: [Day: Int]] = [:]
    var paired: [PairedLearnerFacts] = []
    var people: [Person] = []
    var reviews: [Handle: ReviewFacts] = [:]

    func scoped(to caller: Caller) -> FakeSource {
        var copy = self
        copy.caller = caller
        return copy
    }

    func settings() -> OrganisationSettings { OrganisationSettings(timeZone: "Europe/Berlin", calendar: calendar) }

    func coachPractice(in period: Period, filter: PracticeFilter) -> [CoachPracticeFacts] {
        cycles.keys.sorted().filter { filter.coach == nil || filter.coach?.rawValue == $0 }.map { coach in
            let days = cycles[coach] ?? [:]
            return CoachPracticeFacts(
                coach: coach, name: coach.capitalized, unit: "Assembly", span: ActiveSpan(start: day("2025-01-06")),
                lastCycle: days.keys.filter { $0 <= period.to }.max(),
                dailyCycles: period.days.map { days[$0] ?? 0 }, learners: 2, minutesTotal: 90, minutesRecorded: 4,
                cyclesOver20Minutes: 1, plannedSteps: 8, stepsWithoutPrediction: 2, observations: 3)
        }
    }

    func secondCoaches(from: Day, to: Day) -> [String: [String]] { ["ann": ["lena"]] }

    func pairedLearners(endOf period: Period, filter: PracticeFilter) -> [PairedLearnerFacts] { paired }

    func reviewSubject(_ handle: Handle) throws -> ReviewSubject {
        guard let person = people.first(where: { $0.handle == handle }) else {
            throw KataError.unknown(kind: "coach", reference: handle.rawValue, hint: "")
        }
        return ReviewSubject(person: person, hasCoached: cycles[handle.rawValue] != nil)
    }

    func coachActivity(_ coach: Handle, in period: Period) -> CoachActivity {
        CoachActivity(lastCycle: nil, observations: 0)
    }

    /// Only the unscoped source may give a packet's facts: a packet HR may make covers the whole
    /// of the coach's practice.
    func reviewFacts(coaches: [Handle], in period: Period, dailyCyclesOf: Set<Handle>) throws -> [ReviewFacts] {
        guard caller == .owner else { throw KataError.forbidden("the review facts were asked with a scope") }
        return try coaches.map { coach in
            guard let facts = reviews[coach] else {
                throw KataError.unknown(kind: "coach", reference: "\(coach)", hint: "")
            }
            return facts
        }
    }
}

/// Cycles on 2, 3 (two), 4, 6, Sat 7, 9, 10, the holiday 11 and 12 November 2026; none on 5 and 13.
private let fortnight: [Day: Int] = [
    day("2026-11-02"): 1, day("2026-11-03"): 2, day("2026-11-04"): 1, day("2026-11-06"): 1, day("2026-11-07"): 1,
    day("2026-11-09"): 1, day("2026-11-10"): 1, day("2026-11-11"): 1, day("2026-11-12"): 1,
]

private func ann() throws -> Person { try Person(handle: handle("ann"), name: "Ann Lee", unit: "Assembly") }

@Suite("The coach-the-coaches figures on facts held in memory, without a database")
struct FakeSourceTests {
    private let source = FakeSource(cycles: ["ann": fortnight, "bo": [:]])

    @Test("a fixed set of coached days gives the figures of DESIGN §6")
    func figuresOfFixedDays() async throws {
        let report = try await CoachingFigures(source).practiceReport(
            for: period("2026-11-02", "2026-11-15"), today: day("2026-12-02"))
        #expect(report.until == nil)
        #expect(report.coaches.map(\.coach) == ["ann", "bo"])
        let ann = try #require(report.coaches.first)
        #expect(ann.cycles == 10)
        #expect(ann.workdays == 9)
        #expect(ann.coachedDays == 7)
        #expect(ann.cadence == 7.0 / 9.0)
        #expect(ann.longestStreak == 4)
        #expect(ann.currentStreak == 4)
        #expect(ann.longestGap == 1)
        #expect(ann.lastCycle == day("2026-11-12"))
        #expect(ann.daysSinceLastCycle == 3)
        #expect(ann.averageMinutes == 22.5)
        #expect(ann.predictionRate == 0.75)
        #expect(ann.weekly.map(\.week) == ["2026-W45", "2026-W46"])
        #expect(ann.weekly.map(\.cycles) == [6, 4])
        #expect(ann.weekly.map(\.coachedDays) == [4, 3])
        #expect(ann.dailyCycles == fortnight)
        let bo = try #require(report.coaches.last)
        #expect(bo.cycles == 0)
        #expect(bo.coachedDays == 0)
        #expect(bo.longestGap == 9)
    }

    @Test("a period reaching past today is fetched and counted only up to today")
    func periodCutAtToday() async throws {
        let report = try await CoachingFigures(source).practiceReport(
            for: period("2026-11-02", "2026-11-15"), today: day("2026-11-12"))
        #expect(report.until == day("2026-11-12"))
        let ann = try #require(report.coaches.first)
        #expect(ann.workdays == 8)
        #expect(ann.coachedDays == 7)
        #expect(ann.daysSinceLastCycle == 0)
    }

    @Test("a period longer than ten years is refused before anything is fetched")
    func tooLongAPeriod() async throws {
        await #expect(throws: KataError.self) {
            try await CoachingFigures(source).practiceReport(for: period("2000-01-01", "2026-11-15"))
        }
    }

    @Test("the practice answer rolls up by 2nd coach and lists the learners left longest, never coached first")
    func answerWithRollUpAndLearners() async throws {
        var source = source
        source.paired = [
            PairedLearnerFacts(learner: "kim", name: "Kim", coach: "ann", lastCycle: day("2026-11-12")),
            PairedLearnerFacts(learner: "ned", name: "Ned", coach: "ann", lastCycle: nil),
            PairedLearnerFacts(learner: "lee", name: "Lee", coach: "ann", lastCycle: day("2026-11-02")),
        ]
        let answer = try await CoachingFigures(source).practice(
            PracticeRequest(
                period: period("2026-11-02", "2026-11-15"), grouping: .secondCoach, below: 0.5,
                learnersLeftLongest: true))
        #expect(answer.groups?.map(\.group) == ["lena", nil])
        #expect(answer.groups?.map(\.coachesBelow) == [0, 1])
        #expect(answer.learnersLeftLongest.map(\.learner) == ["ned", "lee", "kim"])
        #expect(answer.learnersLeftLongest.map(\.daysSinceLastCycle) == [nil, 13, 3])
    }

    /// ann's packet facts: two learners (bo under a target condition), an observation with notes.
    private func reviewing() throws -> FakeSource {
        var source = source
        source.people = [try ann()]
        source.reviews[handle("ann")] = ReviewFacts(
            coach: handle("ann"), name: "Ann Lee", unit: "Assembly",
            learners: [
                CoachingPartnerFacts(handle: "bo", name: "Bo Chen", cycles: 6, lastCycle: day("2026-11-12")),
                CoachingPartnerFacts(handle: "cy", name: "Cy Park", cycles: 4, lastCycle: day("2026-11-10")),
            ],
            coachedTargets: [
                TargetFacts(
                    learner: "bo", learnerName: "Bo Chen", focusProcess: "Welding", condition: "Scrap below 2 %",
                    achieveBy: day("2026-12-18"), status: "achieved", createdOn: day("2026-10-01"),
                    closedOn: day("2026-11-30"), reflection: "Fixtures first", cycles: 6)
            ],
            observations: [
                ObservationFacts(
                    date: day("2026-11-05"), secondCoach: "lena", secondCoachName: "Lena Berg", focus: "Q5",
                    trigger: " ", notes: "Asked for the data")
            ], ownCoaches: [], ownCoachedDays: 0, ownTargets: [])
        return source
    }

    private func request(coach: String?) -> ReviewRequest {
        ReviewRequest(
            coach: coach.map(handle), period: period("2026-11-02", "2026-11-15"), today: day("2026-11-20"),
            now: Date(timeIntervalSince1970: 1_795_000_000), kataVersion: "9.9.9")
    }

    @Test(
        "a review packet from fetched facts: learners under pseudonyms, no free text, outcomes as of the period's end")
    func packetFromFacts() async throws {
        let packets = try await CoachingFigures(reviewing()).reviews(request(coach: "ann")).packets
        let packet = try #require(packets.first)
        #expect(packets.count == 1)
        #expect(packet.practice.cycles == 10)
        #expect(packet.learners.map(\.label) == ["Learner A", "Learner B"])
        #expect(packet.learners.allSatisfy { $0.handle == nil })
        #expect(packet.targetConditions.map(\.learner) == ["Learner A"])
        #expect(packet.targetConditions.first?.status == "active")
        #expect(packet.targetConditions.first?.condition == nil)
        #expect(packet.observations.first?.notes == nil)
        #expect(packet.observations.first?.trigger == nil)
        #expect(packet.dailyCycles.count == 9)
    }

    @Test("review packets are HR's: a coach's account makes only its own, HR's any, from the whole practice")
    func reviewAccess() async throws {
        let source = try reviewing()
        let bo = source.scoped(to: .account(handle: handle("bo"), roles: []))
        await #expect(throws: KataError.forbidden("only HR, an admin or the coach may make ann's review packet.")) {
            try await CoachingFigures(bo).reviews(request(coach: "ann"))
        }
        let own = source.scoped(to: .account(handle: handle("ann"), roles: []))
        #expect(try await CoachingFigures(own).reviews(request(coach: "ann")).packets.map(\.coach.handle) == ["ann"])
        let hr = source.scoped(to: .account(handle: handle("hera"), roles: [.hr]))
        #expect(try await CoachingFigures(hr).reviews(request(coach: "ann")).packets.map(\.coach.handle) == ["ann"])
    }
}
