import Foundation
import ImprovementKata
import KataInterchange
import KataStore

/// A piece of the demo as interchange JSONL (DESIGN §8), ready for the seam's import: the plant
/// (holidays, people, challenges, pairings) or the histories of one coach's learners.
///
/// Lines come parents first (a target condition before its obstacles, an experiment before the
/// cycle that plans it), so that the import never holds a record back. Written with the
/// exporter's own `InterchangeWriter`, so the demo speaks the format exactly as an export does.
struct DemoLines: Sendable {
    private(set) var bytes = Data()

    private init(_ write: (InterchangeWriter) throws -> Void) throws {
        var bytes = Data()
        let writer = InterchangeWriter { bytes.append($0) }
        try write(writer)
        try writer.flush()
        self.bytes = bytes
    }

    /// The plant: its new holidays, people, the plant's challenge and the units' under it, the
    /// pairings, and the leaders' walk plans and walks.
    ///
    /// Draws the units' achieve-by dates from `random`, as the plant's writer always did.
    init(
        plant: DemoPlant, holidays: [(day: Day, name: String)], days: Int, calendar: DemoCalendar,
        walks: DemoWalks, random: inout DemoRandom
    ) throws {
        var unitDates: [Int] = []
        for _ in plant.units { unitDates.append(days - 1 + random.int(180...540)) }
        try self.init { writer in
            for holiday in holidays {
                writer.beginLine(kind: InterchangeKind.holiday.rawValue)
                writer.field("date", holiday.day.description)
                writer.field("name", holiday.name)
                try writer.endLine()
            }
            for person in plant.people {
                writer.beginLine(kind: InterchangeKind.person.rawValue)
                writer.field("handle", person.handle)
                writer.field("name", person.name)
                writer.field("unit", person.unit)
                writer.field("reportsTo", person.reportsTo)
                writer.field("email", person.handle + "@plant.example")
                try writer.endLine()
            }
            let plantChallenge = DemoPhrases.plantChallenge
            try Self.challenge(
                writer, id: plant.plantChallengeID, title: plantChallenge.title,
                description: plantChallenge.description, owner: plant.plantManager,
                by: calendar.text(days - 1 + 540), parent: nil)
            for (unit, by) in zip(plant.units, unitDates) {
                let words = DemoPhrases.unitChallenge(unit.name, kind: unit.kind.name)
                try Self.challenge(
                    writer, id: unit.challengeID, title: words.title, description: words.description,
                    owner: unit.head ?? plant.plantManager, by: calendar.text(by), parent: plant.plantChallengeID)
            }
            for pairing in plant.pairings {
                writer.beginLine(kind: InterchangeKind.pairing.rawValue)
                writer.field("id", pairing.id)
                writer.field("coach", plant.coaches[pairing.coach].handle)
                writer.field("learner", pairing.learner)
                writer.field("secondCoach", pairing.secondCoach)
                writer.field("since", calendar.text(pairing.since))
                writer.field("until", pairing.until.map(calendar.text))
                try writer.endLine()
            }
            for plan in walks.plans {
                writer.beginLine(kind: InterchangeKind.walkPlan.rawValue)
                writer.field("walker", plan.walker)
                writer.field("every", "\(plan.every)w")
                writer.field("since", calendar.text(plan.since))
                try writer.endLine()
            }
            for walk in walks.walks {
                writer.beginLine(kind: InterchangeKind.walk.rawValue)
                writer.field("id", walk.id)
                writer.field("walker", walk.walker)
                writer.field("date", calendar.text(walk.date))
                // Handles need no escaping in JSON.
                writer.field("learners", json: "[" + walk.learners.map { "\"\($0)\"" }.joined(separator: ",") + "]")
                writer.field("mode", walk.mode)
                writer.field("with", walk.with)
                writer.field("learned", walk.learned)
                try writer.endLine()
            }
        }
    }

    private static func challenge(
        _ writer: InterchangeWriter, id: String, title: String, description: String, owner: String, by: String,
        parent: String?
    ) throws {
        writer.beginLine(kind: InterchangeKind.challenge.rawValue)
        writer.field("id", id)
        writer.field("title", title)
        writer.field("description", description)
        writer.field("owner", owner)
        writer.field("by", by)
        writer.field("parent", parent)
        try writer.endLine()
    }

