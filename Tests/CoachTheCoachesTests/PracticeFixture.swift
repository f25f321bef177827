import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// Shorthands for the tests: days, handles and periods from text.
func day(_ text: String) -> Day { Day(text)! }
func handle(_ text: String) -> Handle { try! Handle(validating: text) }
func period(_ from: String, _ to: String) -> Period { try! Period(from: day(from), to: day(to)) }

/// A small organisation, coached over two weeks of November 2026 (Mon 2 to Sun 15), whose
/// figures are worked out by hand in the tests. Wednesday 11 November is a holiday.
///
/// - ann (Assembly) coaches lee since 1 October (2nd coach dora), kim since 9 November, and ned
///   since 1 November without ever coaching him.
/// - bob (Assembly) has no pairing; his first ever cycle is on Wednesday 4 November.
/// - cat (Welding) coached max until Friday 6 November (2nd coach eve) and once after that.
/// - dan's pairing ended before the period, fay's starts after it: neither is listed.
enum PracticeFixture {
    static let fortnight = period("2026-11-02", "2026-11-15")

    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try populate(store)
        return store
    }

    static func populate(_ store: SQLiteStore) throws {
        try store.configure(timeZone: "UTC", workweek: nil, addHolidays: [day("2026-11-11")])
        for (name, unit) in [
            ("ann", "Assembly"), ("bob", "Assembly"), ("cat", "Welding"), ("dan", "Welding"), ("fay", "Paint"),
            ("dora", "Lean office"), ("eve", "Lean office"), ("lee", "Assembly"), ("kim", "Assembly"),
            ("ned", "Assembly"), ("max", "Welding"), ("sue", "Paint"),
        ] {
            // cat's name has what JSON and CSV must escape.
            let display = name == "cat" ? "Cat \"Kit\" Zoë/Ø \\ Example" : name.capitalized + " Example"
            try store.addPerson(Person(handle: handle(name), name: display, unit: unit))
        }
        try pair(store, "ann", "lee", since: "2026-10-01", second: "dora")
        try pair(store, "ann", "kim", since: "2026-11-09")
        try pair(store, "ann", "ned", since: "2026-11-01")
        try pair(store, "cat", "max", since: "2026-06-01", until: "2026-11-06", second: "eve")
        try pair(store, "dan", "sue", since: "2026-01-05", until: "2026-10-30", second: "dora")
        try pair(store, "fay", "sue", since: "2026-11-20")
        try store.addTarget(
            TargetCondition(
                learner: handle("lee"), focusProcess: "Changeover", condition: "Changeover under 10 minutes",
                achieveBy: day("2026-12-18"), createdOn: day("2026-10-01")))

        // ann: 6 cycles in the period with lee and kim, 4 steps planned of which 2 with a prediction.
        try cycle(store, "2026-10-20", "ann", "lee", minutes: 15)
        try cycle(store, "2026-11-02", "ann", "lee", minutes: 15, step: "Try A", expect: "Changeover under 12 min")
        try cycle(store, "2026-11-03", "ann", "lee", minutes: 25, reviews: true, step: "Try B", expect: "  \t ")
        try cycle(store, "2026-11-03", "ann", "kim")
        try cycle(
            store, "2026-11-07", "ann", "lee", minutes: 30, reviews: true, step: "Try C", expect: "\u{A0}\u{3000}")
        try cycle(store, "2026-11-11", "ann", "lee", minutes: 10, reviews: true, step: "Try D", expect: "Fewer stops")
        try cycle(store, "2026-11-12", "ann", "kim", minutes: 20)
        try cycle(store, "2026-11-20", "ann", "kim", minutes: 20)
        // bob, without pairings.
        for date in ["2026-11-04", "2026-11-05", "2026-11-13"] { try cycle(store, date, "bob", "max") }
        // cat, whose pairing ends on Friday 6 November.
        for date in ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06", "2026-11-10"] {
            try cycle(store, date, "cat", "max", minutes: 18)
        }
        try cycle(store, "2026-10-15", "dan", "sue")
        for date in ["2026-10-30", "2026-11-04", "2026-11-20"] {
            try store.addObservation(
                Observation(date: day(date), secondCoach: handle("dora"), coach: handle("ann"), notes: "Asked Q2 well"))
        }
    }

    static func pair(
        _ store: SQLiteStore, _ coach: String, _ learner: String, since: String, until: String? = nil,
        second: String? = nil
    ) throws {
        try store.addPairing(
            Pairing(
                coach: handle(coach), learner: handle(learner), secondCoach: second.map(handle), since: day(since),
                until: until.map(day)))
    }

    static func cycle(
        _ store: SQLiteStore, _ date: String, _ coach: String, _ learner: String, minutes: Int? = nil,
        reviews: Bool = false, step: String? = nil, expect: String? = nil
    ) throws {
        try store.logCycle(
            CycleEntry(
                date: day(date), coach: handle(coach), learner: handle(learner), minutes: minutes,
                happened: reviews ? "It went as planned" : nil, learned: reviews ? "Setup matters" : nil,
                nextStep: step, expected: expect))
    }
}
