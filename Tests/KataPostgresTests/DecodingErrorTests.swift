import Foundation
import ImprovementKata
import KataPostgres
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    @Suite("A value the store cannot read", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct DecodingErrorTests {
        @Test("a column of another type than kata wrote is an unusable database naming it, not a raw driver error")
        func columnOfAnotherType() async throws {
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 1, logger: TestCluster.logger)
                let (ann, bo) = (try Handle(validating: "ann"), try Handle(validating: "bo"))
                try await store.addPerson(Person(handle: ann, name: "Ann Lee"))
                try await store.addPerson(Person(handle: bo, name: "Bo Chen"))
                let today = try #require(Day("2026-11-20"))
                _ = try await store.recordCycle(
                    CycleEntry(date: today, coach: ann, learner: bo, minutes: 15), id: UUID(), at: Date(), today: today)
                // minutes is integer in 0001; kata reads it as 32 bits, not as bigint.
                try await TestCluster.sql(url, "ALTER TABLE cycle ALTER COLUMN minutes TYPE bigint")
                var caught: (any Error)?
                do { _ = try await store.cycles(CycleFilter()) } catch { caught = error }
                await store.close()
                #expect(
                    caught as? KataError
                        == .unusableDatabase(
                            "the database holds a value kata cannot read in minutes; run 'kata check'."),
                    "\(caught.map { String(reflecting: $0) } ?? "no error")")
            }
        }
    }
}
