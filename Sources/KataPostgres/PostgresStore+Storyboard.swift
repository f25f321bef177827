import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// The storyboard of `learner`'s target condition `target`, or of their most recent active one
    /// (the most recent one at all when none is active).
    public func storyboard(learner handle: Handle, target id: UUID?) async throws -> Storyboard {
        try await read { connection in
            let logger = pool.logger
            guard let learner = try await PostgresStore.fetchPerson(handle, connection, logger) else {
                throw try await PostgresStore.unknownPerson(handle, as: "learner", connection, logger)
            }
            let targetID: UUID
            if let id {
                try await requireVisible(.target, id, connection)
                targetID = id
            } else {
                let scope = readScope.map { _ in "AND " + AccessScope.target("target", "$2") } ?? ""
                var query = PostgresQuery(
                    unsafeSQL: """
                        SELECT id FROM target WHERE learner = $1 \(scope)
                        ORDER BY status <> 'active', created_on DESC, seq DESC LIMIT 1
                        """)
                query.binds.append(handle.rawValue)
                if let me = readScope { query.binds.append(me.rawValue) }
                guard let newest = try await connection.rows(query, logger).first?.decode(UUID.self) else {
                    throw KataError.unknown(
                        kind: "target condition for", reference: handle.rawValue,
                        hint:
                            "Set one with 'kata target add --learner \(handle) --focus-process … --condition … --achieve-by …'."
                    )
                }
                targetID = newest
            }
            let target = try await PostgresStore.fetchTarget(targetID, connection, logger)
            guard target.learner == handle else {
                throw KataError.ruleBroken(
                    "target condition \(targetID.uuidString.lowercased().prefix(8)) belongs to \(target.learner), not \(handle)."
                )
            }
            var challenge: Challenge?
            if let challengeID = target.challenge {
                challenge = try await connection.rows(
                    "SELECT \(unescaped: Challenge.columns) FROM challenge WHERE id = \(challengeID)", logger
                ).first.map(Challenge.init(row:))
            }
            let conditions = try await connection.rows(
                """
                SELECT \(unescaped: CurrentCondition.columns) FROM condition WHERE target = \(targetID)
                ORDER BY date, seq
                """, logger
            ).map(CurrentCondition.init(row:))
            let obstacles = try await connection.rows(
                """
                SELECT \(unescaped: Obstacle.columns) FROM obstacle WHERE target = \(targetID)
                ORDER BY status <> 'working', status IN ('overcome', 'dropped'), created_on, seq
                """, logger
            ).map(Obstacle.init(row:))
            let experiments = try await connection.rows(
                """
                SELECT \(unescaped: Experiment.columns) FROM experiment WHERE target = \(targetID)
                ORDER BY planned_on, planned_at, seq
                """, logger
            ).map(Experiment.init(row:))
            return Storyboard(
                learner: learner, challenge: challenge, target: target, conditions: conditions,
                current: try await PostgresStore.currentCondition(
                    target: targetID, snapshot: conditions.last, connection, logger),
                obstacles: obstacles, experiments: experiments)
        }
    }

    /// The learners to see on `day`: in a pairing active that day with `coach` (or any coach),
    /// with a go-see date due or overdue, or not coached for more than a workday.
    public func due(coach: Handle?, on day: Day) async throws -> [DueLearner] {
        // The due list of one's own learners: lean staff and admins see every coach's.
        let scope = readScope.map { _ in "AND pairing.coach = $3" } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT pairing.coach, person.handle, person.name, person.unit, person.reports_to, person.email, person.active,
                    (SELECT max(date) FROM cycle WHERE cycle.coach = pairing.coach
                        AND cycle.learner = pairing.learner AND cycle.date <= $2::date)::text
                FROM pairing JOIN person ON person.handle = pairing.learner
                WHERE ($1::text IS NULL OR pairing.coach = $1) AND pairing.since <= $2::date
                    AND (pairing.until IS NULL OR pairing.until >= $2::date) \(scope)
                ORDER BY pairing.coach, pairing.learner
                """)
        query.binds.append(coach?.rawValue)
        query.binds.append(day.description)
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            let logger = pool.logger
            let calendar = try await PostgresStore.settings(connection, logger).calendar
            let rows = try await connection.rows(finished, logger)
            // Every open step whose go-see date has come, earliest first per learner: one query for all.
            var firstGoSee: [Handle: UUID] = [:]
            for row in try await connection.rows(
                """
                SELECT target.learner, experiment.id FROM experiment JOIN target ON target.id = experiment.target
                WHERE target.status = 'active' AND experiment.closed_on IS NULL
                    AND experiment.go_see <= \(day.description)::date
                ORDER BY experiment.go_see, experiment.seq
                """, logger)
            {
                let (learner, experiment) = try row.decode((String, UUID).self)
                let handle = try Column.handle(learner, "learner")
                if firstGoSee[handle] == nil { firstGoSee[handle] = experiment }
            }
            var goSees: [Handle: Experiment] = [:]
            for (learner, experiment) in firstGoSee {
                goSees[learner] = try await PostgresStore.fetchExperiment(experiment, connection, logger)
            }
            var result: [DueLearner] = []
            for row in rows {
                let (coach, handle, name, unit, reportsTo, email, active, last) = try row.decode(
                    (String, String, String, String?, String?, String?, Bool, String?).self)
                let learner = try Person(
                    handle: Column.handle(handle, "handle"), name: name, unit: unit,
                    reportsTo: Column.handle(reportsTo, "reports_to"), email: email, active: active)
                let lastCycle = try Column.day(last, "cycle.date")
                let goSee = goSees[learner.handle]
                // Coached on the day itself: nothing is due.
                if lastCycle == day { continue }
                let gap = lastCycle.map { calendar.workdays(after: $0, through: day) }
                let overdue = lastCycle == nil || (gap ?? 0) > 1
                guard goSee != nil || overdue else { continue }
                result.append(
                    DueLearner(
                        coach: try Column.handle(coach, "coach"), learner: learner, goSee: goSee, lastCycle: lastCycle,
                        workdaysSinceLastCycle: gap))
            }
            return result
        }
    }
}
