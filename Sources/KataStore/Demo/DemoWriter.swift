import GRDB

/// Writes the demo's rows with statements prepared once.
///
/// Rows are written parents first (a target condition before its obstacles, an experiment
/// before the cycle that plans it), so that every reference points to a row already written.
struct DemoWriter {
    private let calendar: DemoCalendar
    private let person: Statement
    private let pairing: Statement
    private let challenge: Statement
    private let target: Statement
    private let metric: Statement
    private let amendment: Statement
    private let condition: Statement
    private let obstacle: Statement
    private let experiment: Statement
    private let cycle: Statement
    private let observation: Statement

    init(_ db: Database, calendar: DemoCalendar) throws {
        self.calendar = calendar
        person = try db.cachedStatement(
            sql: "INSERT INTO person (handle, name, unit, reportsTo, email, active) VALUES (?, ?, ?, ?, ?, 1)")
        pairing = try db.cachedStatement(
            sql: "INSERT INTO pairing (id, coach, learner, secondCoach, since, until) VALUES (?, ?, ?, ?, ?, ?)")
        challenge = try db.cachedStatement(
            sql: "INSERT INTO challenge (id, title, description, owner, byDate, parent) VALUES (?, ?, ?, ?, ?, ?)")
        target = try db.cachedStatement(
            sql: """
                INSERT INTO target (id, learner, focusProcess, condition, achieveBy, challenge, status, createdOn,
                    closedOn, reflection) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        metric = try db.cachedStatement(
            sql: "INSERT INTO target_metric (target, kind, position, name, goal, unit) VALUES (?, ?, ?, ?, ?, ?)")
        amendment = try db.cachedStatement(
            sql: "INSERT INTO target_amendment (target, position, date, text) VALUES (?, 0, ?, ?)")
        condition = try db.cachedStatement(
            sql: "INSERT INTO condition (id, target, date, text, metrics) VALUES (?, ?, ?, ?, ?)")
        obstacle = try db.cachedStatement(
            sql: "INSERT INTO obstacle (id, target, text, status, createdOn, closedOn) VALUES (?, ?, ?, ?, ?, ?)")
        experiment = try db.cachedStatement(
            sql: """
                INSERT INTO experiment (id, target, obstacle, step, expected, plannedOn, goSee, happened, learned,
                    closedOn, plannedAt, closedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        cycle = try db.cachedStatement(
            sql: """
                INSERT INTO cycle (id, date, coach, learner, secondCoach, minutes, target, actualCondition, obstacle,
                    reviewed, planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        observation = try db.cachedStatement(
            sql: """
                INSERT INTO observation (id, date, secondCoach, coach, cycle, notes, focus, "trigger")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
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

    func insert(_ row: DemoTargetRecord) throws {
        try target.execute(arguments: [
            row.id, row.learner, row.focusProcess, row.condition, day(row.achieveBy), row.challenge, row.status,
            day(row.createdOn), day(row.closedOn), row.reflection,
        ])
        var positions = (outcome: 0, process: 0)
        for metricRow in row.metrics {
            let position: Int
            if metricRow.kind == "outcome" {
                position = positions.outcome
                positions.outcome += 1
            } else {
                position = positions.process
                positions.process += 1
            }
            try metric.execute(arguments: [
                row.id, metricRow.kind, position, metricRow.name, metricRow.goal, metricRow.unit,
            ])
        }
        if let added = row.amendment {
            try amendment.execute(arguments: [row.id, day(added.date), added.text])
        }
    }

    func insert(_ row: DemoConditionRecord) throws {
        try condition.execute(arguments: [row.id, row.target, day(row.date), row.text, row.metrics])
    }

    func insert(_ row: DemoObstacleRecord) throws {
        try obstacle.execute(arguments: [
            row.id, row.target, row.text, row.status, day(row.createdOn), day(row.closedOn),
        ])
    }

    func insert(_ row: DemoExperimentRecord) throws {
        try experiment.execute(arguments: [
            row.id, row.target, row.obstacle, row.step, row.expected, day(row.plannedOn), day(row.goSee), row.happened,
            row.learned, day(row.closedOn), row.plannedAt, row.closedAt,
        ])
    }

    func insert(_ row: DemoCycleRecord) throws {
        try cycle.execute(arguments: [
            row.id, day(row.date), row.coach, row.learner, row.secondCoach, row.minutes, row.target,
            row.actualCondition,
            row.obstacle, row.reviewed, row.planned,
        ])
    }

    func insert(_ row: DemoObservationRecord) throws {
        try observation.execute(arguments: [
            row.id, day(row.date), row.secondCoach, row.coach, row.cycle, row.notes, row.focus, row.trigger,
        ])
    }
}
