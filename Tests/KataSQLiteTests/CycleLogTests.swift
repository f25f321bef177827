import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: logging coaching cycles")
struct CycleLogTests {
    @Test("the first cycle opens a step with its prediction and go-see date against a new working obstacle")
    func firstCycle() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let logged = try fixture.log(
            "2026-11-16", newObstacle: "Tool cart far away", nextStep: "Move the cart next to the press",
            expected: "Changeover under 35 min", goSee: "2026-11-17")
        #expect(logged.reviewed == nil)
        let obstacle = try #require(logged.obstacle)
        #expect(obstacle.status == .working)
        #expect(obstacle.createdOn == day("2026-11-16"))
        let planned = try #require(logged.planned)
        #expect(planned.step == "Move the cart next to the press")
        #expect(planned.expected == "Changeover under 35 min")
        #expect(planned.plannedOn == day("2026-11-16"))
        #expect(planned.goSee == day("2026-11-17"))
        #expect(planned.obstacle == obstacle.id)
        #expect(!planned.isClosed)
        let stored = try fixture.store.cycleDetail(logged.cycle.id)
        #expect(stored.cycle.target == target.id)
        #expect(stored.cycle.obstacle == obstacle.id)
        #expect(stored.cycle.planned == planned.id)
        #expect(stored.cycle.minutes == 15)
        #expect(stored.planned == planned)
        #expect(try fixture.practiceCounts() == [1, 1, 1, 1])
    }

    @Test("the next cycle closes the open step with what happened and was learned, and opens the next")
    func secondCycle() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let first = try fixture.log(
            "2026-11-16", newObstacle: "Tool cart far away", nextStep: "Move the cart", expected: "Under 35 min",
            goSee: "2026-11-17")
        let second = try fixture.log(
            "2026-11-17", happened: "38 min", learned: "Walking is not the main loss", nextStep: "Preheat the dies",
            expected: "Under 30 min", goSee: "2026-11-19")
        let reviewed = try #require(second.reviewed)
        #expect(reviewed.id == first.planned?.id)
        #expect(reviewed.closedOn == day("2026-11-17"))
        #expect(reviewed.happened == "38 min")
        #expect(reviewed.learned == "Walking is not the main loss")
        #expect(reviewed.expected == "Under 35 min")
        #expect(second.obstacle?.id == first.obstacle?.id)
        #expect(second.planned?.obstacle == first.obstacle?.id)
        #expect(second.planned?.goSee == day("2026-11-19"))
        let experiments = try fixture.store.storyboard(learner: handle("bob")).experiments
        #expect(experiments.map(\.step) == ["Move the cart", "Preheat the dies"])
        #expect(experiments.map(\.isClosed) == [true, false])
        let closedAt = try fixture.store.read { db in
            try String.fetchOne(db, sql: "SELECT closedAt FROM experiment WHERE id = ?", arguments: [reviewed.id.text])
        }
        #expect(closedAt != nil)
    }

    @Test("a next step while the last one is unreviewed is refused and nothing is written")
    func unreviewedStep() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        try fixture.log("2026-11-16", nextStep: "Move the cart", expected: "Under 35 min")
        let before = try fixture.practiceCounts()
        #expect(before == [1, 1, 0, 1])
        let error = thrownKataError {
            try fixture.log("2026-11-17", newObstacle: "Dies are cold", nextStep: "Preheat the dies")
        }
        let text = try #require(error?.ruleText)
        #expect(text.hasPrefix("the last step ('Move the cart', expected: 'Under 35 min') has not been reviewed"))
        #expect(try fixture.practiceCounts() == before)
        #expect(try fixture.store.obstacles(learner: handle("bob")).isEmpty)
    }

    @Test("a result without an open step is refused")
    func reviewWithoutOpenStep() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let error = thrownKataError { try fixture.log("2026-11-16", happened: "Something") }
        #expect(error?.ruleText?.hasPrefix("there is no open step to review for bob") == true)
        #expect(try fixture.count("cycle") == 0)
    }

    @Test("a prediction or go-see date without a next step is refused")
    func expectationWithoutStep() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        #expect(thrownKataError { try fixture.log("2026-11-16", expected: "Faster") }?.missingFields == ["--next-step"])
        #expect(
            thrownKataError { try fixture.log("2026-11-16", goSee: "2026-11-18") }?.missingFields == ["--next-step"])
        #expect(try fixture.count("cycle") == 0)
    }

    @Test("a step reviewed before it was planned is refused")
    func reviewBeforePlanned() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        try fixture.log("2026-11-16", nextStep: "Move the cart")
        #expect(thrownKataError { try fixture.log("2026-11-13", happened: "x", learned: "y") }?.ruleText != nil)
        #expect(try fixture.count("cycle") == 1)
    }

    @Test("a new obstacle becomes the working one and the previous one is parked")
    func newObstacle() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let first = try fixture.log("2026-11-16", newObstacle: "Tool cart far away")
        let second = try fixture.log("2026-11-17", newObstacle: "Dies are cold")
        let obstacles = try fixture.store.obstacles(target: target.id)
        #expect(obstacles.map(\.text) == ["Dies are cold", "Tool cart far away"])
        #expect(obstacles.map(\.status) == [.working, .parked])
        #expect(second.cycle.obstacle == obstacles.first?.id)
        // Choosing a parked obstacle from the lot makes it the working one again.
        let third = try fixture.log("2026-11-18", obstacle: first.obstacle?.id)
        #expect(third.obstacle?.status == .working)
        #expect(try fixture.store.obstacles(target: target.id).map(\.text) == ["Tool cart far away", "Dies are cold"])
    }

    @Test("an obstacle of another target condition, or both obstacle options at once, are refused")
    func obstacleChoiceRules() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let other = try fixture.addTarget(learner: "cy")
        let foreign = try Obstacle(target: other.id, text: "Paint runs", createdOn: day("2026-11-02"))
        try fixture.store.addObstacle(foreign)
        #expect(thrownKataError { try fixture.log("2026-11-16", obstacle: foreign.id) }?.ruleText != nil)
        let both = thrownKataError { try fixture.log("2026-11-16", obstacle: foreign.id, newObstacle: "Another") }
        #expect(both == .usage("give either --obstacle or --new-obstacle, not both."))
        #expect(try fixture.count("cycle") == 0)
        #expect(try fixture.count("obstacle") == 1)
    }

    @Test("with several active targets the cycle must name one")
    func severalActiveTargets() throws {
        let fixture = try Fixture()
        let changeover = try fixture.addTarget()
        let paint = try fixture.addTarget(focus: "Paint booth")
        let error = thrownKataError { try fixture.log("2026-11-16", nextStep: "Move the cart") }
        #expect(error?.missingFields == ["--target"])
        #expect(error?.description.contains(changeover.id.short) == true)
        #expect(error?.description.contains("\(paint.id.short) (Paint booth)") == true)
        let logged = try fixture.log("2026-11-16", target: paint.id, nextStep: "Mask the edges")
        #expect(logged.cycle.target == paint.id)
        #expect(logged.planned?.target == paint.id)
    }

    @Test("the named target must be the learner's and active")
    func namedTargetRules() throws {
        let fixture = try Fixture()
        let bobs = try fixture.addTarget()
        let cys = try fixture.addTarget(learner: "cy")
        #expect(
            thrownKataError { try fixture.log("2026-11-16", target: cys.id) }?.ruleText?.contains("belongs to cy")
                == true)
        try fixture.store.closeTarget(bobs.id, as: .dropped, on: day("2026-11-10"), reflection: nil)
        #expect(
            thrownKataError { try fixture.log("2026-11-16", target: bobs.id) }?.ruleText?.contains("is dropped") == true
        )
    }

    @Test("without an active target a plain cycle is logged but a next step is refused")
    func noActiveTarget() throws {
        let fixture = try Fixture()
        let error = thrownKataError { try fixture.log("2026-11-16", nextStep: "Move the cart") }
        #expect(error?.ruleText?.hasPrefix("bob has no active target condition") == true)
        #expect(thrownKataError { try fixture.log("2026-11-16", newObstacle: "Cart") }?.ruleText != nil)
        #expect(try fixture.count("cycle") == 0)
        let plain = try fixture.log("2026-11-16")
        #expect(plain.cycle.target == nil)
        #expect(plain.planned == nil)
        #expect(try fixture.practiceCounts() == [1, 0, 0, 0])
    }

    @Test("refuses unknown people in a cycle")
    func unknownPeople() throws {
        let fixture = try Fixture()
        #expect(thrownKataError { try fixture.log("2026-11-16", coach: "zed") }?.unknownKind == "coach")
        #expect(thrownKataError { try fixture.log("2026-11-16", learner: "zed") }?.unknownKind == "learner")
        let second = thrownKataError {
            try fixture.store.logCycle(
                CycleEntry(
                    date: day("2026-11-16"), coach: handle("ann"), learner: handle("bob"), secondCoach: handle("zed")))
        }
        #expect(second?.unknownKind == "2nd coach")
        #expect(try fixture.count("cycle") == 0)
    }

    @Test("lists cycles newest first, filtered by coach, learner and dates")
    func listCycles() throws {
        let fixture = try Fixture()
        try fixture.log("2026-11-16")
        try fixture.log("2026-11-18", learner: "cy")
        try fixture.log("2026-11-17", coach: "dee", learner: "ann")
        #expect(try fixture.store.cycles().map(\.date.description) == ["2026-11-18", "2026-11-17", "2026-11-16"])
        #expect(try fixture.store.cycles(CycleFilter(coach: handle("ann"))).map(\.learner.rawValue) == ["cy", "bob"])
        #expect(try fixture.store.cycles(CycleFilter(learner: handle("ann"))).count == 1)
        #expect(try fixture.store.cycles(CycleFilter(from: day("2026-11-17"), to: day("2026-11-17"))).count == 1)
        #expect(try fixture.store.cycles(CycleFilter(limit: 2)).count == 2)
    }
}
