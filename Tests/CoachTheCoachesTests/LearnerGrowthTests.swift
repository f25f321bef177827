import CoachTheCoaches
import Foundation
import ImprovementKata
import Testing

/// The learner's growth figures (DESIGN §11.4) on fixed dates.
@Suite("A learner's growth: experiments run, surprises, go-see lag and reflections")
struct LearnerGrowthTests {
    static let target = UUID()

    static func step(
        planned: String, goSee: String?, closed: String?, _ answer: AsExpected? = nil
    ) throws -> Experiment {
        try Experiment(
            target: target, step: "A step", expected: "Something", plannedOn: Day(planned)!,
            goSee: goSee.flatMap(Day.init), happened: closed.map { _ in "What happened" }, asExpected: answer,
            closedOn: closed.flatMap(Day.init))
    }

    static func targetCondition(_ status: TargetCondition.Status, closedOn: String?, reflection: String?) throws
        -> TargetCondition
    {
        try TargetCondition(
            learner: Handle(validating: "bo"), focusProcess: "Station 4", condition: "52 s",
            achieveBy: Day("2026-12-18")!, createdOn: Day("2026-10-01")!, status: status,
            closedOn: closedOn.flatMap(Day.init), reflection: reflection)
    }

    /// Five steps: four reviewed (lags 0, 1, 3, -1 days; answers yes, partly, no, none), one open.
    static func steps() throws -> [Experiment] {
        [
            try step(planned: "2026-11-02", goSee: "2026-11-03", closed: "2026-11-03", .yes),
            try step(planned: "2026-11-03", goSee: "2026-11-04", closed: "2026-11-05", .partly),
            try step(planned: "2026-11-05", goSee: "2026-11-06", closed: "2026-11-09", .no),
            try step(planned: "2026-11-09", goSee: "2026-11-11", closed: "2026-11-10"),
            try step(planned: "2026-11-10", goSee: "2026-11-11", closed: nil),
        ]
    }

    @Test("experiments run are the steps with their result in; surprises are partly or no of those answered")
    func figures() throws {
        let targets = [
            try Self.targetCondition(.achieved, closedOn: "2026-10-30", reflection: "Preheating is the key"),
            try Self.targetCondition(.dropped, closedOn: "2026-11-12", reflection: "  "),
            try Self.targetCondition(.active, closedOn: nil, reflection: nil),
        ]
        let growth = LearnerGrowth(experiments: try Self.steps(), targets: targets)
        #expect(growth.experimentsRun == 4)
        #expect(growth.answered == 3)
        #expect(growth.surprised == 2)
        #expect(growth.surpriseShare == 2.0 / 3.0)
        #expect(growth.medianGoSeeLag == 0.5, "lags -1, 0, 1, 3: the mean of the two middle ones")
        #expect(growth.targetsClosed == 2)
        #expect(growth.targetsClosedWithReflection == 1, "white space alone is no reflection")
    }

    @Test("with a period, only steps reviewed and target conditions closed in it count")
    func inPeriod() throws {
        let targets = [
            try Self.targetCondition(.achieved, closedOn: "2026-10-30", reflection: "Preheating is the key"),
            try Self.targetCondition(.missed, closedOn: "2026-11-12", reflection: "Too big a step"),
        ]
        let period = try Period(from: Day("2026-11-04")!, to: Day("2026-11-30")!)
        let growth = LearnerGrowth(experiments: try Self.steps(), targets: targets, in: period)
        #expect(growth.experimentsRun == 3)
        #expect(growth.surprised == 2 && growth.answered == 2)
        #expect(growth.medianGoSeeLag == 1)
        #expect(growth.targetsClosed == 1 && growth.targetsClosedWithReflection == 1)
    }

    @Test("with nothing answered and no go-see date the shares are not known, not zero")
    func unknown() throws {
        let growth = LearnerGrowth(
            experiments: [try Self.step(planned: "2026-11-02", goSee: nil, closed: "2026-11-03")], targets: [])
        #expect(growth.experimentsRun == 1)
        #expect(growth.surpriseShare == nil)
        #expect(growth.medianGoSeeLag == nil)
        let json = String(decoding: try JSONEncoder().encode(growth), as: UTF8.self)
        #expect(json.contains("\"surpriseShare\":null") && json.contains("\"medianGoSeeLag\":null"))
    }

    @Test("the words call a surprise a lesson, never bad, and say which way the go-see lag runs")
    func words() throws {
        let growth = LearnerGrowth(experiments: try Self.steps(), targets: [])
        #expect(
            growth.lines.map { "\($0.label): \($0.value)" } == [
                "Experiments run: 4 (steps with their result in)",
                "Surprises: 2 of 3 answered (67 %): surprise is how PDCA teaches",
                "Go-see lag, median: 0.5 days after the planned go-see date",
                "Targets closed: 0, 0 with a reflection",
            ])
        #expect(!growth.lines.contains { $0.value.lowercased().contains("bad") || $0.value.contains("fail") })
        let early = LearnerGrowth(
            experiments: [try Self.step(planned: "2026-11-02", goSee: "2026-11-06", closed: "2026-11-04")],
            targets: [])
        #expect(early.lines[2].value == "2 days before it")
    }
}
