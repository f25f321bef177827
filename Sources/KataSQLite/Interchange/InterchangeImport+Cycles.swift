import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    func applyCycle(_ record: CycleRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var cycle = try checked(origin) { try record.value() }
        try refuseFuture(cycle.date, field: "date", .cycle, origin)
        for (field, person) in [("coach", cycle.coach), ("learner", cycle.learner), ("secondCoach", cycle.secondCoach)]
        {
            if let person, try !personExists(person) {
                return try unresolved(Missing(field: field, noun: "person", value: person.rawValue), origin, replaying)
            }
        }
        if let target = cycle.target {
            guard let learner = try targetLearner(target) else {
                return try unresolved(
                    Missing(field: "target", noun: "target condition", value: target.interchangeText), origin, replaying
                )
            }
            guard learner == cycle.learner else {
                throw problem(
                    origin, field: "target",
                    "target condition \(target.interchangeText) is \(learner)'s, not \(cycle.learner)'s; a coaching "
                        + "cycle coaches the learner toward their own target condition.")
            }
        }
        if let obstacle = cycle.obstacle {
            guard let obstacleTarget = try obstacleTarget(obstacle) else {
                return try unresolved(
                    Missing(field: "obstacle", noun: "obstacle", value: obstacle.interchangeText), origin, replaying)
            }
            if let target = cycle.target, obstacleTarget != target {
                throw problem(
                    origin, field: "obstacle",
                    "obstacle \(obstacle.interchangeText) is on the parking lot of another target condition than the "
                        + "cycle's (\(target.interchangeText)).")
            }
        }
        for (field, experiment) in [("reviewed", cycle.reviewed), ("planned", cycle.planned)] {
            guard let experiment else { continue }
            guard let experimentTarget = try experimentTarget(experiment) else {
                return try unresolved(
                    Missing(field: field, noun: "experiment", value: experiment.interchangeText), origin, replaying)
            }
            if let target = cycle.target, experimentTarget != target {
                throw problem(
                    origin, field: field,
                    "experiment \(experiment.interchangeText) belongs to another target condition than the cycle's "
                        + "(\(target.interchangeText)).")
            }
        }
        let inserted = try insert(
            .cycle,
            """
            INSERT INTO cycle (id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle,
                reviewed, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """,
            [
                .uuid(cycle.id), .text(cycle.date.interchangeText), .text(cycle.coach.rawValue),
                .text(cycle.learner.rawValue), .text(cycle.secondCoach?.rawValue), .integer(cycle.minutes),
                .uuid(cycle.target), .text(cycle.actualCondition), .uuid(cycle.obstacle), .uuid(cycle.reviewed),
                .uuid(cycle.planned),
            ], origin)
        if inserted { return .added }
        let stored = try fetch(CoachingCycle.init(row:), "SELECT * FROM cycle WHERE id = ?", cycle.id, origin)
        if origin.derived.contains("target") { cycle.target = stored.target }
        if origin.derived.contains("planned") { cycle.planned = stored.planned }
        return try settle(.cycle, cycle.id.interchangeText, stored == cycle, origin)
    }

    func applyObservation(_ record: ObservationRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        let observation = try checked(origin) { try record.value() }
        try refuseFuture(observation.date, field: "date", .observation, origin)
        for (field, person) in [("secondCoach", observation.secondCoach), ("coach", observation.coach)]
        where try !personExists(person) {
            return try unresolved(Missing(field: field, noun: "person", value: person.rawValue), origin, replaying)
        }
        if let cycle = observation.cycle {
            guard let coach = try cycleCoach(cycle) else {
                return try unresolved(
                    Missing(field: "cycle", noun: "coaching cycle", value: cycle.interchangeText), origin, replaying)
            }
            guard coach == observation.coach else {
                throw problem(
                    origin, field: "cycle",
                    "coaching cycle \(cycle.interchangeText) was run by \(coach), not by \(observation.coach); an "
                        + "observation watches the coach who ran the cycle.")
            }
        }
        let inserted = try insert(
            """
            INSERT INTO observation (id, date, secondCoach, coach, cycle, notes, focus, "trigger")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """,
            [
                observation.id.interchangeText, observation.date.interchangeText, observation.secondCoach.rawValue,
                observation.coach.rawValue, observation.cycle?.interchangeText, observation.notes, observation.focus,
                observation.trigger,
            ], origin)
        if inserted { return .added }
        let stored = try fetch(Observation.init(row:), "SELECT * FROM observation WHERE id = ?", observation.id, origin)
        return try settle(.observation, observation.id.interchangeText, stored == observation, origin)
    }

}