    /// The histories of some learners: their target conditions, current conditions, obstacles,
    /// experiments, coaching cycles and observations.
    init(_ stories: [DemoLearnerStory], calendar: DemoCalendar) throws {
        func day(_ offset: Int?) -> String? { offset.map(calendar.text) }
        try self.init { writer in
            for story in stories {
                for row in story.targets {
                    writer.beginLine(kind: InterchangeKind.target.rawValue)
                    writer.field("id", row.id)
                    writer.field("learner", row.learner)
                    writer.field("focusProcess", row.focusProcess)
                    writer.field("condition", row.condition)
                    writer.field("achieveBy", day(row.achieveBy))
                    writer.field("challenge", row.challenge)
                    for kind in ["outcome", "process"] {
                        writer.list(kind + "Metrics", row.metrics.filter { $0.kind == kind }) { writer, metric in
                            writer.field("name", metric.name)
                            writer.field("target", metric.goal)
                            writer.field("unit", metric.unit)
                        }
                    }
                    writer.field("status", row.status)
                    writer.field("createdOn", day(row.createdOn))
                    writer.field("closedOn", day(row.closedOn))
                    writer.field("reflection", row.reflection)
                    writer.list("amendments", row.amendment.map { [$0] } ?? []) { writer, amendment in
                        writer.field("date", day(amendment.date))
                        writer.field("text", amendment.text)
                    }
                    try writer.endLine()
                }
                for row in story.conditions {
                    writer.beginLine(kind: InterchangeKind.condition.rawValue)
                    writer.field("id", row.id)
                    writer.field("target", row.target)
                    writer.field("date", day(row.date))
                    writer.field("text", row.text)
                    writer.field("metrics", json: row.metrics)
                    try writer.endLine()
                }
                for row in story.obstacles {
                    writer.beginLine(kind: InterchangeKind.obstacle.rawValue)
                    writer.field("id", row.id)
                    writer.field("target", row.target)
                    writer.field("text", row.text)
                    writer.field("status", row.status)
                    writer.field("createdOn", day(row.createdOn))
                    writer.field("closedOn", day(row.closedOn))
                    try writer.endLine()
                }
                for row in story.experiments {
                    writer.beginLine(kind: InterchangeKind.experiment.rawValue)
                    writer.field("id", row.id)
                    writer.field("target", row.target)
                    writer.field("obstacle", row.obstacle)
                    writer.field("step", row.step)
                    writer.field("expected", row.expected)
                    writer.field("plannedOn", day(row.plannedOn))
                    writer.field("goSee", day(row.goSee))
                    writer.field("happened", row.happened)
                    writer.field("asExpected", row.asExpected)
                    writer.field("learned", row.learned)
                    writer.field("closedOn", day(row.closedOn))
                    try writer.endLine()
                }
                for row in story.cycles {
                    writer.beginLine(kind: InterchangeKind.cycle.rawValue)
                    writer.field("id", row.id)
                    writer.field("date", day(row.date))
                    writer.field("coach", row.coach)
                    writer.field("learner", row.learner)
                    writer.field("secondCoach", row.secondCoach)
                    writer.field("minutes", integer: row.minutes)
                    writer.field("target", row.target)
                    writer.field("actualCondition", row.actualCondition)
                    writer.field("obstacle", row.obstacle)
                    writer.field("reviewed", row.reviewed)
                    writer.field("planned", row.planned)
                    try writer.endLine()
                }
                for row in story.observations {
                    writer.beginLine(kind: InterchangeKind.observation.rawValue)
                    writer.field("id", row.id)
                    writer.field("date", day(row.date))
                    writer.field("secondCoach", row.secondCoach)
                    writer.field("coach", row.coach)
                    writer.field("cycle", row.cycle)
                    writer.field("notes", row.notes)
                    writer.field("focus", row.focus)
                    writer.field("trigger", row.trigger)
                    try writer.endLine()
                }
                try DemoLines.write(story.escalationRecords, writer, day: day)
            }
        }
    }
}
