import CoachTheCoaches
import Foundation
import ImprovementKata
import KataClient
import KataStore
import KataTestSupport
import Testing

/// Every operation of the seam once, with real values, against every store (`Backend`): the file,
/// PostgreSQL, and the client of a server over each: the same results from all (DESIGN §3).
@Suite("The seam answers the same from a file, from PostgreSQL and from a server")
struct SeamContractTests {
    @Test(
        "the contract cases run on PostgreSQL and on a server over it too",
        .enabled(if: TestCluster.runs, TestCluster.skipped))
    func onPostgres() {
        #expect(Backend.allCases.filter(\.isPostgres) == [.postgres, .serverOnPostgres])
    }

    static let today = Day("2026-11-20")

    @Test("people and pairings: listed, read, added and edited alike", arguments: Backend.allCases)
    func peopleAndPairings(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { _, store in
            #expect(try await store.people().map(\.handle.rawValue) == ["ann", "bo", "carl", "lena", "rita"])
            #expect(try await store.people(unit: "Office").map(\.handle.rawValue) == ["rita"])
            #expect(try await store.person(.of("bo"))?.name == "Bo Chen")
            #expect(try await store.person(.of("nobody")) == nil)
            try await store.addPerson(Person(handle: .of("dee"), name: "Dee Diaz", unit: "Assembly"))
            let edited = try await store.editPerson(PersonChange(handle: .of("dee"), reportsTo: .some(.of("carl"))))
            #expect(edited.reportsTo == (try .of("carl")))
            let pairings = try await store.pairings(coach: .of("ann"))
            #expect(pairings.map(\.learner.rawValue) == ["bo"])
            #expect(pairings.first?.secondCoach == (try .of("lena")))
            try await store.addPairing(Pairing(coach: .of("ann"), learner: .of("dee"), since: #require(Self.today)))
            #expect(
                try await store.pairings(learner: .of("dee"), activeOn: Self.today).map(\.coach.rawValue) == ["ann"])
            let ended = try await store.endPairing(coach: .of("ann"), learner: .of("dee"), on: #require(Self.today))
            #expect(ended.until == Self.today)
        }
    }

    @Test("a target condition and its obstacles: read, added, worked and closed alike", arguments: Backend.allCases)
    func targetAndObstacles(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let targetID = try await store.resolve(.target, world.targetID)
            let target = try await store.target(targetID)
            #expect(target.condition == "Every unit leaves station 4 within 52 s")
            #expect(try await store.targets(learner: .of("bo")).map(\.id) == [targetID])
            let today = try #require(Self.today)
            let obstacle = try Obstacle(target: targetID, text: "The torque wrench is shared", createdOn: today)
            try await store.addObstacle(obstacle, today: today)
            #expect(try await store.obstacles(target: targetID).count == 2)
            #expect(try await store.workObstacle(obstacle.id, on: today, today: today).status == .working)
            #expect(
                try await store.closeObstacle(obstacle.id, as: .overcome, on: today, today: today).closedOn == today)
            #expect(try await store.obstacles(target: targetID, learner: nil, includeClosed: false).count == 1)
        }
    }

