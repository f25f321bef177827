import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Logs one coaching cycle in one transaction: closes the learner's last open step with what
    /// happened and was learned, sets the obstacle addressed now, and opens the next step with its
    /// prediction and go-see date.
    ///
    /// A cycle dated after `today` (by default the day of `now` in the organisation's time zone) is
    /// refused.
    @discardableResult
    public func logCycle(_ entry: CycleEntry, id: UUID = UUID(), at now: Date = Date(), today: Day? = nil) throws
        -> LoggedCycle
    {
        try recordCycle(entry, id: id, at: now, today: today).cycle
    }

    /// Logs one coaching cycle as `logCycle` does, saying whether it was written now or found
    /// already written under `id` with the same content (then nothing is written).
    public func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) throws -> RecordedCycle {
        try write { db in try recordCycle(entry, id: id, at: now, today: today, db) }
    }

    /// `recordCycle` for callers that wait without holding a thread (a server): the cycle is
    /// written in the next group commit with the others that arrive meanwhile.
    public func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> RecordedCycle {
        try await batchedWrite { db in try recordCycle(entry, id: id, at: now, today: today, db) }
    }

    private func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?, _ db: Database) throws
        -> RecordedCycle
    {
        if let account, !account.roles.contains(.admin) {
            guard entry.coach == account.handle else {
                throw KataError.forbidden(
                    "you may log only the cycles you coach yourself, not those of \(entry.coach).")
            }
            // The directory is everyone's: a handle nobody has is unknown, not forbidden.
            try SQLiteStore.requirePerson(entry.learner, as: "learner", db)
            try requireCoach(of: entry.learner, on: entry.date, db)
        }
        // A cycle sent again under its id (a retried request, an outbox resent) is the one logged.
        let exists =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cycle WHERE id = ?)"), arguments: [id.text])
            ?? false
        if exists {
            let earlier = try SQLiteStore.cycleDetail(id, db)
            guard entry.isLogged(as: earlier) else {
                // Both versions for whoever may see the first (DESIGN §10.1); nothing of another's.
                guard account.map({ $0.roles.contains(.admin) || earlier.cycle.coach == $0.handle }) ?? true else {
                    throw KataError.conflict("the id \(id.text) is taken by another record; make a new id.")
                }
                throw KataError.conflict(
                    "a different cycle was logged under the id \(id.text): logged \(Wire.text(of: earlier)); "
                        + "sent \(Wire.text(of: entry)). Make a new id for a new cycle.")
            }
            return RecordedCycle(cycle: earlier, isNew: false)
        }
        return RecordedCycle(cycle: try SQLiteStore.logCycle(entry, id: id, at: now, today: today, db), isNew: true)
    }

    static func logCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?, _ db: Database) throws
        -> LoggedCycle
    {
        try entry.date.requireHappened(by: SQLiteStore.today(today, at: now, db), record: "a cycle")
        try requirePerson(entry.coach, as: "coach", db)
        try requirePerson(entry.learner, as: "learner", db)
        if let second = entry.secondCoach { try requirePerson(second, as: "2nd coach", db) }
        var cycle = try CoachingCycle(
            id: id, date: entry.date, coach: entry.coach, learner: entry.learner, secondCoach: entry.secondCoach,
            minutes: entry.minutes, actualCondition: entry.actualCondition.nonBlank)
        let timestamp = isoTimestamp(now)

        let target = try cycleTarget(entry, db)
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
            try cycle.insert(db)
            return LoggedCycle(cycle: cycle)
        }

        // Q2: reflect on the last step.
        var reviewed = try openExperiment(of: target.id, db)
        if entry.reviewsLastStep {
            guard var last = reviewed else {
                throw KataError.ruleBroken(
                    "there is no open step to review for \(entry.learner); leave out --happened and --learned.")
            }
            try last.close(
                on: entry.date, happened: entry.happened, learned: entry.learned, asExpected: entry.asExpected)
            try db.execute(
                sql: """
                    UPDATE experiment SET happened = ?, learned = ?, asExpected = ?, closedOn = ?, closedAt = ?
                    WHERE id = ?
                    """,
                arguments: [
                    last.happened, last.learned, last.asExpected?.rawValue, last.closedOn, timestamp, last.id.text,
                ])
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
            try parkWorkingObstacle(of: target.id, db)
            let created = try Obstacle(target: target.id, text: text, status: .working, createdOn: entry.date)
            try created.insert(db)
            obstacle = created
        } else if let id = entry.obstacle {
            let chosen = try fetchObstacle(id, db)
            guard chosen.target == target.id else {
                throw KataError.ruleBroken(
                    "obstacle \(id.short) belongs to another target condition; see 'kata obstacle list --learner \(entry.learner)'."
                )
            }
            obstacle = try workObstacle(id, on: entry.date, db)
        } else {
            obstacle = try workingObstacle(of: target.id, db)
        }
        cycle.obstacle = obstacle?.id

        // Q4 and Q5: the next step, what is expected, and when we go and see.
        var planned: Experiment?
        if let step = entry.nextStep.nonBlank {
            if let open = try openExperiment(of: target.id, db) {
                throw KataError.ruleBroken(
                    "the last step ('\(open.step)', expected: '\(open.expected ?? "")') has not been reviewed; "
                        + "give --happened and --learned before the next step.")
            }
            let experiment = try Experiment(
                target: target.id, obstacle: obstacle?.id, step: step, expected: entry.expected, plannedOn: entry.date,
                goSee: entry.goSee)
            try experiment.insert(db, recordedAt: timestamp, closedAt: nil)
            planned = experiment
            cycle.planned = experiment.id
        } else if entry.expected.nonBlank != nil || entry.goSee != nil {
            throw KataError.missing(
                fields: ["--next-step"], hint: "An expectation and a go-see date belong to a next step; say what it is."
            )
        }

        try cycle.insert(db)
        return LoggedCycle(cycle: cycle, target: target, obstacle: obstacle, reviewed: reviewed, planned: planned)
    }

    static func cycleTarget(_ entry: CycleEntry, _ db: Database) throws -> TargetCondition? {
        if let id = entry.target {
            let target = try fetchTarget(id, db)
            guard target.learner == entry.learner else {
                throw KataError.ruleBroken(
                    "target condition \(id.short) belongs to \(target.learner), not \(entry.learner).")
            }
            guard target.isActive else {
                throw KataError.ruleBroken(
                    "target condition \(id.short) is \(target.status.rawValue); coach toward an active one.")
            }
            return target
        }
        let active = try activeTargets(of: entry.learner, db)
        if active.count > 1 {
            let list = active.map { "\($0.id.short) (\($0.focusProcess))" }.joined(separator: ", ")
            throw KataError.missing(
                fields: ["--target"],
                hint: "\(entry.learner) has several active target conditions: \(list); choose one.")
        }
        return active.first
    }

    /// The step of `target` still waiting for its result, if any.
    static func openExperiment(of target: UUID, _ db: Database) throws -> Experiment? {
        try Row.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT * FROM experiment WHERE target = ? AND closedOn IS NULL ORDER BY plannedOn DESC, plannedAt DESC"
            ),
            arguments: [target.text]
        ).map(Experiment.init(row:))
    }

    /// The instant in UTC to the nearest millisecond, such as `2026-11-20T09:00:00.000Z`.
    ///
    /// Written out by hand: creating an `ISO8601DateFormatter` (an ICU date format) took 6 % of the
    /// instructions of a whole `kata cycle log` process.
    static func isoTimestamp(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let day = Int((Double(milliseconds) / 86_400_000).rounded(.down))
        let time = milliseconds - day * 86_400_000
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return Day(ordinal: day).description + "T\(digits(time / 3_600_000, 2)):\(digits(time / 60_000 % 60, 2)):"
            + "\(digits(time / 1000 % 60, 2)).\(digits(time % 1000, 3))Z"
    }
}
