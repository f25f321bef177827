import Foundation
import GRDB
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("The demo organisation")
struct DemoOrganisationTests {
    /// 60 days back from here reach over Ascension Day and Whit Monday.
    static let today = Day("2026-06-30")!

    private func demo(coaches: Int = 8, days: Int = 60, seed: UInt64 = 1) async throws -> (SQLiteStore, DemoSummary) {
        let store = try SQLiteStore.inMemory()
        let summary = try await DemoOrganisation.generate(
            into: store, coaches: coaches, days: days, seed: seed, endingOn: DemoOrganisationTests.today)
        return (store, summary)
    }

    /// Every row of every table, ordered by its key.
    private func contents(_ store: SQLiteStore) throws -> [String: [String]] {
        let tables = [
            ("setting", "key"), ("holiday", "date"), ("person", "handle"), ("pairing", "id"), ("challenge", "id"),
            ("target", "id"), ("target_metric", "target, kind, position"), ("target_amendment", "target, position"),
            ("condition", "id"), ("obstacle", "id"), ("experiment", "id"), ("cycle", "id"), ("observation", "id"),
        ]
        return try store.read { db in
            var result: [String: [String]] = [:]
            for (table, key) in tables {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(key)").map(\.description)
            }
            return result
        }
    }

    private func count(_ store: SQLiteStore, _ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test("the same seed builds the same database, ids included")
    func sameSeed() async throws {
        let (first, firstSummary) = try await demo()
        let (second, secondSummary) = try await demo()
        let firstContents = try contents(first)
        #expect(firstContents == (try contents(second)))
        #expect(firstSummary == secondSummary)
        #expect((firstContents["cycle"]?.count ?? 0) > 300)
    }

    @Test("another seed builds another organisation")
    func otherSeed() async throws {
        let (first, _) = try await demo(seed: 1)
        let (second, _) = try await demo(seed: 2)
        let ids = "SELECT id FROM cycle"
        let firstIDs = Set(try first.read { db in try String.fetchAll(db, sql: ids) })
        let secondIDs = Set(try second.read { db in try String.fetchAll(db, sql: ids) })
        #expect(firstIDs.isDisjoint(with: secondIDs))
        let handles = "SELECT handle FROM person ORDER BY handle"
        #expect(
            try first.read { db in try String.fetchAll(db, sql: handles) }
                != second.read { db in
                    try String.fetchAll(db, sql: handles)
                })
    }

