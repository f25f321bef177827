import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

/// "Was that what you expected?" (DESIGN §11.4) through the seam: stored with the result, read
/// back, exported and imported alike from a file and from a server.
@Suite("whether a step went as expected is kept alike from a file and from a server")
struct AsExpectedContractTests {
    static let today = day("2026-11-20")

    /// bo's step planned on 2026-11-19, then reviewed today with `answer`.
    static func review(_ answer: AsExpected?, _ world: ContractWorld, _ store: any KataBackend) async throws
        -> LoggedCycle
    {
        let plan = CycleEntry(
            date: day("2026-11-19"), coach: try .of("ann"), learner: try .of("bo"), nextStep: "Stage screws",
            expected: "No stop for screws", goSee: day("2026-11-20"))
        _ = try await store.logCycle(plan, id: UUID(), at: world.kata.now, today: Self.today)
        let review = CycleEntry(
            date: Self.today, coach: try .of("ann"), learner: try .of("bo"), happened: "One stop on nights",
            asExpected: answer)
        return try await store.logCycle(review, id: UUID(), at: world.kata.now, today: Self.today)
    }

    @Test("the answer is stored with the result and read back on the storyboard", arguments: Backend.allCases)
    func storedAndRead(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let logged = try await Self.review(.partly, world, store)
            #expect(logged.reviewed?.asExpected == .partly)
            #expect(try await store.cycleDetail(logged.cycle.id).reviewed?.asExpected == .partly)
            let board = try await store.storyboard(learner: .of("bo"))
            #expect(board.experiments.map(\.asExpected) == [.partly])
        }
    }

    @Test(
        "a cycle sent again with another answer under its id is a conflict, the same answer is the one logged",
        arguments: Backend.allCases)
    func resentUnderItsID(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let plan = CycleEntry(
                date: day("2026-11-19"), coach: try .of("ann"), learner: try .of("bo"), nextStep: "Stage screws")
            _ = try await store.logCycle(plan, id: UUID(), at: world.kata.now, today: Self.today)
            let id = UUID()
            var review = CycleEntry(
                date: Self.today, coach: try .of("ann"), learner: try .of("bo"), happened: "No stop", asExpected: .yes)
            _ = try await store.logCycle(review, id: id, at: world.kata.now, today: Self.today)
            #expect(try await store.logCycle(review, id: id, at: world.kata.now, today: Self.today).cycle.id == id)
            review.asExpected = .no
            let conflict = try await #require(throws: KataError.self) {
                try await store.logCycle(review, id: id, at: world.kata.now, today: Self.today)
            }
            #expect(conflict.kind == .conflict)
        }
    }

    @Test(
        "the answer is exported on the experiment and an import of the export adds nothing", arguments: Backend.allCases
    )
    func exported(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            _ = try await Self.review(.no, world, store)
            let sink = CollectingSink()
            _ = try await store.exportData(.jsonl, to: sink)
            let experiment = try #require(
                sink.text.split(separator: "\n").first { $0.contains("\"kind\":\"experiment\"") })
            #expect(experiment.contains("\"happened\":\"One stop on nights\",\"asExpected\":\"no\""))
            let summary = try await store.importData(ImportRequest(source: .bytes(sink.data), dryRun: true))
            #expect(summary.totalAdded == 0)
            #expect(try await store.check().isEmpty)
        }
    }
}
