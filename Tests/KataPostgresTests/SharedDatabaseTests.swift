import Foundation
import ImprovementKata
import KataPostgres
import KataStore
import KataTestSupport
import Testing

extension PostgresTests {
    /// Several `kata serve` processes on one database (DESIGN §10.6): nothing that another needs
    /// lives in one store's memory.
    @Suite("Two stores on one database", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct SharedDatabaseTests {
        /// Runs `body` with two stores, each with a pool of its own, on one new database.
        static func withTwoStores(_ body: (PostgresStore, PostgresStore) async throws -> Void) async throws {
            try await TestCluster.withDatabase { url in
                let one = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                let two = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                do {
                    try await body(one, two)
                    await one.close()
                    await two.close()
                } catch {
                    await one.close()
                    await two.close()
                    throw error
                }
            }
        }

        static let now = Date(timeIntervalSince1970: 1_795_000_000)

        @Test("a token and a session made through one store sign in through the other at once, and end there at once")
        func credentialsShared() async throws {
            try await Self.withTwoStores { one, two in
                let ann = try Handle(validating: "ann")
                try await one.addPerson(Person(handle: ann, name: "Ann Lee"))
                try await one.addAccount(
                    handle: ann, roles: [.lean], passwordHash: "$2b$12$" + String(repeating: "a", count: 53),
                    at: Self.now)
                #expect(try await two.signInRecord(handle: ann)?.account.roles == [.lean])

                let secret = SecretToken.random()
                let token = APIToken(id: UUID(), handle: ann, name: "laptop", created: Self.now)
                try await one.addToken(token, sha256: secret.sha256)
                #expect(try await two.owner(ofToken: secret.sha256, at: Self.now + 60)?.token.id == token.id)
                #expect(try await one.token(id: token.id)?.lastUsed == Self.now + 60)

                let cookie = SecretToken.random()
                let csrf = String(repeating: "x", count: 43)
                try await two.addSession(sha256: cookie.sha256, handle: ann, csrf: csrf, at: Self.now)
                #expect(try await one.session(sha256: cookie.sha256, at: Self.now + 120)?.csrf == csrf)

                try await two.revokeToken(id: token.id, at: Self.now + 180)
                #expect(try await one.owner(ofToken: secret.sha256, at: Self.now + 181) == nil)
                try await one.endSession(sha256: cookie.sha256, at: Self.now + 240)
                #expect(try await two.session(sha256: cookie.sha256, at: Self.now + 241) == nil)
                #expect(try await two.audit(AuditQuery()).map(\.action) == ["add"])
            }
        }

        @Test("a cycle logged through one store is on the other's list and storyboard at once")
        func writesShared() async throws {
            try await Self.withTwoStores { one, two in
                let (ann, bo) = (try Handle(validating: "ann"), try Handle(validating: "bo"))
                let today = try #require(Day("2026-11-20"))
                try await one.addPerson(Person(handle: ann, name: "Ann Lee"))
                try await two.addPerson(Person(handle: bo, name: "Bo Chen"))
                try await one.addPairing(Pairing(coach: ann, learner: bo, since: today))
                let target = try TargetCondition(
                    learner: bo, focusProcess: "Station 4", condition: "Within 52 s",
                    achieveBy: try #require(Day("2026-12-18")), createdOn: today)
                try await two.addTarget(target, today: today)
                let id = UUID()
                let entry = CycleEntry(
                    date: today, coach: ann, learner: bo, minutes: 15, newObstacle: "Screws run out",
                    nextStep: "Stage screws", expected: "No stop")
                _ = try await one.recordCycle(entry, id: id, at: Self.now, today: today)
                #expect(try await two.cycles(CycleFilter()).map(\.id) == [id])
                let board = try await two.storyboard(learner: bo, target: nil)
                #expect(board.experiments.map(\.step) == ["Stage screws"])
                // The same cycle sent to the other server (a retried request) is the one logged.
                #expect(try await two.recordCycle(entry, id: id, at: Self.now, today: today).isNew == false)
            }
        }
    }
}
