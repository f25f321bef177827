import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport

/// An in-memory organisation: Dee manages Ann, who coaches Bob and Cy; Eve is a 2nd coach.
///
/// Calendar: UTC, Monday to Friday, no holidays.
struct Fixture {
    let store: SQLiteStore

    init(store: SQLiteStore? = nil) throws {
        self.store = try store ?? SQLiteStore.inMemory()
        try self.store.configure(timeZone: "UTC", workweek: WorkCalendar.mondayToFriday)
        try self.store.addPerson(Person(handle: handle("dee"), name: "Dee Park", unit: "Plant"))
        try self.store.addPerson(
            Person(handle: handle("ann"), name: "Ann Lee", unit: "Assembly", reportsTo: handle("dee")))
        try self.store.addPerson(
            Person(handle: handle("bob"), name: "Bob Ray", unit: "Assembly", reportsTo: handle("ann")))
        try self.store.addPerson(
            Person(handle: handle("cy"), name: "Cy Young", unit: "Assembly", reportsTo: handle("ann")))
        try self.store.addPerson(Person(handle: handle("eve"), name: "Eve Stone", unit: "Lean office"))
    }

    /// Adds and returns an active target condition for `learner`.
    @discardableResult
    func addTarget(
        learner: String = "bob", focus: String = "Line 3 changeover", created: String = "2026-11-02",
        achieveBy: String = "2026-12-18"
    ) throws -> TargetCondition {
        let target = try TargetCondition(
            learner: handle(learner), focusProcess: focus, condition: "Changeover in 20 min, every shift",
            achieveBy: day(achieveBy), createdOn: day(created))
        try store.addTarget(target)
        return target
    }

    /// Pairs Ann (or `coach`) with `learner` from 2026-11-01.
    func pair(coach: String = "ann", learner: String, since: String = "2026-11-01", until: String? = nil) throws {
        try store.addPairing(
            Pairing(coach: handle(coach), learner: handle(learner), since: day(since), until: until.map(day)))
    }

    /// Logs a cycle of Ann (or `coach`) with `learner` on `date`.
    @discardableResult
    func log(
        _ date: String, coach: String = "ann", learner: String = "bob", target: UUID? = nil, happened: String? = nil,
        learned: String? = nil, obstacle: UUID? = nil, newObstacle: String? = nil, nextStep: String? = nil,
        expected: String? = nil, goSee: String? = nil, minutes: Int? = 15
    ) throws -> LoggedCycle {
        try store.logCycle(
            CycleEntry(
                date: day(date), coach: handle(coach), learner: handle(learner), minutes: minutes, target: target,
                happened: happened, learned: learned, obstacle: obstacle, newObstacle: newObstacle,
                nextStep: nextStep, expected: expected, goSee: goSee.map(day)))
    }

    /// The number of rows in `table`.
    func count(_ table: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// Row counts of the tables a cycle writes to.
    func practiceCounts() throws -> [Int] {
        try ["cycle", "experiment", "obstacle", "target"].map(count)
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kata-store-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
