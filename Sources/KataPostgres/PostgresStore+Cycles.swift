import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Logs one coaching cycle in one transaction under the client-made `id`: closes the learner's
    /// last open step with what happened and was learned, sets the obstacle addressed now, and
    /// opens the next step with its prediction and go-see date.
    ///
    /// The same id with the same content again returns the cycle logged the first time (`isNew`
    /// false) and writes nothing; other content under a used id is a conflict. A cycle dated after
    /// `today` (by default the day of `now` in the organisation's time zone) is refused.
    ///
    /// Whether the id is taken is looked up before the write, in a read of its own, and the write
    /// inserts the cycle with `ON CONFLICT DO NOTHING`: the lookup inside the serializable write
    /// put a predicate lock on a page of the cycles' primary key, and each cycle inserted on that
    /// page meanwhile made one of the two writes fail and wait to run again (133 cycles/s). An id
    /// taken between the lookup and the insert (the same cycle sent twice at once) is looked up
    /// again, and so is every attempt after a collision.
    public func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> RecordedCycle {
        if let account, !account.roles.contains(.admin), entry.coach != account.handle {
            throw KataError.forbidden("you may log only the cycles you coach yourself, not those of \(entry.coach).")
        }
        return try await retryingCollisions {
            while true {
                if let earlier = try await loggedEarlier(entry, id: id) {
                    return RecordedCycle(cycle: try sameCycle(entry, id: id, as: earlier), isNew: false)
                }
                do {
                    let logged = try await serializable { connection in
                        try await PostgresStore.logCycle(entry, id: id, at: now, today: today, connection, pool.logger)
                    }
                    return RecordedCycle(cycle: logged, isNew: true)
                } catch is CycleIDTaken {
                    continue
                }
            }
        }
    }

    /// The cycle logged under `id` before, nil when the id is free; for an account, first whether
    /// it may log `entry`.
    private func loggedEarlier(_ entry: CycleEntry, id: UUID) async throws -> LoggedCycle? {
        let exists = try await lookup { connection in
            let logger = pool.logger
            if account != nil {
                // The directory is everyone's: a handle nobody has is unknown, not forbidden.
                try await PostgresStore.requirePerson(entry.learner, as: "learner", connection, logger)
                try await requireCoach(of: entry.learner, on: entry.date, connection)
            }
            return try await connection.rows("SELECT EXISTS (SELECT 1 FROM cycle WHERE id = \(id))", logger)
                .first?.decode(Bool.self) ?? false
        }
        guard exists else { return nil }
        return try await read { connection in try await PostgresStore.cycleDetail(id, connection, pool.logger) }
    }

    /// `earlier` when `entry` is the cycle logged as it (a retried request, an outbox resent);
    /// otherwise a conflict, with both versions for whoever may see the first (DESIGN §10.1).
    private func sameCycle(_ entry: CycleEntry, id: UUID, as earlier: LoggedCycle) throws -> LoggedCycle {
        guard entry.isLogged(as: earlier) else {
            let text = id.uuidString.lowercased()
            guard account.map({ $0.roles.contains(.admin) || earlier.cycle.coach == $0.handle }) ?? true else {
                throw KataError.conflict("the id \(text) is taken by another record; make a new id.")
            }
            throw KataError.conflict(
                "a different cycle was logged under the id \(text): logged \(Wire.text(of: earlier)); "
                    + "sent \(Wire.text(of: entry)). Make a new id for a new cycle.")
        }
        return earlier
    }

    /// The cycle's id was taken by another write after it was looked up: nothing of this one is
    /// kept, and the cycle is looked up again.
    struct CycleIDTaken: Error {}

    static func logCycle(
        _ entry: CycleEntry, id: UUID, at now: Date, today: Day?, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> LoggedCycle {
        let day = try await PostgresStore.today(today, at: now, connection, logger)
        try entry.date.requireHappened(by: day, record: "a cycle")
        try await requirePerson(entry.coach, as: "coach", connection, logger)
        try await requirePerson(entry.learner, as: "learner", connection, logger)
        if let second = entry.secondCoach { try await requirePerson(second, as: "2nd coach", connection, logger) }
        var cycle = try CoachingCycle(
            id: id, date: entry.date, coach: entry.coach, learner: entry.learner, secondCoach: entry.secondCoach,
            minutes: entry.minutes, actualCondition: entry.actualCondition.nonBlank)

        let target = try await cycleTarget(entry, connection, logger)
        cycle.target = target?.id
        let needsTarget =
            entry.reviewsLastStep || entry.obstacle != nil || entry.newObstacle.nonBlank != nil
            || entry.nextStep.nonBlank != nil
        guard let target else {
            if needsTarget {
                throw KataError.ruleBroken(
                    "\(entry.learner) has no active target condition to record steps and obstacles against; "
                        + "set one with 'kata target add --learner \(entry.learner) …'.")
            }
            try await cycle.insertNew(connection, logger)
            return LoggedCycle(cycle: cycle)
        }

        // Q2: reflect on the last step.
        var reviewed = try await openExperiment(of: target.id, connection, logger)
        if entry.reviewsLastStep {
            guard var last = reviewed else {
                throw KataError.ruleBroken(
                    "there is no open step to review for \(entry.learner); leave out --happened and --learned.")
            }
            try last.close(
                on: entry.date, happened: entry.happened, learned: entry.learned, asExpected: entry.asExpected)
            try await connection.query(
                """
                UPDATE experiment SET happened = \(last.happened), learned = \(last.learned),
                    as_expected = \(last.asExpected?.rawValue),
                    closed_on = \(last.closedOn?.description)::date, closed_at = greatest(\(now), planned_at)
                WHERE id = \(last.id)
                """, logger: logger)
            reviewed = last
            cycle.reviewed = last.id
        } else {
            reviewed = nil
        }

        // Q3: the one obstacle addressed now.
        var obstacle: Obstacle?
        if let text = entry.newObstacle.nonBlank {
            guard entry.obstacle == nil else {
                throw KataError.usage("give either --obstacle or --new-obstacle, not both.")
            }
            try await parkWorkingObstacle(of: target.id, connection, logger)
            let created = try Obstacle(target: target.id, text: text, status: .working, createdOn: entry.date)
            try await connection.query(
                """
                INSERT INTO obstacle (id, target, text, status, created_on)
                VALUES (\(created.id), \(target.id), \(created.text), 'working', \(created.createdOn.description)::date)
                """, logger: logger)
            obstacle = created
        } else if let chosenID = entry.obstacle {
            var chosen = try await fetchObstacle(chosenID, forUpdate: true, connection, logger)
            guard chosen.target == target.id else {
                throw KataError.ruleBroken(
                    "obstacle \(chosenID.uuidString.lowercased().prefix(8)) belongs to another target condition; "
                        + "see 'kata obstacle list --learner \(entry.learner)'.")
            }
            try chosen.requireWorkable(on: entry.date)
            if chosen.status != .working {
                try await parkWorkingObstacle(of: target.id, connection, logger)
                chosen.status = .working
                try await connection.query(
                    "UPDATE obstacle SET status = 'working' WHERE id = \(chosenID)", logger: logger)
            }
            obstacle = chosen
        } else {
            obstacle = try await connection.rows(
                "SELECT \(unescaped: Obstacle.columns) FROM obstacle WHERE target = \(target.id) AND status = 'working'",
                logger
            ).first.map(Obstacle.init(row:))
        }
        cycle.obstacle = obstacle?.id

        // Q4 and Q5: the next step, what is expected, and when we go and see.
        var planned: Experiment?
        if let step = entry.nextStep.nonBlank {
            if let open = try await openExperiment(of: target.id, connection, logger) {
                throw KataError.ruleBroken(
                    "the last step ('\(open.step)', expected: '\(open.expected ?? "")') has not been reviewed; "
                        + "give --happened and --learned before the next step.")
            }
            let experiment = try Experiment(
                target: target.id, obstacle: obstacle?.id, step: step, expected: entry.expected, plannedOn: entry.date,
                goSee: entry.goSee)
            try await experiment.insert(recordedAt: now, connection, logger)
            planned = experiment
            cycle.planned = experiment.id
        } else if entry.expected.nonBlank != nil || entry.goSee != nil {
            throw KataError.missing(
                fields: ["--next-step"], hint: "An expectation and a go-see date belong to a next step; say what it is."
            )
        }

        try await cycle.insertNew(connection, logger)
        return LoggedCycle(cycle: cycle, target: target, obstacle: obstacle, reviewed: reviewed, planned: planned)
    }

    /// The target condition a cycle coaches toward: the one it names, else the learner's one
    /// active target condition (none when they have none; a choice to make when several).
    static func cycleTarget(_ entry: CycleEntry, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> TargetCondition?
    {
        if let id = entry.target {
            let target = try await fetchTarget(id, connection, logger)
            let short = id.uuidString.lowercased().prefix(8)
            guard target.learner == entry.learner else {
                throw KataError.ruleBroken(
                    "target condition \(short) belongs to \(target.learner), not \(entry.learner).")
            }
            guard target.isActive else {
                throw KataError.ruleBroken(
                    "target condition \(short) is \(target.status.rawValue); coach toward an active one.")
            }
            return target
        }
        let active = try await connection.rows(
            """
            SELECT \(unescaped: TargetCondition.columns()) FROM target
            WHERE learner = \(entry.learner.rawValue) AND status = 'active' ORDER BY created_on DESC, id
            """, logger
        ).map(TargetCondition.init(row:))
        if active.count > 1 {
            let list = active.map { "\($0.id.uuidString.lowercased().prefix(8)) (\($0.focusProcess))" }
                .joined(separator: ", ")
            throw KataError.missing(
                fields: ["--target"],
                hint: "\(entry.learner) has several active target conditions: \(list); choose one.")
        }
        return active.first
    }

    /// The step of `target` still waiting for its result, if any (locked until the transaction ends).
    static func openExperiment(of target: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Experiment?
    {
        try await connection.rows(
            """
            SELECT \(unescaped: Experiment.columns) FROM experiment WHERE target = \(target) AND closed_on IS NULL
            ORDER BY planned_on DESC, planned_at DESC LIMIT 1 FOR UPDATE
            """, logger
        ).first.map(Experiment.init(row:))
    }

    /// Cycles, newest first; an account sees those DESIGN §10.3 shows it.
    public func cycles(_ filter: CycleFilter) async throws -> [CoachingCycle] {
        let scope = readScope.map { _ in "AND " + AccessScope.cycle("cycle", "$6") } ?? ""
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT \(CoachingCycle.columns) FROM cycle
                WHERE ($1::text IS NULL OR coach = $1) AND ($2::text IS NULL OR learner = $2)
                    AND ($3::date IS NULL OR date >= $3::date) AND ($4::date IS NULL OR date <= $4::date) \(scope)
                ORDER BY date DESC, seq DESC LIMIT $5
                """)
        query.binds.append(filter.coach?.rawValue)
        query.binds.append(filter.learner?.rawValue)
        query.binds.append(filter.from?.description)
        query.binds.append(filter.to?.description)
        query.binds.append(filter.limit.map(Int64.init))
        if let me = readScope { query.binds.append(me.rawValue) }
        let finished = query
        return try await read { connection in
            try await connection.rows(finished, pool.logger).map(CoachingCycle.init(row:))
        }
    }

    /// One cycle with the target condition, obstacle and experiments it refers to.
    public func cycleDetail(_ id: UUID) async throws -> LoggedCycle {
        try await read { connection in
            try await requireVisible(.cycle, id, connection)
            return try await PostgresStore.cycleDetail(id, connection, pool.logger)
        }
    }

    /// The cycle with `id` and what it refers to; with `forUpdate`, the cycle's row stays locked
    /// until the transaction ends.
    static func cycleDetail(
        _ id: UUID, forUpdate: Bool = false, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> LoggedCycle {
        guard
            let row = try await connection.rows(
                """
                SELECT \(unescaped: CoachingCycle.columns) FROM cycle WHERE id = \(id)
                \(unescaped: forUpdate ? "FOR UPDATE" : "")
                """, logger
            ).first
        else {
            throw KataError.unknown(
                kind: "coaching cycle", reference: id.uuidString.lowercased(), hint: "See 'kata cycle list'.")
        }
        let cycle = try CoachingCycle(row: row)
        var detail = LoggedCycle(cycle: cycle)
        if let target = cycle.target { detail.target = try await fetchTarget(target, connection, logger) }
        if let obstacle = cycle.obstacle { detail.obstacle = try await fetchObstacle(obstacle, connection, logger) }
        if let reviewed = cycle.reviewed { detail.reviewed = try await fetchExperiment(reviewed, connection, logger) }
        if let planned = cycle.planned { detail.planned = try await fetchExperiment(planned, connection, logger) }
        return detail
    }

    static func fetchExperiment(_ id: UUID, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> Experiment
    {
        guard
            let row = try await connection.rows(
                "SELECT \(unescaped: Experiment.columns) FROM experiment WHERE id = \(id)", logger
            ).first
        else {
            throw KataError.unknown(
                kind: "experiment", reference: id.uuidString.lowercased(), hint: "See 'kata storyboard LEARNER'.")
        }
        return try Experiment(row: row)
    }
}
