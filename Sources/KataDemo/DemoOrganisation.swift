import Foundation
import ImprovementKata
import KataStore

/// A realistic example organisation with history, for trying `kata` and for benchmarks.
///
/// A plant with units (Assembly, Machining, Paint, Logistics, Quality, Maintenance, …), a plant
/// manager and lean staff as 2nd coaches, managers who coach two to four learners each, and some
/// learners who coach their own team leads. Every unit has a challenge under the plant's; learners
/// work toward target conditions with outcome and process metrics, keep current-condition
/// snapshots, park, work and overcome obstacles, and run experiments whose predictions come true or
/// not. Coaches practise steadily, averagely, fade away, improve or start late; 2nd coaches watch
/// now and then and write observations. Holidays of the plant go into the settings.
///
/// The same seed gives the same database, ids included: every choice comes from a seeded
/// generator, and dates and timestamps are derived from `today`, never from the clock.
///
/// The demo is a generator of interchange records (DESIGN §8) written through the seam's import
/// (`KataService.importData`), the one writing path every store has: a file, a server, a
/// PostgreSQL database get the same organisation.
///
/// ```swift
/// let store = try SQLiteStore.inMemory()
/// let summary = try await DemoOrganisation.generate(
///     into: store, coaches: 12, days: 120, seed: 1, endingOn: Day("2026-11-20")!)
/// print(summary.cycles)  // about 2,000
/// ```
public enum DemoOrganisation {
    /// The size of the demo when none is asked for: a small plant, good for a first look.
    public static let defaultCoaches = 12
    /// The days of history when none is asked for.
    public static let defaultDays = 120
    /// The seed when none is asked for.
    public static let defaultSeed: UInt64 = 1
    /// The largest demo: more coaches than any plant has.
    public static let maximumCoaches = 100_000
    /// The longest history: ten years.
    public static let maximumDays = 3_660

    /// Builds the demo organisation in `store`, with `days` days of history up to `today`, through
    /// the store's import (all or nothing); refuses a store that already holds people, so that demo
    /// data never mixes with real data.
    ///
    /// The plant's holidays that the store's settings lack are imported with it; the workweek is
    /// the store's.
    @discardableResult
    public static func generate(
        into store: some KataService, coaches: Int, days: Int, seed: UInt64, endingOn today: Day
    ) async throws -> DemoSummary {
        guard (1...maximumCoaches).contains(coaches) else {
            throw KataError.invalidValue(
                field: "--coaches", value: String(coaches), expected: "a number from 1 to \(maximumCoaches)")
        }
        guard (1...maximumDays).contains(days) else {
            throw KataError.invalidValue(
                field: "--days", value: String(days), expected: "a number of days from 1 to \(maximumDays)")
        }
        if try await holdsPeople(store) {
            throw KataError.ruleBroken(
                "this database already holds people; the demo builds an organisation of its own and never mixes "
                    + "with real data. Give a new database with --db, such as --db /tmp/kata-demo.sqlite.")
        }
        let first = today.adding(days: -(days - 1))
        var workCalendar = try await store.settings().calendar
        var holidays: [(day: Day, name: String)] = []
        for holiday in DemoHolidays.holidays(in: first.year...today.year)
        where !workCalendar.holidays.contains(holiday.day) {
            workCalendar.holidays.insert(holiday.day)
            holidays.append(holiday)
        }

        var random = DemoRandom(seed: seed)
        let plant = DemoPlant(coaches: coaches, days: days, random: &random)
        var calendarRandom = DemoRandom(seed: seed, stream: 1)
        let calendar = DemoCalendar(days: days, endingOn: today, calendar: workCalendar, random: &calendarRandom)
        let opening = try DemoLines(
            plant: plant, holidays: holidays, days: days, calendar: calendar,
            walks: DemoWalks(plant: plant, calendar: calendar, seed: seed), random: &random)
        let stream = DemoStream(
            opening: opening, storyteller: DemoStoryteller(plant: plant, calendar: calendar, seed: seed))
        let expected = Int64(coaches) * Int64(days) * bytesPerCoachAndDay
        let imported = try await store.importData(
            ImportRequest(source: .stream(ImportStream(expectedBytes: expected, next: stream.next)), today: today))

        let example = plant.coaches.first { $0.practice == .steady } ?? plant.coaches[0]
        var summary = try DemoSummary(
            firstDay: first, lastDay: today, people: plant.people.count, pairings: plant.pairings.count,
            challenges: plant.units.count + 1, exampleCoach: Handle(validating: example.handle),
            exampleLearner: Handle(validating: plant.pairings[example.pairings[0]].learner),
            exampleSecondCoach: Handle(validating: example.secondCoach))
        summary.targets = imported.added[.target] ?? 0
        summary.conditions = imported.added[.condition] ?? 0
        summary.obstacles = imported.added[.obstacle] ?? 0
        summary.experiments = imported.added[.experiment] ?? 0
        summary.cycles = imported.added[.cycle] ?? 0
        summary.observations = imported.added[.observation] ?? 0
        summary.holidays = workCalendar.holidays.count
        return summary
    }

    /// About how many bytes of JSONL a coach's learners make in a day of history, so that the
    /// import knows a large load when it sees one.
    static let bytesPerCoachAndDay: Int64 = 1100

    /// Whether `store` already holds people, in which case the demo refuses to write into it.
    public static func holdsPeople(_ store: some KataService) async throws -> Bool {
        try await !store.people(unit: nil).isEmpty
    }
}
