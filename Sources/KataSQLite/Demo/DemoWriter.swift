import GRDB
import KataStore

/// Writes the demo's rows with statements prepared once.
///
/// Rows are written parents first (a target condition before its obstacles, an experiment
/// before the cycle that plans it), so that every reference points to a row already written.
struct DemoWriter {
    private let calendar: DemoCalendar
    private let person: Statement
    private let pairing: Statement
    private let challenge: Statement
    /// The statements of a learner's history, by `DemoRows.Table.rawValue`.
    private let history: [Statement]

    init(_ db: Database, calendar: DemoCalendar) throws {
        self.calendar = calendar
        person = try db.cachedStatement(
            sql: "INSERT INTO person (handle, name, unit, reportsTo, email, active) VALUES (?, ?, ?, ?, ?, 1)")
        pairing = try db.cachedStatement(
            sql: "INSERT INTO pairing (id, coach, learner, secondCoach, since, until) VALUES (?, ?, ?, ?, ?, ?)")
        challenge = try db.cachedStatement(
            sql: "INSERT INTO challenge (id, title, description, owner, byDate, parent) VALUES (?, ?, ?, ?, ?, ?)")
        let target = try db.cachedStatement(
            sql: """
                INSERT INTO target (id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn,
                    closedOn, reflection) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let metric = try db.cachedStatement(
            sql: "INSERT INTO target_metric (target, kind, position, name, goal, unit) VALUES (?, ?, ?, ?, ?, ?)")
        let amendment = try db.cachedStatement(
            sql: "INSERT INTO target_amendment (target, position, date, text) VALUES (?, 0, ?, ?)")
        let condition = try db.cachedStatement(
            sql: "INSERT INTO condition (id, target, date, text, metrics) VALUES (?, ?, ?, ?, ?)")
        let obstacle = try db.cachedStatement(
            sql: "INSERT INTO obstacle (id, target, text, status, createdOn, closedOn) VALUES (?, ?, ?, ?, ?, ?)")
        let experiment = try db.cachedStatement(
            sql: """
                INSERT INTO experiment (id, target, obstacle, step, expected, plannedOn, goSee, happened, learned,
                    closedOn, plannedAt, closedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let cycle = try db.cachedStatement(
            sql: """
                INSERT INTO cycle (id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle,
                    reviewed, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let observation = try db.cachedStatement(
            sql: """
                INSERT INTO observation (id, date, secondCoach, coach, cycle, notes, focus, "trigger")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        history = [target, metric, amendment, condition, obstacle, experiment, cycle, observation]
    }

    private func day(_ offset: Int?) -> String? {
        offset.map(calendar.text)
    }

    func insert(_ row: DemoPlant.Person) throws {
        try person.execute(arguments: [row.handle, row.name, row.unit, row.reportsTo, row.handle + "@plant.example"])
    }

    func insert(_ row: DemoPlant.Pairing, coach: String) throws {
        try pairing.execute(arguments: [row.id, coach, row.learner, row.secondCoach, day(row.since), day(row.until)])
    }

    func insertChallenge(id: String, title: String, description: String, owner: String, by: Int, parent: String?)
        throws
    {
        try challenge.execute(arguments: [id, title, description, owner, day(by), parent])
    }

    /// Writes the rows of some learners' histories.
    func write(_ rows: DemoRows) throws {
        for (table, values) in rows.rows {
            try history[table.rawValue].execute(arguments: values)
        }
    }
}