    @Test("a cycle logged is listed, shown on the storyboard and taken off the due list", arguments: Backend.allCases)
    func cycleLoggedAndListed(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let today = try #require(Self.today)
            #expect(try await store.due(coach: .of("ann"), on: today).map(\.learner.handle.rawValue) == ["bo"])
            let id = UUID()
            let entry = CycleEntry(
                date: today, coach: try .of("ann"), learner: try .of("bo"), minutes: 15,
                target: try await store.resolve(.target, world.targetID), actualCondition: "58 s on average",
                nextStep: "Stage screws at station 4", expected: "No stop for screws", goSee: Day("2026-11-23"))
            let logged = try await store.logCycle(entry, id: id, at: world.kata.now, today: today)
            #expect(logged.cycle.id == id)
            #expect(logged.planned?.step == "Stage screws at station 4")
            // A repeat under the same id returns the cycle logged the first time, and stores nothing.
            let again = try await store.logCycle(entry, id: id, at: world.kata.now, today: today)
            #expect(again.cycle.id == id)
            #expect(again.planned?.id == logged.planned?.id)
            var other = entry
            other.minutes = 20
            await #expect(throws: KataError.self) {
                try await store.logCycle(other, id: id, at: world.kata.now, today: today)
            }
            #expect(try await store.cycles(CycleFilter(coach: .of("ann"))).map(\.id) == [id])
            #expect(try await store.cycleDetail(id).cycle.minutes == 15)
            let board = try await store.storyboard(learner: .of("bo"))
            #expect(board.experiments.map(\.step) == ["Stage screws at station 4"])
            #expect(board.current?.text == "58 s on average")
            #expect(try await store.due(coach: .of("ann"), on: today).isEmpty)
        }
    }

    @Test("practice and a review packet count the same cycle", arguments: Backend.allCases)
    func practiceAndReview(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let today = try #require(Self.today)
            let entry = CycleEntry(date: today, coach: try .of("ann"), learner: try .of("bo"), minutes: 25)
            _ = try await store.logCycle(entry, id: UUID(), at: world.kata.now, today: today)
            let period = try Period(from: #require(Day("2026-11-16")), to: today)
            let answer = try await store.practice(PracticeRequest(period: period, today: today))
            let ann = try #require(answer.report.coaches.first { $0.coach == "ann" })
            #expect(ann.cycles == 1)
            #expect(ann.cyclesOver20Minutes == 1)
            #expect(ann.dailyCycles == [today: 1])
            let left = try await store.practice(
                PracticeRequest(period: period, today: today, learnersLeftLongest: true)
            ).learnersLeftLongest
            #expect(
                left.map { "\($0.learner) \($0.coach) \($0.lastCycle?.description ?? "-")" } == ["bo ann 2026-11-20"])
            let reviews = try await store.reviews(
                ReviewRequest(coach: .of("ann"), period: period, today: today, now: world.kata.now, kataVersion: "test")
            )
            #expect(reviews.packets.map(\.coach.handle) == ["ann"])
        }
    }

    @Test("an export imported again adds nothing, and check finds nothing wrong", arguments: Backend.allCases)
    func exportImportCheck(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { _, store in
            let sink = CollectingSink()
            let written = try await store.exportData(.jsonl, to: sink)
            #expect(written == sink.text.split(separator: "\n").count)
            #expect(sink.text.contains("\"Bo Chen\""))
            let summary = try await store.importData(ImportRequest(source: .bytes(sink.data), dryRun: true))
            #expect(summary.dryRun)
            #expect(summary.totalAdded == 0)
            #expect(summary.totalUnchanged == written)
            #expect(try await store.check().isEmpty)
        }
    }

    @Test("an unknown learner and a broken rule are refused with the same error", arguments: Backend.allCases)
    func errors(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let today = try #require(Self.today)
            let unknown = CycleEntry(date: today, coach: try .of("ann"), learner: try .of("nobody"))
            let refusal = try await #require(throws: KataError.self) {
                try await store.logCycle(unknown, id: UUID(), at: world.kata.now, today: today)
            }
            #expect(refusal.kind == .notFound)
            #expect(refusal.description.contains("nobody"))
            let future = CycleEntry(
                date: try #require(Day("2026-11-27")), coach: try .of("ann"), learner: try .of("bo"))
            let broken = try await #require(throws: KataError.self) {
                try await store.logCycle(future, id: UUID(), at: world.kata.now, today: today)
            }
            #expect(broken.kind == .conflict)
            #expect(broken.description.contains("2026-11-27"))
            #expect(try await store.cycles(CycleFilter()).isEmpty)
        }
    }
}

/// An export's bytes, kept for the test.
final class CollectingSink: ExportSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected = Data()

    func write(_ data: Data) throws { lock.withLock { collected.append(data) } }

    var data: Data { lock.withLock { collected } }
    var text: String { String(decoding: data, as: UTF8.self) }
}

extension Handle {
    /// A handle the test knows to be valid.
    static func of(_ text: String) throws -> Handle { try Handle(validating: text) }
}
