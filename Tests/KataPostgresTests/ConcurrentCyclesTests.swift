import Foundation
import ImprovementKata
import KataPostgres
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    /// Several servers logging cycles at once on one database (DESIGN §12): every cycle answered is
    /// stored exactly once, however many times and through whichever server it is sent.
    @Suite("Cycles logged at once on PostgreSQL", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct ConcurrentCyclesTests {
        static let today = Day("2026-11-20")
        static let now = Date(timeIntervalSince1970: 1_795_000_000)

        @Test(
            "48 cycles for 8 learners, each sent 3 times at once through two stores: each stored once, twice answered as logged"
        )
        func sameAndDifferentIDs() async throws {
            try await SharedDatabaseTests.withTwoStores { one, two in
                let today = try #require(Self.today)
                let ann = try Handle(validating: "ann")
                let learners = try (0..<8).map { try Handle(validating: "learner-\($0)") }
                try await one.addPerson(Person(handle: ann, name: "Ann Lee"))
                for learner in learners {
                    try await one.addPerson(Person(handle: learner, name: "Learner \(learner)"))
                    try await one.addPairing(Pairing(coach: ann, learner: learner, since: today.adding(days: -7)))
                    try await two.addTarget(
                        TargetCondition(
                            learner: learner, focusProcess: "Station 4", condition: "Within 52 s",
                            achieveBy: today.adding(days: 30), createdOn: today.adding(days: -7)), today: today)
                }
                // Ann's account through one server, the owner through the other.
                let stores = [one.scoped(to: .account(handle: ann, roles: [])), two]
                let cycles = (0..<48).map { index in
                    (
                        UUID(),
                        CycleEntry(
                            date: today, coach: ann, learner: learners[index % learners.count], minutes: 10 + index,
                            actualCondition: "\(50 + index) s")
                    )
                }
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for send in 0..<3 {
                        for (index, (id, entry)) in cycles.enumerated() {
                            let store = stores[(index + send) % stores.count]
                            group.addTask {
                                do {
                                    let recorded = try await store.recordCycle(
                                        entry, id: id, at: Self.now, today: today)
                                    return recorded.isNew ? "new" : "again"
                                } catch { return "\(error)" }
                            }
                        }
                    }
                    return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
                }
                #expect(outcomes == ["new": 48, "again": 96])
                let stored = try await two.cycles(CycleFilter())
                #expect(stored.count == 48)
                #expect(Set(stored.map(\.id)) == Set(cycles.map(\.0)))
                #expect(stored.compactMap(\.minutes).sorted() == Array(10..<58))
                // Other content under a used id is still a conflict, and stores nothing.
                var other = cycles[0].1
                other.minutes = 99
                let conflict = try await #require(throws: KataError.self) {
                    try await one.recordCycle(other, id: cycles[0].0, at: Self.now, today: today)
                }
                #expect(conflict.kind == .conflict)
                #expect(try await one.cycles(CycleFilter()).count == 48)
            }
        }
    }
}
