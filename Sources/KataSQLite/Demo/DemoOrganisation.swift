import Foundation
import GRDB
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
/// ```swift
/// let store = try SQLiteStore.inMemory()
/// let summary = try DemoOrganisation.generate(
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

    /// Builds the demo organisation in `store`, with `days` days of history up to `today`, in one
    /// transaction; refuses a database that already holds people, so that demo data never mixes
    /// with real data.
    @discardableResult
    public static func generate(into store: SQLiteStore, coaches: Int, days: Int, seed: UInt64, endingOn today: Day)
        throws -> DemoSummary
    {
        guard (1...maximumCoaches).contains(coaches) else {
            throw KataError.invalidValue(
                field: "--coaches", value: String(coaches), expected: "a number from 1 to \(maximumCoaches)")
        }
        guard (1...maximumDays).contains(days) else {
            throw KataError.invalidValue(
                field: "--days", value: String(days), expected: "a number of days from 1 to \(maximumDays)")
        }
        return try bulkWrite(store) { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") ?? false {
                throw KataError.ruleBroken(
                    "this database already holds people; the demo builds an organisation of its own and never mixes "
                        + "with real data. Give a new database with --db, such as --db /tmp/kata-demo.sqlite.")
            }
            return try withIndexesBuiltAfterwards(db) {
                try build(db, coaches: coaches, days: days, seed: seed, today: today)
            }
        }
    }

    /// Whether `store` already holds people, in which case the demo refuses to write into it.
    public static func holdsPeople(_ store: SQLiteStore) throws -> Bool {
        try store.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") ?? false }
    }

    /// Gives a new demo database its settings: the time zone UTC unless one is set already (by
    /// `kata init`), and the default workweek.
    public static func configure(_ store: SQLiteStore) throws {
        let zoneIsSet = try store.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = 'timeZone')") ?? false
        }
        try store.configure(timeZone: zoneIsSet ? nil : "UTC", workweek: nil)
    }

    private static func build(_ db: Database, coaches: Int, days: Int, seed: UInt64, today: Day) throws -> DemoSummary {
        let first = today.adding(days: -(days - 1))
        for holiday in DemoHolidays.holidays(in: first.year...today.year) {
            try db.execute(
                sql: "INSERT OR IGNORE INTO holiday (date, name) VALUES (?, ?)",
                arguments: [holiday.day, holiday.name])
        }
        let settings = try SQLiteStore.settings(db)

        var random = DemoRandom(seed: seed)
        let plant = DemoPlant(coaches: coaches, days: days, random: &random)
        var calendarRandom = DemoRandom(seed: seed, stream: 1)
        let calendar = DemoCalendar(
            days: days, endingOn: today, calendar: settings.calendar, random: &calendarRandom)
        let writer = try DemoWriter(db, calendar: calendar)
        try writePlant(plant, days: days, with: writer, &random)

        let example = plant.coaches.first { $0.practice == .steady } ?? plant.coaches[0]
        var summary = try DemoSummary(
            firstDay: first, lastDay: today, people: plant.people.count, pairings: plant.pairings.count,
            challenges: plant.units.count + 1, exampleCoach: Handle(validating: example.handle),
            exampleLearner: Handle(validating: plant.pairings[example.pairings[0]].learner),
            exampleSecondCoach: Handle(validating: example.secondCoach))
        try writeHistories(
            DemoStoryteller(plant: plant, calendar: calendar, seed: seed), with: writer, counting: &summary)
        summary.holidays = try Int.fetchOne(db, sql: "SELECT count(*) FROM holiday") ?? 0
        return summary
    }

    /// Writes the people, challenges and pairings of the plant.
    private static func writePlant(_ plant: DemoPlant, days: Int, with writer: DemoWriter, _ random: inout DemoRandom)
        throws
    {
        for person in plant.people { try writer.insert(person) }
        let plantChallenge = DemoPhrases.plantChallenge
        try writer.insertChallenge(
            id: plant.plantChallengeID, title: plantChallenge.title, description: plantChallenge.description,
            owner: plant.plantManager, by: days - 1 + 540, parent: nil)
        for unit in plant.units {
            let words = DemoPhrases.unitChallenge(unit.name, kind: unit.kind.name)
            try writer.insertChallenge(
                id: unit.challengeID, title: words.title, description: words.description,
                owner: unit.head ?? plant.plantManager, by: days - 1 + random.int(180...540),
                parent: plant.plantChallengeID)
        }
        for pairing in plant.pairings { try writer.insert(pairing, coach: plant.coaches[pairing.coach].handle) }
    }

    /// Writes the coaches' histories while another thread makes them up, so that on two cores the
    /// writing seldom waits.
    private static func writeHistories(
        _ storyteller: DemoStoryteller, with writer: DemoWriter, counting summary: inout DemoSummary
    ) throws {
        let pipeline = DemoPipeline<DemoRows>(capacity: 64)
        let told = DispatchSemaphore(value: 0)
        let thread = Thread {
            storyteller.tell(into: pipeline)
            told.signal()
        }
        thread.start()
        defer {
            pipeline.cancel()
            told.wait()
        }
        while let rows = pipeline.take() {
            try writer.write(rows)
            summary.targets += rows.count(.target)
            summary.conditions += rows.count(.condition)
            summary.obstacles += rows.count(.obstacle)
            summary.experiments += rows.count(.experiment)
            summary.cycles += rows.count(.cycle)
            summary.observations += rows.count(.observation)
        }
    }
}
