import Foundation
import ImprovementKata
import KataPostgres
import KataTestSupport
import Testing

extension PostgresTests {
    /// The database going away and coming back while a store is open (DESIGN §10.6).
    @Suite("PostgreSQL going away and coming back", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct ReconnectTests {
        @Test("while the database refuses connections the store is unavailable; once it is back, the store works again")
        func reconnects() async throws {
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(
                    url: url, poolSize: 2, unavailableAfter: .seconds(1), logger: TestCluster.logger)
                let ann = try Handle(validating: "ann")
                try await store.addPerson(Person(handle: ann, name: "Ann Lee"))
                let administration = try #require(TestCluster.url)
                let name = try PostgresLocation(url: url).database
                // The database goes away: no new connections, and the open ones are ended.
                try await TestCluster.sql(
                    administration,
                    """
                    ALTER DATABASE \(name) ALLOW_CONNECTIONS false;
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)';
                    """)
                let refusal = try await #require(throws: KataError.self) { try await store.person(ann) }
                #expect(refusal.kind == .unavailable, "\(refusal)")
                #expect(refusal.description.contains(name), "\(refusal)")
                // It comes back: the store reconnects by itself, without being opened again.
                try await TestCluster.sql(administration, "ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
                var answer: Person?
                for _ in 0..<50 where answer == nil {
                    answer = try? await store.person(ann)
                    if answer == nil { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(answer?.name == "Ann Lee")
                await store.close()
            }
        }
    }
}
