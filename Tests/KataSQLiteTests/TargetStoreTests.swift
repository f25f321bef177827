import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: target conditions and obstacles")
struct TargetStoreTests {
    @Test("stores a target condition with its metrics and reads it back whole")
    func roundTrip() throws {
        let fixture = try Fixture()
        let challenge = try Challenge(title: "One-piece flow in assembly", owner: handle("dee"), by: day("2027-12-31"))
        try fixture.store.addChallenge(challenge)
        let target = try TargetCondition(
            learner: handle("bob"), focusProcess: "Line 3 changeover", condition: "Changeover in 20 min",
            achieveBy: day("2026-12-18"), challenge: challenge.id,
            outcomeMetrics: [
                Metric(name: "changeover", target: "20", unit: "min"), Metric(name: "scrap", target: "0"),
            ],
            processMetrics: [Metric(name: "steps followed", target: "100 %")], createdOn: day("2026-11-02"))
        try fixture.store.addTarget(target)
        #expect(try fixture.store.target(target.id) == target)
        #expect(try fixture.store.targets(learner: handle("bob"), status: .active).map(\.id) == [target.id])
        #expect(try fixture.store.targets(learner: handle("cy")).isEmpty)
    }

    @Test("refuses a target condition for an unknown learner or challenge")
    func unknownReferences() throws {
        let fixture = try Fixture()
        #expect(thrownKataError { try fixture.addTarget(learner: "zed") }?.unknownKind == "learner")
        let orphan = try TargetCondition(
            learner: handle("bob"), focusProcess: "p", condition: "c", achieveBy: day("2026-12-18"), challenge: UUID(),
            createdOn: day("2026-11-02"))
        #expect(thrownKataError { try fixture.store.addTarget(orphan) }?.unknownKind == "challenge")
        #expect(try fixture.count("target") == 0)
    }

    @Test("refuses a second active target for the same focus process, naming the one that is active")
    func secondActiveTarget() throws {
        let fixture = try Fixture()
        let first = try fixture.addTarget()
        let error = thrownKataError { try fixture.addTarget(created: "2026-11-09") }
        let text = try #require(error?.ruleText)
        #expect(text.contains("bob already has an active target condition for 'Line 3 changeover'"))
        #expect(text.contains("(\(first.id.short))"))
        #expect(text.contains("kata target close \(first.id.short)"))
        #expect(try fixture.addTarget(focus: "Paint booth").learner == handle("bob"))
        #expect(try fixture.addTarget(learner: "cy").learner == handle("cy"))
        #expect(try fixture.count("target") == 3)
    }

    @Test("allows a new target for the focus process once the old one is closed")
    func newTargetAfterClose() throws {
        let fixture = try Fixture()
        let first = try fixture.addTarget()
        let closed = try fixture.store.closeTarget(first.id, as: .achieved, on: day("2026-12-10"), reflection: "Held")
        #expect(closed.status == .achieved)
        let second = try fixture.addTarget(created: "2026-12-11", achieveBy: "2027-01-29")
        #expect(try fixture.store.target(first.id).status == .achieved)
        #expect(try fixture.store.target(first.id).reflection == "Held")
        #expect(try fixture.store.targets(learner: handle("bob"), status: .active).map(\.id) == [second.id])
    }

