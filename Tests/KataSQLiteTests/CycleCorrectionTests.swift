import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: correcting cycles and observations")
struct CycleCorrectionTests {
    /// Bob's target with two cycles: the first plans "Move the cart", the second reviews it and
    /// plans "Preheat the dies".
    func twoCycles() throws -> (Fixture, first: LoggedCycle, second: LoggedCycle) {
        let fixture = try Fixture()
        try fixture.addTarget()
        let first = try fixture.log("2026-11-16", nextStep: "Move the cart", expected: "Under 35 min")
        let second = try fixture.log(
            "2026-11-17", happened: "38 min", learned: "Walking is not the main loss", nextStep: "Preheat the dies",
            expected: "Under 30 min")
        return (fixture, first, second)
    }

    @Test("corrects the date, minutes and the steps of a cycle")
    func edit() throws {
        let (fixture, _, second) = try twoCycles()
        let edited = try fixture.store.editCycle(
            second.cycle.id,
            CycleCorrection(minutes: 12, learned: "The dies are the main loss", nextStep: "Preheat dies 1 and 2"))
        #expect(edited.cycle.minutes == 12)
        let stored = try fixture.store.cycleDetail(second.cycle.id)
        #expect(stored.cycle.minutes == 12)
        #expect(stored.cycle.date == day("2026-11-17"))
        #expect(stored.reviewed?.learned == "The dies are the main loss")
        #expect(stored.reviewed?.happened == "38 min")
        #expect(stored.planned?.step == "Preheat dies 1 and 2")
        #expect(stored.planned?.expected == "Under 30 min")
    }

    @Test("refuses empty or impossible corrections")
    func badEdits() throws {
        let (fixture, first, second) = try twoCycles()
        #expect(
            thrownKataError { try fixture.store.editCycle(second.cycle.id, CycleCorrection()) }?.missingFields != nil)
        #expect(
            thrownKataError { try fixture.store.editCycle(second.cycle.id, CycleCorrection(minutes: 1441)) }?
                .invalidField == "minutes")
        #expect(
            thrownKataError { try fixture.store.editCycle(first.cycle.id, CycleCorrection(happened: "x")) }?.ruleText
                == "this cycle reviewed no step; there is no result to correct.")
        let prediction = thrownKataError {
            try fixture.store.editCycle(first.cycle.id, CycleCorrection(expected: "Under 40 min"))
        }
        #expect(prediction?.ruleText?.hasPrefix("the result of this step is in") == true)
        #expect(try fixture.store.cycleDetail(first.cycle.id).planned?.expected == "Under 35 min")
        #expect(
            thrownKataError { try fixture.store.editCycle(UUID(), CycleCorrection(minutes: 5)) }?.unknownKind
                == "coaching cycle")
    }

    @Test("deleting a cycle removes the step it planned and reopens the step it reviewed")
    func delete() throws {
        let (fixture, first, second) = try twoCycles()
        let observation = try Observation(
            date: day("2026-11-17"), secondCoach: handle("eve"), coach: handle("ann"), cycle: second.cycle.id,
            notes: "Good question on the prediction")
        try fixture.store.addObservation(observation)
        try fixture.store.deleteCycle(second.cycle.id)
        #expect(try fixture.count("cycle") == 1)
        #expect(try fixture.count("experiment") == 1)
        let reopened = try #require(try fixture.store.cycleDetail(first.cycle.id).planned)
        #expect(!reopened.isClosed)
        #expect(reopened.happened == nil)
        #expect(reopened.learned == nil)
        #expect(reopened.expected == "Under 35 min")
        let kept = try fixture.store.observations(coach: handle("ann"))
        #expect(kept.map(\.id) == [observation.id])
        #expect(kept.first?.cycle == nil)
        // The reopened step can be reviewed again.
        let again = try fixture.log("2026-11-18", happened: "36 min", learned: "Close")
        #expect(again.reviewed?.id == first.planned?.id)
    }

    @Test("a cycle whose planned step a later cycle reviewed cannot be deleted")
    func deleteOutOfOrder() throws {
        let (fixture, first, _) = try twoCycles()
        let error = thrownKataError { try fixture.store.deleteCycle(first.cycle.id) }
        #expect(error?.ruleText?.hasPrefix("a later cycle reviewed the step this cycle planned") == true)
        #expect(try fixture.practiceCounts() == [2, 2, 0, 1])
    }

    @Test("records observations of a coach's own cycles only")
    func observations() throws {
        let (fixture, first, _) = try twoCycles()
        let wrongCoach = try Observation(
            date: day("2026-11-16"), secondCoach: handle("eve"), coach: handle("dee"), cycle: first.cycle.id)
        #expect(
            thrownKataError { try fixture.store.addObservation(wrongCoach) }?.ruleText
                == "cycle \(first.cycle.id.short) was run by ann, not dee.")
        let unknownCycle = try Observation(
            date: day("2026-11-16"), secondCoach: handle("eve"), coach: handle("ann"), cycle: UUID())
        #expect(thrownKataError { try fixture.store.addObservation(unknownCycle) }?.unknownKind == "coaching cycle")
        let unknownObserver = try Observation(date: day("2026-11-16"), secondCoach: handle("zed"), coach: handle("ann"))
        #expect(thrownKataError { try fixture.store.addObservation(unknownObserver) }?.unknownKind == "2nd coach")
        try fixture.store.addObservation(
            Observation(
                date: day("2026-11-16"), secondCoach: handle("eve"), coach: handle("ann"), cycle: first.cycle.id,
                focus: "Ask what was expected", trigger: "When the learner reports a result"))
        try fixture.store.addObservation(
            Observation(date: day("2026-11-18"), secondCoach: handle("dee"), coach: handle("ann"), notes: "Short cycle")
        )
        let stored = try fixture.store.observations(coach: handle("ann"))
        #expect(stored.map(\.date.description) == ["2026-11-18", "2026-11-16"])
        #expect(stored.last?.trigger == "When the learner reports a result")
        #expect(try fixture.store.observations(secondCoach: handle("eve")).count == 1)
        #expect(try fixture.store.observations(coach: handle("dee")).isEmpty)
    }
}
