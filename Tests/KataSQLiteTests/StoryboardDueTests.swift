import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: storyboard")
struct StoryboardTests {
    @Test("shows the challenge, target, conditions, parking lot and experimenting record in order")
    func content() throws {
        let fixture = try Fixture()
        let challenge = try Challenge(title: "One-piece flow in assembly")
        try fixture.store.addChallenge(challenge)
        let target = try TargetCondition(
            learner: handle("bob"), focusProcess: "Line 3 changeover", condition: "Changeover in 20 min",
            achieveBy: day("2026-12-18"), challenge: challenge.id, createdOn: day("2026-11-02"))
        try fixture.store.addTarget(target)
        try fixture.store.addCondition(CurrentCondition(target: target.id, date: day("2026-11-16"), text: "38 min"))
        try fixture.store.addCondition(CurrentCondition(target: target.id, date: day("2026-11-02"), text: "42 min"))
        let gone = try Obstacle(target: target.id, text: "No checklist", createdOn: day("2026-11-02"))
        try fixture.store.addObstacle(gone)
        try fixture.store.closeObstacle(gone.id, as: .overcome, on: day("2026-11-05"))
        try fixture.store.addObstacle(
            Obstacle(target: target.id, text: "Tool cart far away", createdOn: day("2026-11-03")))
        try fixture.log("2026-11-16", newObstacle: "Dies are cold", nextStep: "Preheat the dies")
        try fixture.log("2026-11-17", happened: "31 min", learned: "Preheating works", nextStep: "Preheat all dies")

        let board = try fixture.store.storyboard(learner: handle("bob"))
        #expect(board.learner.name == "Bob Ray")
        #expect(board.challenge?.title == "One-piece flow in assembly")
        #expect(board.target.id == target.id)
        #expect(board.conditions.map(\.text) == ["42 min", "38 min"])
        #expect(board.latestCondition?.text == "38 min")
        #expect(board.obstacles.map(\.text) == ["Dies are cold", "Tool cart far away", "No checklist"])
        #expect(board.obstacles.map(\.status) == [.working, .parked, .overcome])
        #expect(board.experiments.map(\.step) == ["Preheat the dies", "Preheat all dies"])
        #expect(board.experiments.first?.learned == "Preheating works")
    }

    @Test("shows the active target rather than a newer closed one, unless one is named")
    func whichTarget() throws {
        let fixture = try Fixture()
        let active = try fixture.addTarget(created: "2026-11-02")
        let newer = try fixture.addTarget(focus: "Paint booth", created: "2026-11-09")
        try fixture.store.closeTarget(newer.id, as: .dropped, on: day("2026-11-10"), reflection: nil)
        #expect(try fixture.store.storyboard(learner: handle("bob")).target.id == active.id)
        #expect(try fixture.store.storyboard(learner: handle("bob"), target: newer.id).target.id == newer.id)
    }

    @Test("refuses an unknown learner, a learner without a target, and another learner's target")
    func refusals() throws {
        let fixture = try Fixture()
        let bobs = try fixture.addTarget()
        #expect(thrownKataError { try fixture.store.storyboard(learner: handle("zed")) }?.unknownKind == "learner")
        #expect(
            thrownKataError { try fixture.store.storyboard(learner: handle("cy")) }?.unknownKind
                == "target condition for")
        #expect(
            thrownKataError { try fixture.store.storyboard(learner: handle("cy"), target: bobs.id) }?.ruleText != nil)
    }
}

@Suite("Store: who is due")
struct DueTests {
    /// Ann coaches Bob and Cy from 2026-11-01; each has an active target condition.
    func organisation() throws -> Fixture {
        let fixture = try Fixture()
        for learner in ["bob", "cy"] { try fixture.pair(learner: learner) }
        try fixture.addTarget(learner: "bob")
        try fixture.addTarget(learner: "cy")
        return fixture
    }

