import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Corrects a logged cycle and the steps it reviewed and planned; a new date after `today`
    /// (by default the day of `now`) is refused, and so is an obstacle of another target condition.
    @discardableResult
    public func editCycle(_ id: UUID, _ correction: CycleCorrection, at now: Date, today: Day?) async throws
        -> LoggedCycle
    {
        guard !correction.isEmpty else {
            throw KataError.missing(fields: ["a value to change"], hint: "See 'kata cycle edit --help'.")
        }
        try CoachingCycle.validate(minutes: correction.minutes)
        return try await write { connection in
            let logger = pool.logger
            try await requireOwnCycle(id, connection)
            var detail = try await PostgresStore.cycleDetail(id, forUpdate: true, connection, logger)
            var cycle = detail.cycle
            if let date = correction.date {
                let day = try await PostgresStore.today(today, at: now, connection, logger)
                try date.requireHappened(by: day, record: "a cycle")
            }
            if let obstacleID = correction.obstacle {
                detail = try await PostgresStore.relinkingObstacle(obstacleID, of: detail, connection, logger)
            }
            if let second = correction.secondCoach {
                try await PostgresStore.requirePerson(second, as: "2nd coach", connection, logger)
            }
            cycle = try CoachingCycle(
                id: cycle.id, date: correction.date ?? cycle.date, coach: cycle.coach, learner: cycle.learner,
                secondCoach: correction.secondCoach ?? cycle.secondCoach, minutes: correction.minutes ?? cycle.minutes,
                target: cycle.target, actualCondition: correction.actualCondition ?? cycle.actualCondition,
                obstacle: detail.obstacle?.id ?? cycle.obstacle, reviewed: cycle.reviewed, planned: cycle.planned)
            try await connection.query(
                """
                UPDATE cycle SET date = \(cycle.date.description)::date, second_coach = \(cycle.secondCoach?.rawValue),
                    minutes = \(cycle.minutes), actual_condition = \(cycle.actualCondition), obstacle = \(cycle.obstacle)
                WHERE id = \(id)
                """, logger: logger)
            if correction.happened != nil || correction.learned != nil || correction.asExpected != nil {
                guard var reviewed = detail.reviewed else {
                    throw KataError.ruleBroken("this cycle reviewed no step; there is no result to correct.")
                }
                reviewed.happened = correction.happened ?? reviewed.happened
                reviewed.learned = correction.learned ?? reviewed.learned
                reviewed.asExpected = correction.asExpected ?? reviewed.asExpected
                try await connection.query(
                    """
                    UPDATE experiment SET happened = \(reviewed.happened), learned = \(reviewed.learned),
                        as_expected = \(reviewed.asExpected?.rawValue)
                    WHERE id = \(reviewed.id)
                    """, logger: logger)
                detail.reviewed = reviewed
            }
            if correction.nextStep != nil || correction.expected != nil || correction.goSee != nil {
                guard let planned = detail.planned else {
                    throw KataError.ruleBroken("this cycle planned no step; log the next step with the next cycle.")
                }
                if correction.expected != nil && planned.isClosed {
                    throw KataError.ruleBroken(
                        "the result of this step is in; its prediction stays as it was written before the step.")
                }
                let corrected = try Experiment(
                    id: planned.id, target: planned.target, obstacle: planned.obstacle,
                    step: correction.nextStep ?? planned.step, expected: correction.expected ?? planned.expected,
                    plannedOn: planned.plannedOn, goSee: correction.goSee ?? planned.goSee, happened: planned.happened,
                    learned: planned.learned, asExpected: planned.asExpected, closedOn: planned.closedOn)
                try await connection.query(
                    """
                    UPDATE experiment SET step = \(corrected.step), expected = \(corrected.expected),
                        go_see = \(corrected.goSee?.description)::date
                    WHERE id = \(corrected.id)
                    """, logger: logger)
                detail.planned = corrected
            }
            detail.cycle = cycle
            return detail
        }
    }

    /// `detail` with its cycle (and the step it planned) linked to obstacle `id` of its target condition.
    static func relinkingObstacle(
        _ id: UUID, of detail: LoggedCycle, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> LoggedCycle {
        var detail = detail
        let obstacle = try await fetchObstacle(id, connection, logger)
        guard let target = detail.cycle.target else {
            throw KataError.ruleBroken(
                "this cycle has no target condition, so it addressed no obstacle; there is no link to correct.")
        }
        guard obstacle.target == target else {
            throw KataError.ruleBroken(
                "obstacle \(id.uuidString.lowercased().prefix(8)) belongs to another target condition; "
                    + "see 'kata obstacle list --learner \(detail.cycle.learner)'.")
        }
        if var planned = detail.planned {
            planned.obstacle = id
            try await connection.query(
                "UPDATE experiment SET obstacle = \(id) WHERE id = \(planned.id)", logger: logger)
            detail.planned = planned
        }
        detail.obstacle = obstacle
        return detail
    }

    /// Deletes a cycle logged by mistake: the step it planned goes too (unless a later cycle
    /// reviewed it), the step it reviewed is open again, observations of it stay without it.
    public func deleteCycle(_ id: UUID) async throws {
        try await write { connection in
            let logger = pool.logger
            try await requireOwnCycle(id, connection)
            let detail = try await PostgresStore.cycleDetail(id, forUpdate: true, connection, logger)
            if let planned = detail.planned, planned.isClosed {
                throw KataError.ruleBroken(
                    "a later cycle reviewed the step this cycle planned ('\(planned.step)'); delete that cycle first.")
            }
            try await connection.query("UPDATE observation SET cycle = NULL WHERE cycle = \(id)", logger: logger)
            try await connection.query("DELETE FROM cycle WHERE id = \(id)", logger: logger)
            if let planned = detail.planned {
                try await connection.query("DELETE FROM experiment WHERE id = \(planned.id)", logger: logger)
            }
            if let reviewed = detail.reviewed {
                if try await PostgresStore.openExperiment(of: reviewed.target, connection, logger) != nil {
                    throw KataError.ruleBroken(
                        "another step of this target condition is open now; the step this cycle reviewed cannot be reopened."
                    )
                }
                try await connection.query(
                    """
                    UPDATE experiment SET happened = NULL, learned = NULL, as_expected = NULL, closed_on = NULL, closed_at = NULL
                    WHERE id = \(reviewed.id)
                    """, logger: logger)
            }
        }
    }

    /// Refuses a cycle the caller may not see (as unknown) or did not log (forbidden); the owner
    /// and admins pass without a query.
    func requireOwnCycle(_ id: UUID, _ connection: PostgresConnection) async throws {
        guard let account, !account.roles.contains(.admin) else { return }
        try await requireVisible(.cycle, id, connection)
        let coach = try await connection.rows("SELECT coach FROM cycle WHERE id = \(id)", pool.logger).first?.decode(
            String.self)
        guard coach == account.handle.rawValue else {
            throw KataError.forbidden(
                "you did not log cycle \(id.uuidString.lowercased().prefix(8)); only its coach (\(coach ?? "?")) "
                    + "or an admin may change it.")
        }
    }
}
