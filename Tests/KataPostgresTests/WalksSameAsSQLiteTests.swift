import CoachTheCoaches
import Foundation
import ImprovementKata
import KataCLI
import KataPostgres
import KataSQLite
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    /// Leaders' walks, walk plans and the chain of coaching (DESIGN §11.2) on PostgreSQL: the same
    /// results and the same refusals, word for word, as the SQLite store.
    @Suite(
        "PostgreSQL records walks and answers the chain as SQLite does",
        .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct WalksSameAsSQLiteTests {
        typealias Twins = SameAsSQLiteTests.Twins
        static let today = Day("2026-11-20")!

        static func walk(_ id: String, _ walker: String, _ date: String, _ learners: [String], with: String? = nil)
            throws -> Walk
        {
            try Walk(
                id: #require(UUID(uuidString: "abcd1234-0000-4000-8000-00000000000\(id)")),
                walker: Handle(validating: walker), date: SameAsSQLiteTests.day(date),
                learners: learners.map { try Handle(validating: $0) }, mode: .goSee,
                with: with.map { try Handle(validating: $0) }, learned: "Reads the chart first")
        }

        @Test("walks and plans: recorded once, listed, refused alike; the chain the same")
        func walksAndChain() async throws {
            try await Twins.with { twins in
                try await SameAsSQLiteTests.addTeam(twins)
                let pairing = try Pairing(
                    coach: Handle(validating: "ann"), learner: Handle(validating: "bo"),
                    since: SameAsSQLiteTests.day("2026-11-02"))
                await twins.sameEffect({ try $0.addPairing(pairing) }, { try await $0.addPairing(pairing) })
                let walk = try Self.walk("1", "carl", "2026-11-18", ["bo"], with: "ann")
                let today = Self.today
                await twins.same(
                    { try $0.recordWalk(walk, at: Date(), today: today) },
                    { try await $0.recordWalk(walk, at: Date(), today: today) })
                await twins.same(
                    { try $0.recordWalk(walk, at: Date(), today: today) },
                    { try await $0.recordWalk(walk, at: Date(), today: today) })
                var other = walk
                other.learned = "Something else"
                var refusals = [other]
                refusals.append(try Self.walk("2", "carl", "2026-11-23", ["bo"]))
                refusals.append(try Self.walk("3", "carl", "2026-11-18", ["boo"]))
                refusals.append(try Self.walk("4", "karl", "2026-11-18", ["bo"]))
                for refused in refusals {
                    #expect(
                        await twins.same(
                            { try $0.recordWalk(refused, at: Date(), today: today) },
                            { try await $0.recordWalk(refused, at: Date(), today: today) }
                        ).isError)
                }
                await twins.same({ try $0.walks(walker: nil) }, { try await $0.walks(walker: nil) })
                let plan = try WalkPlan(
                    walker: Handle(validating: "carl"), every: 2, since: SameAsSQLiteTests.day("2026-11-02"))
                await twins.sameEffect({ try $0.setWalkPlan(plan) }, { try await $0.setWalkPlan(plan) })
                let nobody = try WalkPlan(walker: Handle(validating: "karl"), every: 1)
                #expect(
                    await twins.sameEffect({ try $0.setWalkPlan(nobody) }, { try await $0.setWalkPlan(nobody) }).isError
                )
                await twins.same({ try $0.walkPlans() }, { try await $0.walkPlans() })
                let request = ChainRequest(weeks: 4, today: today)
                let chain = await twins.same({ try await $0.chain(request) }, { try await $0.chain(request) })
                guard case let .value(report) = chain else { return }
                #expect(report.tree.map(\.handle.rawValue) == ["ann", "carl"])
                #expect(report.tree.first?.touchedBy.map(\.rawValue) == ["carl"])
                // A manager reads their own line; someone who manages no one may not read it.
                let manager = twins.scoped(to: .account(handle: try Handle(validating: "ann"), roles: []))
                await manager.same({ try await $0.chain(request) }, { try await $0.chain(request) })
                let plain = twins.scoped(to: .account(handle: try Handle(validating: "bo"), roles: []))
                #expect(await plain.same({ try await $0.chain(request) }, { try await $0.chain(request) }).isError)
            }
        }
    }
}
