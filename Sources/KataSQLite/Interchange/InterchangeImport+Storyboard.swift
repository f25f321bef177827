import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    func applyTarget(_ record: TargetRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var target = try checked(origin) { try record.value(today: today) }
        if try !personExists(target.learner) {
            return try unresolved(
                Missing(field: "learner", noun: "person", value: target.learner.rawValue), origin, replaying)
        }
        if let challenge = target.challenge, try !challengeExists(challenge) {
            return try unresolved(
                Missing(field: "challenge", noun: "challenge", value: challenge.interchangeText), origin, replaying)
        }
        // Looked up first rather than left to ON CONFLICT: the same target condition imported again
        // would also collide with itself in the one-active-per-focus-process index.
        if try Row.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM target WHERE id = ?"), arguments: [target.id.interchangeText]) != nil
        {
            let stored = try SQLiteStore.fetchTarget(target.id, db)
            if record.status == nil {
                target.status = stored.status
                target.closedOn = stored.closedOn
            }
            if record.createdOn == nil { target.createdOn = stored.createdOn }
            return try settle(.target, target.id.interchangeText, stored == target, origin)
        }
        if target.isActive,
            let other = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT id FROM target WHERE learner = ? AND focusProcess = ? AND status = 'active'"),
                arguments: [target.learner.rawValue, target.focusProcess])
        {
            throw problem(
                origin, field: "status",
                "\(target.learner) already has an active target condition for focus process '\(target.focusProcess)' "
                    + "(\(other)); a learner works toward one target condition per focus process at a time. "
                    + "Give one of them status achieved, missed or dropped with its closedOn date.")
        }
        _ = try insert(
            """
            INSERT INTO target (id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn, closedOn,
                reflection) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                target.id.interchangeText, target.learner.rawValue, target.focusProcess, target.condition,
                target.achieveBy.interchangeText, target.challenge?.interchangeText, target.status.rawValue,
                target.createdOn.interchangeText, target.closedOn?.interchangeText, target.reflection,
            ], origin)
        for (kind, metrics) in [("outcome", target.outcomeMetrics), ("process", target.processMetrics)] {
            for (position, metric) in metrics.enumerated() {
                _ = try insert(
                    "INSERT INTO target_metric (target, kind, position, name, goal, unit) VALUES (?, ?, ?, ?, ?, ?)",
                    [target.id.interchangeText, kind, position, metric.name, metric.target, metric.unit], origin)
            }
        }
        for (position, amendment) in target.amendments.enumerated() {
            _ = try insert(
                "INSERT INTO target_amendment (target, position, date, text) VALUES (?, ?, ?, ?)",
                [target.id.interchangeText, position, amendment.date.interchangeText, amendment.text], origin)
        }
        targetLearners[target.id] = target.learner
        return .added
    }

    func applyCondition(_ record: ConditionRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        let condition = try checked(origin) { try record.value() }
        try refuseFuture(condition.date, field: "date", .condition, origin)
        if try targetLearner(condition.target) == nil {
            return try unresolved(
                Missing(field: "target", noun: "target condition", value: condition.target.interchangeText), origin,
                replaying)
        }
        let metrics = String(decoding: try metricsEncoder.encode(condition.metrics), as: UTF8.self)
        let inserted = try insert(
            "INSERT INTO condition (id, target, date, text, metrics) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [
                condition.id.interchangeText, condition.target.interchangeText, condition.date.interchangeText,
                condition.text, metrics,
            ], origin)
        if inserted { return .added }
        let stored = try fetch(
            CurrentCondition.init(row:), "SELECT * FROM condition WHERE id = ?", condition.id, origin)
        return try settle(.condition, condition.id.interchangeText, stored == condition, origin)
    }

    func applyObstacle(_ record: ObstacleRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var obstacle = try checked(origin) { try record.value(today: today) }
        if try targetLearner(obstacle.target) == nil {
            return try unresolved(
                Missing(field: "target", noun: "target condition", value: obstacle.target.interchangeText), origin,
                replaying)
        }
        // Looked up first for the same reason as target conditions: the one-working index.
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM obstacle WHERE id = ?"), arguments: [obstacle.id.interchangeText])
        {
            let stored = try Obstacle(row: row)
            if record.status == nil {
                obstacle.status = stored.status
                obstacle.closedOn = stored.closedOn
            }
            if record.createdOn == nil { obstacle.createdOn = stored.createdOn }
            return try settle(.obstacle, obstacle.id.interchangeText, stored == obstacle, origin)
        }
        if obstacle.status == .working,
            let other = try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM obstacle WHERE target = ? AND status = 'working'"),
                arguments: [obstacle.target.interchangeText])
        {
            throw problem(
                origin, field: "status",
                "obstacle \(other) of the same target condition is being worked already; the learner works on one "
                    + "obstacle at a time. Give this one status parked, overcome or dropped.")
        }
        _ = try insert(
            .obstacle, "INSERT INTO obstacle (id, target, text, status, createdOn, closedOn) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .uuid(obstacle.id), .uuid(obstacle.target), .text(obstacle.text), .text(obstacle.status.rawValue),
                .text(obstacle.createdOn.interchangeText), .text(obstacle.closedOn?.interchangeText),
            ], origin)
        obstacleTargets[obstacle.id] = obstacle.target
        return .added
    }

    func applyExperiment(_ record: ExperimentRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var experiment = try checked(origin) { try record.value() }
        if try targetLearner(experiment.target) == nil {
            return try unresolved(
                Missing(field: "target", noun: "target condition", value: experiment.target.interchangeText), origin,
                replaying)
        }
        if let obstacle = experiment.obstacle {
            guard let obstacleTarget = try obstacleTarget(obstacle) else {
                return try unresolved(
                    Missing(field: "obstacle", noun: "obstacle", value: obstacle.interchangeText), origin, replaying)
            }
            guard obstacleTarget == experiment.target else {
                throw problem(
                    origin, field: "obstacle",
                    "obstacle \(obstacle.interchangeText) is on the parking lot of another target condition "
                        + "(\(obstacleTarget.interchangeText)); an experiment works against an obstacle of its own "
                        + "target condition.")
            }
        }
        let inserted = try insert(
            .experiment,
            """
            INSERT INTO experiment (id, target, obstacle, step, expected, plannedOn, goSee, happened, learned,
                asExpected, closedOn, plannedAt, closedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
            """,
            [
                .uuid(experiment.id), .uuid(experiment.target), .uuid(experiment.obstacle), .text(experiment.step),
                .text(experiment.expected),
                .text(experiment.plannedOn.interchangeText), .text(experiment.goSee?.interchangeText),
                .text(experiment.happened), .text(experiment.learned), .text(experiment.asExpected?.rawValue),
                .text(experiment.closedOn?.interchangeText),
                .text(Self.timestamp(experiment.plannedOn)), .text(experiment.closedOn.map(Self.timestamp)),
            ], origin)
        if inserted {
            rememberExperiment(experiment.id, target: experiment.target)
            return .added
        }
        let stored = try fetch(Experiment.init(row:), "SELECT * FROM experiment WHERE id = ?", experiment.id, origin)
        if origin.derived.contains("target") { experiment.target = stored.target }
        let noResult =
            experiment.happened == nil && experiment.learned == nil && experiment.asExpected == nil
            && experiment.closedOn == nil
        if origin.derived.contains("closedOn"), noResult || (stored.closedOn == nil) == (experiment.closedOn == nil) {
            experiment.closedOn = stored.closedOn
        }
        return try settle(.experiment, experiment.id.interchangeText, stored == experiment, origin)
    }

}
