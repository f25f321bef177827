import CoachTheCoaches
import Foundation
import ImprovementKata
import KataClient
import KataStore
import KataTestSupport
import Testing

/// Leaders' walks, walk plans and the chain of coaching (DESIGN §11.2) through the seam: the same
/// rules, errors and figures from a file and from a server.
@Suite("Walks and the chain answer the same from a file and from a server")
struct WalkContractTests {
    static let today = day("2026-11-20")

    /// carl manages ann, who manages (and coaches) bo.
    static func line(_ store: any KataBackend) async throws {
        _ = try await store.editPerson(PersonChange(handle: .of("ann"), reportsTo: .some(.of("carl"))))
        _ = try await store.editPerson(PersonChange(handle: .of("bo"), reportsTo: .some(.of("ann"))))
    }

    @Test("a walk is recorded once under its id and listed; a plan is set and replaced", arguments: Backend.allCases)
    func recordedAndListed(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            try await Self.line(store)
            let walk = try Walk(
                walker: .of("carl"), date: Self.today, learners: [.of("bo")], mode: .goSee, with: .of("lena"),
                learned: "Bo reads the run chart before the cycle", followUp: "Ask maintenance about the wrench")
            #expect(try await store.recordWalk(walk, at: world.kata.now, today: Self.today))
            // The same walk again (an outbox sent twice) writes nothing; other content under its id is a conflict.
            #expect(try await store.recordWalk(walk, at: world.kata.now, today: Self.today) == false)
            var other = walk
            other.learned = "Something else"
            let conflict = try await #require(throws: KataError.self) {
                try await store.recordWalk(other, at: world.kata.now, today: Self.today)
            }
            #expect(conflict.kind == .conflict)
            #expect(try await store.walks(walker: .of("carl")) == [walk])
            #expect(try await store.walks(walker: .of("ann")).isEmpty)
            try await store.setWalkPlan(WalkPlan(walker: .of("carl"), every: 1, since: day("2026-11-02")))
            try await store.setWalkPlan(WalkPlan(walker: .of("carl"), every: 2, since: day("2026-11-02")))
            #expect(
                try await store.walkPlans() == [try WalkPlan(walker: .of("carl"), every: 2, since: day("2026-11-02"))])
        }
    }

    @Test(
        "a walk dated after today or at a learner nobody is refused, and nothing is written",
        arguments: Backend.allCases)
    func refused(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            let future = try Walk(walker: .of("carl"), date: day("2026-11-23"), learners: [.of("bo")])
            let broken = try await #require(throws: KataError.self) {
                try await store.recordWalk(future, at: world.kata.now, today: Self.today)
            }
            #expect(broken.description.contains("2026-11-23"))
            let unknown = try Walk(walker: .of("carl"), date: Self.today, learners: [.of("boo")])
            let refusal = try await #require(throws: KataError.self) {
                try await store.recordWalk(unknown, at: world.kata.now, today: Self.today)
            }
            #expect(refusal.kind == .notFound)
            #expect(refusal.description.contains("bo (Bo Chen)"))
            let nobody = try await #require(throws: KataError.self) {
                try await store.setWalkPlan(WalkPlan(walker: .of("karl"), every: 2))
            }
            #expect(nobody.kind == .notFound)
            #expect(try await store.walks(walker: nil).isEmpty)
            #expect(try await store.walkPlans().isEmpty)
        }
    }

    @Test(
        "the chain shows who coached and who touched their coaching, walks against plans", arguments: Backend.allCases)
    func chain(_ backend: Backend) async throws {
        try await ContractWorld.with(backend) { world, store in
            try await Self.line(store)
            let walk = try Walk(walker: .of("carl"), date: day("2026-11-18"), learners: [.of("bo")], with: .of("lena"))
            _ = try await store.recordWalk(walk, at: world.kata.now, today: Self.today)
            try await store.setWalkPlan(WalkPlan(walker: .of("carl"), every: 2, since: day("2026-11-02")))
            let entry = CycleEntry(date: Self.today, coach: try .of("ann"), learner: try .of("bo"), minutes: 15)
            _ = try await store.logCycle(entry, id: UUID(), at: world.kata.now, today: Self.today)
            let chain = try await store.chain(ChainRequest(weeks: 4, today: Self.today))
            #expect(chain.to == Self.today)
            #expect(chain.tree.map(\.handle.rawValue) == ["carl", "lena", "rita"])
            let carl = try #require(chain.tree.first)
            #expect(carl.walks == 1 && carl.walkPlan == 1 && !carl.coach)
            let ann = try #require(carl.reports.first)
            #expect(ann.coach && ann.coached)
            #expect(ann.touchedBy.map(\.rawValue) == ["carl", "lena"])
            #expect(ann.reports.map(\.handle.rawValue) == ["bo"])
            #expect(ann.reports.first?.touchedBy.map(\.rawValue) == ["ann"])
            #expect(
                chain.levels == [
                    ChainLevel(level: 1, coaches: 0, touchedFromAbove: 0),
                    ChainLevel(level: 2, coaches: 1, touchedFromAbove: 1),
                    ChainLevel(level: 3, coaches: 0, touchedFromAbove: 0),
                ])
            let line = try await store.chain(ChainRequest(from: .of("ann"), weeks: 1, today: Self.today))
            #expect(line.tree.map(\.handle.rawValue) == ["ann"])
            let unknown = try await #require(throws: KataError.self) {
                try await store.chain(ChainRequest(from: .of("anne"), weeks: 4, today: Self.today))
            }
            #expect(unknown.kind == .notFound)
        }
    }

    @Test("with the server stopped a walk is kept in the outbox; kata sync then sends it once")
    func offlineWalkThenSync() async throws {
        try await ContractWorld.with(.server) { world, store in
            let kata = world.kata
            await world.stop()
            let kept = await kata.run("walk", "--walker", "carl", "--learner", "bo", "--mode", "go-see")
            #expect(kept.exitCode == 0, "\(kept.errors)")
            #expect(kept.output == "Kept in the outbox: the server cannot be reached. 'kata sync' sends it.\n")
            #expect(try Outbox(files: world.files).entries().map(\.kind) == [.walk])
            try await world.start()
            let sync = await kata.run("sync")
            #expect(sync.exitCode == 0, "\(sync.errors)")
            #expect(sync.output.hasPrefix("Sent walk "))
            #expect(await kata.run("sync").output == "Nothing waits in the outbox.\n")
            #expect(try await store.walks(walker: .of("carl")).map(\.mode) == [.goSee])
            #expect(try Outbox(files: world.files).entries().isEmpty)
        }
    }

    @Test("kata walk refuses a mode or cadence outside its list (64) and an unknown learner (65), writing nothing")
    func badInput() async throws {
        try await ContractWorld.with(.file) { world, store throws in
            let kata = world.kata
            let mode = await kata.run("walk", "--walker", "carl", "--learner", "bo", "--mode", "maybe")
            #expect(mode.exitCode == 64)
            #expect(mode.errors.contains("--mode"))
            let every = await kata.run("walk", "plan", "--walker", "carl", "--every", "0w")
            #expect(every.exitCode == 64)
            #expect(every.errors.contains("--every"))
            let unknown = await kata.run("walk", "--walker", "carl", "--learner", "boo")
            #expect(unknown.exitCode == 65)
            #expect(unknown.errors.contains("Did you mean bo (Bo Chen)?"))
            let alone = await kata.run("walk", "--walker", "carl")
            #expect(alone.exitCode == 64)
            #expect(try await store.walks(walker: nil).isEmpty)
            #expect(try await store.walkPlans().isEmpty)
        }
    }

    @Test("kata walk, walk plan, walk list and chain print what they recorded and found")
    func commands() async throws {
        try await ContractWorld.with(.file) { world, _ in
            let kata = world.kata
            #expect(await kata.run("person", "edit", "ann", "--reports-to", "carl").exitCode == 0)
            let walked = await kata.run(
                "walk", "--walker", "carl", "--date", "-2d", "--learner", "bo", "--with", "lena", "--learned",
                "-- reads the chart first")
            #expect(walked.exitCode == 0, "\(walked.errors)")
            #expect(Self.withoutIDs(walked.output) == "Recorded carl's walk to bo on 2026-11-18 (########).\n")
            let plan = await kata.run("walk", "plan", "--walker", "carl", "--every", "2w", "--since", "2026-11-02")
            #expect(plan.output == "carl plans a walk every 2 weeks from 2026-11-02.\n")
            let list = await kata.run("walk", "list", "--format", "json")
            #expect(list.output.contains("\"learned\" : \"-- reads the chart first\""))
            let chain = await kata.run("chain", "--weeks", "4")
            #expect(chain.exitCode == 0, "\(chain.errors)")
            #expect(chain.output.contains("  ○ ann Ann Lee  did not coach · touched by carl, lena\n"))
            #expect(chain.output.contains("○ carl Carl Jung  does not coach · walks 1 of 1 planned\n"))
            #expect(chain.output.contains("  ann ran no coaching cycle in 4 weeks\n"))
            #expect(chain.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }
    }

    static func withoutIDs(_ text: String) -> String { text.replacing(/\b[0-9a-f]{8}\b/, with: "########") }
}