    @Test("what it builds keeps every rule of the schema")
    func schemaRules() async throws {
        let (store, _) = try await demo(seed: 7)
        let (broken, integrity) = try store.read { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"),
                try String.fetchAll(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(broken.isEmpty)
        #expect(integrity == ["ok"])
        let activeTargets = try store.read { db in
            try Int.fetchAll(
                db,
                sql: "SELECT count(*) FROM target WHERE status = 'active' GROUP BY learner, focusProcess")
        }
        let workedObstacles = try store.read { db in
            try Int.fetchAll(db, sql: "SELECT count(*) FROM obstacle WHERE status = 'working' GROUP BY target")
        }
        #expect(!activeTargets.isEmpty && activeTargets.allSatisfy { $0 == 1 })
        #expect(!workedObstacles.isEmpty && workedObstacles.allSatisfy { $0 == 1 })
        #expect(
            try count(store, "SELECT count(*) FROM experiment WHERE closedAt < plannedAt OR closedOn < plannedOn")
                == 0)
        #expect(
            try count(store, "SELECT count(*) FROM experiment WHERE substr(plannedAt, 1, 10) <> plannedOn") == 0)
        // The five questions: a cycle reviews a step planned before and plans one that day, for the
        // learner's own target condition.
        #expect(
            try count(
                store,
                """
                SELECT count(*) FROM cycle
                    LEFT JOIN experiment reviewed ON reviewed.id = cycle.reviewed
                    LEFT JOIN experiment planned ON planned.id = cycle.planned
                    JOIN target ON target.id = cycle.target
                WHERE target.learner <> cycle.learner OR reviewed.closedOn <> cycle.date
                    OR reviewed.plannedOn >= cycle.date OR planned.plannedOn <> cycle.date
                """) == 0)
        // Every cycle falls within a pairing of its coach and learner.
        #expect(
            try count(
                store,
                """
                SELECT count(*) FROM cycle WHERE NOT EXISTS (SELECT 1 FROM pairing
                    WHERE pairing.coach = cycle.coach AND pairing.learner = cycle.learner
                    AND pairing.since <= cycle.date AND (pairing.until IS NULL OR pairing.until >= cycle.date))
                """) == 0)
        #expect(
            try count(
                store,
                "SELECT count(*) FROM cycle WHERE id NOT GLOB '????????-????-4???-[89ab]???-????????????'") == 0)
    }

    @Test("it shows practice as it is: weekends, holidays, long cycles, missing predictions, observations")
    func realisticPractice() async throws {
        let (store, summary) = try await demo()
        #expect(try count(store, "SELECT count(*) FROM cycle WHERE strftime('%w', date) IN ('0', '6')") > 0)
        #expect(try count(store, "SELECT count(*) FROM holiday WHERE date IN ('2026-05-14', '2026-05-25')") == 2)
        #expect(summary.holidays == (try count(store, "SELECT count(*) FROM holiday")))
        #expect(try count(store, "SELECT count(*) FROM observation WHERE focus <> '' AND \"trigger\" <> ''") > 0)
        #expect(try count(store, "SELECT count(*) FROM cycle WHERE secondCoach IS NOT NULL") > 0)
        let cycles = try count(store, "SELECT count(*) FROM cycle")
        let over20 = try count(store, "SELECT count(*) FROM cycle WHERE minutes > 20")
        let usual = try count(store, "SELECT count(*) FROM cycle WHERE minutes BETWEEN 10 AND 20")
        #expect(over20 > 0)
        #expect(Double(usual) > 0.6 * Double(cycles))
        #expect(try count(store, "SELECT count(*) FROM experiment WHERE expected IS NULL") > 0)
        #expect(
            try count(store, "SELECT count(*) FROM experiment WHERE expected IS NULL")
                < (try count(store, "SELECT count(*) FROM experiment WHERE expected IS NOT NULL")))
        #expect(try count(store, "SELECT count(DISTINCT status) FROM obstacle") == 4)
        #expect(try count(store, "SELECT count(DISTINCT status) FROM target WHERE status <> 'active'") >= 2)
        #expect(try count(store, "SELECT count(*) FROM challenge WHERE parent IS NOT NULL") > 0)
        #expect(try count(store, "SELECT count(*) FROM target_metric WHERE kind = 'process'") > 0)
        #expect(try count(store, "SELECT count(*) FROM condition WHERE json_array_length(metrics) > 0") > 0)
        // A chain of coaching: someone who is coached also coaches.
        #expect(try count(store, "SELECT count(*) FROM pairing WHERE coach IN (SELECT learner FROM pairing)") > 0)
    }

    @Test("some coaches coach steadily and at least one lets the practice lapse")
    func regularity() async throws {
        let (store, summary) = try await demo()
        let first = summary.firstDay
        let early = "'\(first)' AND '\(first.adding(days: 19))'"
        let late = "'\(summary.lastDay.adding(days: -19))' AND '\(summary.lastDay)'"
        let perCoach = try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT coach,
                        count(DISTINCT CASE WHEN date BETWEEN \(early) THEN date END) AS early,
                        count(DISTINCT CASE WHEN date BETWEEN \(late) THEN date END) AS late
                    FROM cycle GROUP BY coach
                    """)
        }
        let lapsing = perCoach.filter { row in (row["early"] as Int) >= 8 && (row["late"] as Int) <= 2 }
        // About 13 workdays in each window of 20 days.
        let steady = perCoach.filter { row in (row["early"] as Int) >= 10 && (row["late"] as Int) >= 10 }
        #expect(!lapsing.isEmpty, "\(perCoach)")
        #expect(!steady.isEmpty, "\(perCoach)")
    }

    @Test("the number of cycles grows with the coaches and the days")
    func scaling() async throws {
        let (_, base) = try await demo(coaches: 8, days: 60)
        let (_, moreCoaches) = try await demo(coaches: 16, days: 60)
        let (_, moreDays) = try await demo(coaches: 8, days: 120)
        for grown in [moreCoaches.cycles, moreDays.cycles] {
            let ratio = Double(grown) / Double(base.cycles)
            #expect(ratio > 1.5 && ratio < 2.6, "ratio \(ratio)")
        }
        #expect(moreCoaches.people > base.people)
    }

    @Test("the summary counts what is in the database")
    func summaryCounts() async throws {
        let (store, summary) = try await demo(coaches: 5, days: 40)
        #expect(summary.cycles == (try count(store, "SELECT count(*) FROM cycle")))
        #expect(summary.experiments == (try count(store, "SELECT count(*) FROM experiment")))
        #expect(summary.targets == (try count(store, "SELECT count(*) FROM target")))
        #expect(summary.people == (try count(store, "SELECT count(*) FROM person")))
        #expect(summary.observations == (try count(store, "SELECT count(*) FROM observation")))
        #expect(summary.firstDay == Day("2026-05-22"))
        #expect(try count(store, "SELECT count(*) FROM cycle WHERE date > '2026-06-30' OR date < '2026-05-22'") == 0)
        let coach = summary.exampleCoach.rawValue
        #expect(try count(store, "SELECT count(*) FROM pairing WHERE coach = '\(coach)'") >= 2)
    }

    @Test("a database that already holds people is refused and left as it was")
    func refusesRealData() async throws {
        let store = try SQLiteStore.inMemory()
        try store.addPerson(Person(handle: Handle(validating: "ann"), name: "Ann Lee"))
        await #expect(throws: KataError.self) {
            try await DemoOrganisation.generate(
                into: store, coaches: 3, days: 10, seed: 1, endingOn: DemoOrganisationTests.today)
        }
        #expect(try count(store, "SELECT count(*) FROM person") == 1)
        #expect(try count(store, "SELECT count(*) FROM holiday") == 0)
        #expect(try await DemoOrganisation.holdsPeople(store))
    }

    @Test("holidays already in the settings are kept, and only the plant's other holidays are added")
    func keepsHolidays() async throws {
        let store = try SQLiteStore.inMemory()
        // Ascension Day 2026 under the organisation's own name, and a day the plant does not keep.
        try store.configure(timeZone: "UTC", workweek: nil, addHolidays: [Day("2026-05-14")!, Day("2026-06-02")!])
        let before = try count(store, "SELECT count(*) FROM holiday")
        let summary = try await DemoOrganisation.generate(
            into: store, coaches: 3, days: 60, seed: 1, endingOn: DemoOrganisationTests.today)
        let (plain, _) = try await demo(coaches: 3, days: 60)
        #expect(before == 2)
        #expect(try count(store, "SELECT count(*) FROM holiday WHERE date IN ('2026-05-14', '2026-06-02')") == 2)
        #expect(try count(store, "SELECT count(*) FROM holiday WHERE date = '2026-05-14' AND name IS NULL") == 1)
        #expect(summary.holidays == (try count(store, "SELECT count(*) FROM holiday")))
        #expect(summary.holidays == (try count(plain, "SELECT count(*) FROM holiday")) + 1)
    }

    @Test("a size out of range is refused", arguments: [(0, 10), (3, 0), (100_001, 10)])
    func sizes(coaches: Int, days: Int) async throws {
        let store = try SQLiteStore.inMemory()
        await #expect(throws: KataError.self) {
            try await DemoOrganisation.generate(
                into: store, coaches: coaches, days: days, seed: 1, endingOn: DemoOrganisationTests.today)
        }
    }
}
