import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: what is recorded has happened")
struct RecordedDayTests {
    private let today = Day("2026-11-20")!

    @Test("a day after today is refused with a message that says so; today and before are fine")
    func rule() throws {
        let error = thrownKataError { try Day("2026-11-22")!.requireHappened(by: today, record: "a cycle") }
        #expect(
            error?.ruleText == "the date 2026-11-22 is after today (2026-11-20): record a cycle once it has happened.")
        try today.requireHappened(by: today, record: "a cycle")
        try Day("2026-11-19")!.requireHappened(by: today, record: "a cycle")
    }

    @Test("logCycle, addObservation and addCondition refuse a date after today and write nothing")
    func storeRefuses() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.pair(learner: "bob")
        let tomorrow = Day("2026-11-21")!
        let entry = CycleEntry(date: tomorrow, coach: handle("ann"), learner: handle("bob"))
        #expect(
            thrownKataError { try fixture.store.logCycle(entry, today: today) }?.ruleText?.contains("after today")
                == true)
        let observation = try Observation(
            date: tomorrow, secondCoach: handle("eve"), coach: handle("ann"), notes: "n", focus: "f", trigger: "t")
        #expect(thrownKataError { try fixture.store.addObservation(observation, today: today) } != nil)
        let condition = try CurrentCondition(target: target.id, date: tomorrow, text: "58 s")
        #expect(thrownKataError { try fixture.store.addCondition(condition, today: today) } != nil)
        #expect(try fixture.count("cycle") == 0)
        #expect(try fixture.count("observation") == 0)
        #expect(try fixture.count("condition") == 0)
        var onToday = entry
        onToday.date = today
        #expect(try fixture.store.logCycle(onToday, today: today).cycle.date == today)
    }
}