    func due(_ fixture: Fixture, on date: String, coach: String? = "ann") throws -> [String: DueLearner] {
        let list = try fixture.store.due(coach: coach.map(handle), on: day(date))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.learner.handle.rawValue, $0) })
    }

    @Test("a learner coached yesterday is not due; one last coached 3 workdays ago is")
    func gapInWorkdays() throws {
        let fixture = try organisation()
        try fixture.log("2026-11-19", learner: "bob")
        try fixture.log("2026-11-17", learner: "cy")
        let due = try due(fixture, on: "2026-11-20")
        #expect(due["bob"] == nil)
        let cy = try #require(due["cy"])
        #expect(cy.lastCycle == day("2026-11-17"))
        #expect(cy.workdaysSinceLastCycle == 3)
        #expect(cy.goSee == nil)
        #expect(cy.reasons == ["not coached for 3 workdays (last 2026-11-17)"])
    }

    @Test("a go-see date due today or overdue is listed even when coached yesterday")
    func goSee() throws {
        let fixture = try organisation()
        try fixture.log("2026-11-19", learner: "bob", nextStep: "Preheat the dies", goSee: "2026-11-20")
        try fixture.log("2026-11-19", learner: "cy", nextStep: "Mask the edges", goSee: "2026-11-21")
        let friday = try due(fixture, on: "2026-11-20")
        #expect(friday["bob"]?.goSee?.step == "Preheat the dies")
        #expect(friday["bob"]?.reasons == ["go and see: 'Preheat the dies' (due 2026-11-20)"])
        #expect(friday["cy"] == nil)
        // Overdue on Monday: cy's go-see date passed on Saturday, and a weekend is no gap.
        let monday = try due(fixture, on: "2026-11-23")
        #expect(monday["cy"]?.goSee?.step == "Mask the edges")
        #expect(monday["cy"]?.workdaysSinceLastCycle == 2)
    }

    @Test("weekends and holidays are not counted as days without coaching")
    func weekendsAndHolidays() throws {
        let fixture = try organisation()
        try fixture.log("2026-11-20", learner: "bob")
        try fixture.log("2026-11-19", learner: "cy")
        let monday = try due(fixture, on: "2026-11-23")
        #expect(monday["bob"] == nil)
        #expect(monday["cy"]?.workdaysSinceLastCycle == 2)
        try fixture.store.configure(timeZone: nil, workweek: nil, addHolidays: [day("2026-11-23")])
        #expect(try due(fixture, on: "2026-11-24")["bob"] == nil)
        #expect(try due(fixture, on: "2026-11-23")["cy"] == nil)
    }

    @Test("a learner never coached is due; one coached on the day is not")
    func neverAndToday() throws {
        let fixture = try organisation()
        try fixture.log("2026-11-20", learner: "bob", nextStep: "Preheat the dies", goSee: "2026-11-20")
        let due = try due(fixture, on: "2026-11-20")
        #expect(due["bob"] == nil)
        #expect(due["cy"]?.lastCycle == nil)
        #expect(due["cy"]?.reasons == ["never coached"])
    }

    @Test("lists only pairings in force that day and of the coach asked for")
    func pairingsInForce() throws {
        let fixture = try organisation()
        try fixture.pair(coach: "dee", learner: "ann", since: "2026-11-10", until: "2026-11-19")
        #expect(try due(fixture, on: "2026-11-20", coach: "dee").isEmpty)
        #expect(try due(fixture, on: "2026-11-19", coach: "dee").keys.sorted() == ["ann"])
        #expect(try due(fixture, on: "2026-11-19", coach: "ann").keys.sorted() == ["bob", "cy"])
        #expect(try due(fixture, on: "2026-11-19", coach: nil).keys.sorted() == ["ann", "bob", "cy"])
        #expect(try due(fixture, on: "2026-10-30", coach: nil).isEmpty)
        // A cycle with another coach does not count for this pairing.
        try fixture.log("2026-11-19", coach: "dee", learner: "bob")
        #expect(try due(fixture, on: "2026-11-19", coach: "ann")["bob"]?.reasons == ["never coached"])
    }
}
