import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

// Mapping between the kata's value types and their rows. Dates cross as 'YYYY-MM-DD' text (the
// SQL casts them: `date::text`, `$1::date`), ids as uuid, handles as text.

/// Reading the columns of a row into the kata's values, naming the column when one is unusable.
enum Column {
    static func handle(_ text: String, _ column: String) throws -> Handle {
        guard let handle = try? Handle(validating: text) else {
            throw KataError.unusableDatabase("the database holds an invalid handle in \(column); run 'kata check'.")
        }
        return handle
    }

    static func handle(_ text: String?, _ column: String) throws -> Handle? {
        try text.map { try handle($0, column) }
    }

    static func day(_ text: String, _ column: String) throws -> Day {
        guard let day = Day(text) else {
            throw KataError.unusableDatabase("the database holds an invalid date in \(column); run 'kata check'.")
        }
        return day
    }

    static func day(_ text: String?, _ column: String) throws -> Day? {
        try text.map { try day($0, column) }
    }
}

extension Person {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "handle, name, unit, reports_to, email, active"

    init(row: PostgresRow) throws {
        let (handle, name, unit, reportsTo, email, active) = try row.decode(
            (String, String, String?, String?, String?, Bool).self)
        try self.init(
            handle: Column.handle(handle, "handle"), name: name, unit: unit,
            reportsTo: Column.handle(reportsTo, "reports_to"), email: email, active: active)
    }
}

extension Pairing {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "id, coach, learner, second_coach, since::text, until::text"

    init(row: PostgresRow) throws {
        let (id, coach, learner, secondCoach, since, until) = try row.decode(
            (UUID, String, String, String?, String, String?).self)
        try self.init(
            id: id, coach: Column.handle(coach, "coach"), learner: Column.handle(learner, "learner"),
            secondCoach: Column.handle(secondCoach, "second_coach"), since: Column.day(since, "since"),
            until: Column.day(until, "until"))
    }
}

extension Challenge {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "id, title, description, owner, by_date::text, parent"

    init(row: PostgresRow) throws {
        let (id, title, description, owner, by, parent) = try row.decode(
            (UUID, String, String?, String?, String?, UUID?).self)
        try self.init(
            id: id, title: title, description: description, owner: Column.handle(owner, "owner"),
            by: Column.day(by, "by_date"), parent: parent)
    }
}

extension TargetCondition {
    /// The columns `init(row:)` reads, in its order, of the table or alias `table`.
    static func columns(_ table: String = "target") -> String {
        """
        \(table).id, \(table).learner, \(table).focus_process, \(table).condition, \(table).achieve_by::text,
        \(table).challenge, \(table).status, \(table).created_on::text, \(table).closed_on::text, \(table).reflection
        """
    }

    /// Reads the target row; metrics and amendments are read by `loadingDetails`.
    init(row: PostgresRow) throws {
        let (id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn, closedOn, reflection) =
            try row.decode((UUID, String, String, String, String, UUID?, String, String, String?, String?).self)
        guard let status = Status(rawValue: status) else {
            throw KataError.unusableDatabase("the database holds an unknown target status; run 'kata check'.")
        }
        try self.init(
            id: id, learner: Column.handle(learner, "learner"), focusProcess: focusProcess, condition: condition,
            achieveBy: Column.day(achieveBy, "achieve_by"), challenge: challenge,
            createdOn: Column.day(createdOn, "created_on"), status: status, closedOn: Column.day(closedOn, "closed_on"),
            reflection: reflection)
    }

    /// `targets` with their metrics and amendments, read in two queries for all of them.
    static func loadingDetails(_ targets: [TargetCondition], _ connection: PostgresConnection, _ logger: Logger)
        async throws -> [TargetCondition]
    {
        guard !targets.isEmpty else { return [] }
        let ids = targets.map(\.id)
        var outcome: [UUID: [Metric]] = [:]
        var process: [UUID: [Metric]] = [:]
        for row in try await connection.rows(
            """
            SELECT target, kind, name, goal, unit FROM target_metric WHERE target = ANY(\(ids))
            ORDER BY target, kind, position
            """, logger)
        {
            let (target, kind, name, goal, unit) = try row.decode((UUID, String, String, String?, String?).self)
            let metric = try Metric(name: name, target: goal, unit: unit)
            if kind == "outcome" {
                outcome[target, default: []].append(metric)
            } else {
                process[target, default: []].append(metric)
            }
        }
        var amendments: [UUID: [Amendment]] = [:]
        for row in try await connection.rows(
            "SELECT target, date::text, text FROM target_amendment WHERE target = ANY(\(ids)) ORDER BY target, position",
            logger)
        {
            let (target, date, text) = try row.decode((UUID, String, String).self)
            amendments[target, default: []].append(
                Amendment(date: try Column.day(date, "target_amendment.date"), text: text))
        }
        return targets.map { target in
            var target = target
            target.outcomeMetrics = outcome[target.id] ?? []
            target.processMetrics = process[target.id] ?? []
            target.amendments = amendments[target.id] ?? []
            return target
        }
    }

