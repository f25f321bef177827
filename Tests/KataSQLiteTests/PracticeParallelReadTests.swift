import CoachTheCoaches
import Foundation
import GRDB
import GRDBSQLite
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

@testable import KataSQLite

@Suite("A large practice report read on two connections")
struct PracticeParallelReadTests {
    static let today = "2026-12-02"

    /// A demo organisation in a file, and the store on it.
    static func demo() async throws -> (KataRunner, SQLiteStore, String) {
        let kata = try await KataRunner(today: today)
        let path = kata.folder.appendingPathComponent("demo.sqlite").path
        #expect(await kata.run("demo", "--coaches", "24", "--days", "160", "--db", path).exitCode == 0)
        return (kata, try SQLiteStore.open(path: path, create: false), path)
    }

    static func summaries(_ inputs: [CoachPracticeInput], _ period: Period, _ store: SQLiteStore) throws
        -> [PracticeSummary]
    {
        let calculator = PracticeCalculator(period: period, calendar: try store.settings().calendar)
        return inputs.map { PracticeSummary($0.facts, calculator: calculator, includeDailyCycles: true) }
    }

    @Test(
        "two connections give exactly the figures of one, for every coach and filter",
        arguments: ["everyone", "unit Assembly", "coach arjun.petrov"])
    func sameFigures(who: String) async throws {
        let words = who.split(separator: " ").map(String.init)
        let filter =
            switch words[0] {
            case "unit": PracticeFilter(unit: words[1])
            case "coach": PracticeFilter(coach: try Handle(validating: words[1]))
            default: PracticeFilter()
            }
        let (kata, store, _) = try await Self.demo()
        _ = kata
        let period = try Period(from: Day("2026-01-01")!, to: Day(Self.today)!)
        let parallel = try #require(try PracticeParallelRead.inputs(store: store, period: period, filter: filter))
        let serial = try store.read { db in try PracticeQuery.inputs(db, period: period, filter: filter) }
        #expect(!serial.isEmpty)
        #expect(try Self.summaries(parallel, period, store) == Self.summaries(serial, period, store))
        #expect(serial.reduce(0) { $0 + $1.plannedSteps } > 0)
    }

    @Test("the write lock that lines up the two snapshots is let go: a writer gets in at once afterwards")
    func lockReleased() async throws {
        let (kata, store, path) = try await Self.demo()
        _ = kata
        let period = try Period(from: Day("2026-06-01")!, to: Day(Self.today)!)
        _ = try #require(try PracticeParallelRead.inputs(store: store, period: period, filter: PracticeFilter()))
        var connection: OpaquePointer?
        #expect(sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK)
        defer { sqlite3_close(connection) }
        sqlite3_busy_timeout(connection, 0)
        #expect(sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        #expect(sqlite3_exec(connection, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
    }

    @Test("a database in memory is read on one connection")
    func inMemory() throws {
        let store = try SQLiteStore.inMemory()
        let period = try Period(from: Day("2026-06-01")!, to: Day(Self.today)!)
        #expect(try PracticeParallelRead.inputs(store: store, period: period, filter: PracticeFilter()) == nil)
    }
}
