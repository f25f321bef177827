import Foundation
import GRDB
import ImprovementKata
import KataStore

// Mapping between the kata's value types and their tables. Written by hand rather than through
// Codable so that ids are stored as lower-case text and dates as 'YYYY-MM-DD', the forms the
// interchange format and a person reading the database with sqlite3 expect.

extension Person {
    init(row: Row) throws {
        try self.init(
            handle: row.requiredHandle("handle"), name: row["name"], unit: row["unit"], reportsTo: row["reportsTo"],
            email: row["email"], active: row["active"])
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO person (handle, name, unit, reportsTo, email, active) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [handle, name, unit, reportsTo, email, active])
    }
}

extension Pairing {
    init(row: Row) throws {
        try self.init(
            id: row.requiredUUID("id"), coach: row.requiredHandle("coach"), learner: row.requiredHandle("learner"),
            secondCoach: row["secondCoach"], since: row.requiredDay("since"), until: row["until"])
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO pairing (id, coach, learner, secondCoach, since, until) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id.text, coach, learner, secondCoach, since, until])
    }
}

extension Challenge {
    init(row: Row) throws {
        try self.init(
            id: row.requiredUUID("id"), title: row["title"], description: row["description"], owner: row["owner"],
            by: row["byDate"], parent: row.uuid("parent"))
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO challenge (id, title, description, owner, byDate, parent) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id.text, title, description, owner, by, parent?.text])
    }
}

extension TargetCondition {
    /// Reads the target row; metrics and amendments are read separately by `loadDetails`.
    init(row: Row) throws {
        guard let status = Status(rawValue: row["status"]) else {
            throw KataError.unusableDatabase("the database holds an unknown target status; run 'kata check'.")
        }
        try self.init(
            id: row.requiredUUID("id"), learner: row.requiredHandle("learner"), focusProcess: row["focusProcess"],
            condition: row["condition"], achieveBy: row.requiredDay("achieveBy"), challenge: row.uuid("challenge"),
            createdOn: row.requiredDay("createdOn"), status: status, closedOn: row["closedOn"],
            reflection: row["reflection"])
    }

    mutating func loadDetails(_ db: Database) throws {
        let metrics = try Row.fetchAll(
            db, sql: "SELECT kind, name, goal, unit FROM target_metric WHERE target = ? ORDER BY kind, position",
            arguments: [id.text])
        outcomeMetrics = try metrics.filter { $0["kind"] == "outcome" }.map {
            try Metric(name: $0["name"], target: $0["goal"], unit: $0["unit"])
        }
        processMetrics = try metrics.filter { $0["kind"] == "process" }.map {
            try Metric(name: $0["name"], target: $0["goal"], unit: $0["unit"])
        }
        amendments = try Row.fetchAll(
            db, sql: "SELECT date, text FROM target_amendment WHERE target = ? ORDER BY position", arguments: [id.text]
        ).map { try Amendment(date: $0.requiredDay("date"), text: $0["text"]) }
    }

    /// Inserts the target row with its metrics and amendments.
    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO target (id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn,
                    closedOn, reflection) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.text, learner, focusProcess, condition, achieveBy, challenge?.text, status.rawValue, createdOn,
                closedOn, reflection,
            ])
        try insertMetrics(db, outcome: outcomeMetrics, process: processMetrics, outcomeStart: 0, processStart: 0)
        try insertAmendments(db, amendments, start: 0)
    }

    func insertMetrics(_ db: Database, outcome: [Metric], process: [Metric], outcomeStart: Int, processStart: Int)
        throws
    {
        for (kind, list, start) in [("outcome", outcome, outcomeStart), ("process", process, processStart)] {
            for (offset, metric) in list.enumerated() {
                try db.execute(
                    sql:
                        "INSERT INTO target_metric (target, kind, position, name, goal, unit) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id.text, kind, start + offset, metric.name, metric.target, metric.unit])
            }
        }
    }

    func insertAmendments(_ db: Database, _ list: [Amendment], start: Int) throws {
        for (offset, amendment) in list.enumerated() {
            try db.execute(
                sql: "INSERT INTO target_amendment (target, position, date, text) VALUES (?, ?, ?, ?)",
                arguments: [id.text, start + offset, amendment.date, amendment.text])
        }
    }
}

extension CurrentCondition {
    init(row: Row) throws {
        let json: String = row["metrics"]
        let metrics = (try? JSONDecoder().decode([MetricValue].self, from: Data(json.utf8))) ?? []
        try self.init(
            id: row.requiredUUID("id"), target: row.requiredUUID("target"), date: row.requiredDay("date"),
            text: row["text"], metrics: metrics)
    }

    func insert(_ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(metrics), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO condition (id, target, date, text, metrics) VALUES (?, ?, ?, ?, ?)",
            arguments: [id.text, target.text, date, text, json])
    }
}

extension Obstacle {
    init(row: Row) throws {
        guard let status = Status(rawValue: row["status"]) else {
            throw KataError.unusableDatabase("the database holds an unknown obstacle status; run 'kata check'.")
        }
        try self.init(
            id: row.requiredUUID("id"), target: row.requiredUUID("target"), text: row["text"], status: status,
            createdOn: row.requiredDay("createdOn"), closedOn: row["closedOn"])
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO obstacle (id, target, text, status, createdOn, closedOn) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id.text, target.text, text, status.rawValue, createdOn, closedOn])
    }
}

extension Experiment {
    init(row: Row) throws {
        try self.init(
            id: row.requiredUUID("id"), target: row.requiredUUID("target"), obstacle: row.uuid("obstacle"),
            step: row["step"], expected: row["expected"], plannedOn: row.requiredDay("plannedOn"), goSee: row["goSee"],
            happened: row["happened"], learned: row["learned"],
            asExpected: (row["asExpected"] as String?).flatMap(AsExpected.init(rawValue:)), closedOn: row["closedOn"])
    }

    /// Inserts the experiment; `recordedAt` is when the prediction was written (UTC).
    func insert(_ db: Database, recordedAt: String, closedAt: String?) throws {
        try db.execute(
            sql: """
                INSERT INTO experiment (id, target, obstacle, step, expected, plannedOn, goSee, happened, learned,
                    asExpected, closedOn, plannedAt, closedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.text, target.text, obstacle?.text, step, expected, plannedOn, goSee, happened, learned,
                asExpected?.rawValue, closedOn, recordedAt, closedAt,
            ])
    }
}

extension CoachingCycle {
    init(row: Row) throws {
        try self.init(
            id: row.requiredUUID("id"), date: row.requiredDay("date"), coach: row.requiredHandle("coach"),
            learner: row.requiredHandle("learner"), secondCoach: row["secondCoach"], minutes: row["minutes"],
            target: row.uuid("target"), actualCondition: row["actualCondition"], obstacle: row.uuid("obstacle"),
            reviewed: row.uuid("reviewed"), planned: row.uuid("planned"))
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO cycle (id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle,
                    reviewed, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.text, date, coach, learner, secondCoach, minutes, target?.text, actualCondition, obstacle?.text,
                reviewed?.text, planned?.text,
            ])
    }
}

extension Observation {
    init(row: Row) throws {
        try self.init(
            id: row.requiredUUID("id"), date: row.requiredDay("date"), secondCoach: row.requiredHandle("secondCoach"),
            coach: row.requiredHandle("coach"), cycle: row.uuid("cycle"), notes: row["notes"], focus: row["focus"],
            trigger: row["trigger"])
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO observation (id, date, secondCoach, coach, cycle, notes, focus, "trigger")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id.text, date, secondCoach, coach, cycle?.text, notes, focus, trigger])
    }
}