    /// Inserts the target row with its metrics and amendments.
    func insert(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO target (id, learner, focus_process, condition, achieve_by, challenge, status, created_on,
                closed_on, reflection)
            VALUES (\(id), \(learner.rawValue), \(focusProcess), \(condition), \(achieveBy.description)::date,
                \(challenge), \(status.rawValue), \(createdOn.description)::date, \(closedOn?.description)::date,
                \(reflection))
            """, logger: logger)
        try await insertMetrics(
            outcome: outcomeMetrics, process: processMetrics, outcomeStart: 0, processStart: 0, connection, logger)
        try await insertAmendments(amendments, start: 0, connection, logger)
    }

    func insertMetrics(
        outcome: [Metric], process: [Metric], outcomeStart: Int, processStart: Int, _ connection: PostgresConnection,
        _ logger: Logger
    ) async throws {
        for (kind, list, start) in [("outcome", outcome, outcomeStart), ("process", process, processStart)] {
            for (offset, metric) in list.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO target_metric (target, kind, position, name, goal, unit)
                    VALUES (\(id), \(kind), \(start + offset), \(metric.name), \(metric.target), \(metric.unit))
                    """, logger: logger)
            }
        }
    }

    func insertAmendments(_ list: [Amendment], start: Int, _ connection: PostgresConnection, _ logger: Logger)
        async throws
    {
        for (offset, amendment) in list.enumerated() {
            try await connection.query(
                """
                INSERT INTO target_amendment (target, position, date, text)
                VALUES (\(id), \(start + offset), \(amendment.date.description)::date, \(amendment.text))
                """, logger: logger)
        }
    }
}

extension Obstacle {
    /// The columns `init(row:)` reads, in its order.
    static let columns =
        "obstacle.id, obstacle.target, obstacle.text, obstacle.status, obstacle.created_on::text, obstacle.closed_on::text"

    init(row: PostgresRow) throws {
        let (id, target, text, status, createdOn, closedOn) = try row.decode(
            (UUID, UUID, String, String, String, String?).self)
        guard let status = Status(rawValue: status) else {
            throw KataError.unusableDatabase("the database holds an unknown obstacle status; run 'kata check'.")
        }
        try self.init(
            id: id, target: target, text: text, status: status, createdOn: Column.day(createdOn, "created_on"),
            closedOn: Column.day(closedOn, "closed_on"))
    }
}

extension CurrentCondition {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "id, target, date::text, text, metrics::text"

    init(row: PostgresRow) throws {
        let (id, target, date, text, json) = try row.decode((UUID, UUID, String, String, String).self)
        let metrics = (try? JSONDecoder().decode([MetricValue].self, from: Data(json.utf8))) ?? []
        try self.init(id: id, target: target, date: Column.day(date, "date"), text: text, metrics: metrics)
    }

    /// The metrics as the JSON array the `metrics` column holds.
    var metricsJSON: String {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(metrics), as: UTF8.self)
        }
    }
}

extension Observation {
    /// The columns `init(row:)` reads, in its order.
    static let columns = "id, date::text, second_coach, coach, cycle, notes, focus, \"trigger\""

    init(row: PostgresRow) throws {
        let (id, date, secondCoach, coach, cycle, notes, focus, trigger) = try row.decode(
            (UUID, String, String, String, UUID?, String?, String?, String?).self)
        try self.init(
            id: id, date: Column.day(date, "date"), secondCoach: Column.handle(secondCoach, "second_coach"),
            coach: Column.handle(coach, "coach"), cycle: cycle, notes: notes, focus: focus, trigger: trigger)
    }
}

extension Experiment {
    /// The columns `init(row:)` reads, in its order.
    static let columns = """
        id, target, obstacle, step, expected, planned_on::text, go_see::text, happened, learned, closed_on::text,
            as_expected
        """

    init(row: PostgresRow) throws {
        let (id, target, obstacle, step, expected, plannedOn, goSee, happened, learned, closedOn, asExpected) =
            try row.decode(
                (UUID, UUID, UUID?, String, String?, String, String?, String?, String?, String?, String?).self)
        try self.init(
            id: id, target: target, obstacle: obstacle, step: step, expected: expected,
            plannedOn: Column.day(plannedOn, "planned_on"), goSee: Column.day(goSee, "go_see"), happened: happened,
            learned: learned, asExpected: asExpected.flatMap(AsExpected.init(rawValue:)),
            closedOn: Column.day(closedOn, "closed_on"))
    }

    /// Inserts the experiment; `recordedAt` is when the prediction was written.
    func insert(recordedAt: Date, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO experiment (id, target, obstacle, step, expected, planned_on, go_see, happened, learned,
                as_expected, closed_on, planned_at)
            VALUES (\(id), \(target), \(obstacle), \(step), \(expected), \(plannedOn.description)::date,
                \(goSee?.description)::date, \(happened), \(learned), \(asExpected?.rawValue),
                \(closedOn?.description)::date, \(recordedAt))
            """, logger: logger)
    }
}

extension CoachingCycle {
    /// The columns `init(row:)` reads, in its order.
    static let columns = """
        id, date::text, coach, learner, second_coach, minutes, target, actual_condition, obstacle, reviewed, planned
        """

    init(row: PostgresRow) throws {
        let (id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle, reviewed, planned) =
            try row.decode((UUID, String, String, String, String?, Int32?, UUID?, String?, UUID?, UUID?, UUID?).self)
        try self.init(
            id: id, date: Column.day(date, "date"), coach: Column.handle(coach, "coach"),
            learner: Column.handle(learner, "learner"), secondCoach: Column.handle(secondCoach, "second_coach"),
            minutes: minutes.map(Int.init), target: target, actualCondition: actualCondition, obstacle: obstacle,
            reviewed: reviewed, planned: planned)
    }

    /// Inserts the cycle under its id; throws `CycleIDTaken` (and the transaction is rolled back)
    /// when another cycle holds the id already.
    func insertNew(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let inserted = try await connection.rows(
            """
            INSERT INTO cycle (id, date, coach, learner, second_coach, minutes, target, actual_condition, obstacle,
                reviewed, planned)
            VALUES (\(id), \(date.description)::date, \(coach.rawValue), \(learner.rawValue), \(secondCoach?.rawValue),
                \(minutes), \(target), \(actualCondition), \(obstacle), \(reviewed), \(planned))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger)
        guard !inserted.isEmpty else { throw PostgresStore.CycleIDTaken() }
    }
}