    @Test("amendments and metrics are appended in order")
    func amendTarget() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.store.amendTarget(
            target.id, on: day("2026-11-09"), text: "Including the tool cart",
            outcomeMetrics: [Metric(name: "changeover", target: "20 min")])
        try fixture.store.amendTarget(
            target.id, on: day("2026-11-16"), text: "Also on night shift",
            outcomeMetrics: [Metric(name: "scrap", target: "0")])
        let stored = try fixture.store.target(target.id)
        #expect(stored.condition == target.condition)
        #expect(stored.amendments.map(\.text) == ["Including the tool cart", "Also on night shift"])
        #expect(stored.outcomeMetrics.map(\.name) == ["changeover", "scrap"])
        try fixture.store.closeTarget(target.id, as: .dropped, on: day("2026-11-20"), reflection: nil)
        #expect(thrownKataError { try fixture.store.amendTarget(target.id, on: day("2026-11-21"), text: "x") } != nil)
        #expect(try fixture.count("target_amendment") == 2)
    }

    @Test("refuses to close a target as missed before its achieve-by date, or twice")
    func closeRules() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        #expect(
            thrownKataError {
                try fixture.store.closeTarget(target.id, as: .missed, on: day("2026-12-01"), reflection: nil)
            }?.ruleText != nil)
        #expect(try fixture.store.target(target.id).isActive)
        try fixture.store.closeTarget(target.id, as: .missed, on: day("2026-12-21"), reflection: nil)
        #expect(
            thrownKataError {
                try fixture.store.closeTarget(target.id, as: .achieved, on: day("2026-12-22"), reflection: nil)
            }?.ruleText == "the target condition is already missed.")
        #expect(try fixture.store.target(target.id).closedOn == day("2026-12-21"))
    }

    @Test("keeps current-condition snapshots in date order")
    func conditions() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.store.addCondition(
            CurrentCondition(
                target: target.id, date: day("2026-11-09"), text: "38 min",
                metrics: [MetricValue(name: "changeover", value: 38, unit: "min")]))
        try fixture.store.addCondition(CurrentCondition(target: target.id, date: day("2026-11-02"), text: "42 min"))
        let stored = try fixture.store.conditions(target: target.id)
        #expect(stored.map(\.text) == ["42 min", "38 min"])
        #expect(stored.last?.metrics == [try MetricValue(name: "changeover", value: 38, unit: "min")])
        let orphan = try CurrentCondition(target: UUID(), date: day("2026-11-02"), text: "x")
        #expect(thrownKataError { try fixture.store.addCondition(orphan) }?.unknownKind == "target condition")
    }

    @Test("working an obstacle moves the one worked so far back to the parking lot")
    func workObstacle() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let cart = try Obstacle(
            target: target.id, text: "Tool cart far away", status: .working, createdOn: day("2026-11-02"))
        let dies = try Obstacle(target: target.id, text: "Dies not preheated", createdOn: day("2026-11-03"))
        try fixture.store.addObstacle(cart)
        try fixture.store.addObstacle(dies)
        #expect(try fixture.store.workObstacle(dies.id).status == .working)
        let stored = try fixture.store.obstacles(target: target.id)
        #expect(stored.map(\.text) == ["Dies not preheated", "Tool cart far away"])
        #expect(stored.map(\.status) == [.working, .parked])
        let third = try Obstacle(
            target: target.id, text: "No checklist", status: .working, createdOn: day("2026-11-04"))
        try fixture.store.addObstacle(third)
        #expect(try fixture.store.obstacles(target: target.id).filter { $0.status == .working }.map(\.id) == [third.id])
    }

    @Test("a closed obstacle leaves the open list and cannot be worked")
    func closeObstacle() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let cart = try Obstacle(target: target.id, text: "Tool cart far away", createdOn: day("2026-11-02"))
        try fixture.store.addObstacle(cart)
        let closed = try fixture.store.closeObstacle(cart.id, as: .overcome, on: day("2026-11-12"))
        #expect(closed.closedOn == day("2026-11-12"))
        #expect(try fixture.store.obstacles(learner: handle("bob"), includeClosed: false).isEmpty)
        #expect(try fixture.store.obstacles(learner: handle("bob")).map(\.status) == [.overcome])
        #expect(thrownKataError { try fixture.store.workObstacle(cart.id) }?.ruleText != nil)
        #expect(
            thrownKataError { try fixture.store.closeObstacle(cart.id, as: .dropped, on: day("2026-11-13")) } != nil)
    }

    @Test("obstacles go on an active target condition only")
    func obstacleOnClosedTarget() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.store.closeTarget(target.id, as: .dropped, on: day("2026-11-05"), reflection: nil)
        let late = try Obstacle(target: target.id, text: "Too late", createdOn: day("2026-11-06"))
        #expect(thrownKataError { try fixture.store.addObstacle(late) }?.ruleText != nil)
        #expect(try fixture.count("obstacle") == 0)
    }
}
