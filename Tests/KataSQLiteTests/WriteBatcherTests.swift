import Foundation
import GRDB
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

@testable import KataSQLite

/// The group commit of a server's small writes: many callers at once, each stored once, each
/// failure its own.
@Suite("Store: group commit of concurrent writes")
struct WriteBatcherTests {
    /// The access organisation in a file opened as a server opens it.
    private func serverStore(_ folder: TemporaryFolder) throws -> SQLiteStore {
        let path = folder.path("kata.sqlite")
        _ = try AccessFixture(store: SQLiteStore.open(path: path, create: true))
        return try SQLiteStore.open(path: path, create: false, concurrentReads: true)
    }

    @Test(
        "200 cycles logged at once by Ann are each stored once; Dan's refused ones and a resent id change nothing else")
    func concurrentCycles() async throws {
        let folder = try TemporaryFolder()
        let owner = try serverStore(folder)
        let ann = owner.scoped(to: Who.coach.caller)
        let ids = (0..<200).map { _ in UUID() }
        let entry = CycleEntry(date: AccessFixture.today, coach: handle("ann"), learner: handle("bo"), minutes: 10)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for id in ids {
                group.addTask {
                    do {
                        return try await ann.recordCycle(
                            entry, id: id, at: AccessFixture.now, today: AccessFixture.today
                        )
                        .isNew ? "new" : "again"
                    } catch { return "\(error)" }
                }
            }
            for _ in 0..<20 {  // Ann logging for Dan's learner: forbidden, in the same batches
                group.addTask {
                    let eve = CycleEntry(date: AccessFixture.today, coach: handle("ann"), learner: handle("eve"))
                    do {
                        _ = try await ann.recordCycle(
                            eve, id: UUID(), at: AccessFixture.now, today: AccessFixture.today)
                        return "stored"
                    } catch let error as KataError { return error.description } catch { return "\(error)" }
                }
            }
            group.addTask {  // the first id again, at the same time as the first
                do {
                    _ = try await ann.recordCycle(entry, id: ids[0], at: AccessFixture.now, today: AccessFixture.today)
                    return "resent"
                } catch { return "\(error)" }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes["new"] == 200)
        #expect(outcomes["you do not coach eve."] == 20)
        #expect(outcomes["resent"] == 1)
        #expect(outcomes.values.reduce(0, +) == 221)
        let stored = try owner.cycles(CycleFilter(learner: handle("bo")))
        #expect(stored.count == 202)  // the fixture's two and the 200
        #expect(Set(stored.map(\.id)).isSuperset(of: ids))
        #expect(try owner.cycles(CycleFilter(learner: handle("eve"))).count == 1)
    }

    @Test("a batch whose commit fails (a deferred foreign key) is written again one by one: only the faulty work fails")
    func failedCommit() async throws {
        let folder = try TemporaryFolder()
        let owner = try serverStore(folder)
        let before = try owner.cycles().count
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<30 {
                group.addTask {
                    do {
                        try await owner.batchedWrite { db in
                            // Every tenth names a learner nobody is: its foreign key fails only at commit.
                            let learner = index % 10 == 0 ? "nobody" : "bo"
                            try db.execute(
                                sql: "INSERT INTO cycle (id, date, coach, learner) VALUES (?, '2026-11-20', 'ann', ?)",
                                arguments: [UUID().text, learner])
                        }
                        return "ok"
                    } catch let error as KataError { return error.description } catch { return "\(error)" }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(results["ok"] == 27)
        #expect(results["a reference points to a record that does not exist."] == 3)
        #expect(try owner.cycles().count == before + 27)
    }
}
