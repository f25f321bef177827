import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    // MARK: - References

    func personExists(_ handle: Handle) throws -> Bool {
        if people.contains(handle) { return true }
        let found = try exists("SELECT 1 FROM person WHERE handle = ?", handle.rawValue)
        if found { people.insert(handle) }
        return found
    }

    func challengeExists(_ id: UUID) throws -> Bool {
        if challenges.contains(id) { return true }
        let found = try exists("SELECT 1 FROM challenge WHERE id = ?", id.interchangeText)
        if found { challenges.insert(id) }
        return found
    }

    /// The learner of the target condition `id`, nil when it is not in the database.
    func targetLearner(_ id: UUID) throws -> Handle? {
        if let learner = targetLearners[id] { return learner }
        let learner = try Handle.fetchOne(
            db.cachedStatement(sql: "SELECT learner FROM target WHERE id = ?"), arguments: [id.interchangeText])
        if let learner { targetLearners[id] = learner }
        return learner
    }

    /// The target condition of the obstacle `id`, nil when it is not in the database.
    func obstacleTarget(_ id: UUID) throws -> UUID? {
        if let target = obstacleTargets[id] { return target }
        let target = try String.fetchOne(
            db.cachedStatement(sql: "SELECT target FROM obstacle WHERE id = ?"), arguments: [id.interchangeText]
        ).flatMap(UUID.init(interchange:))
        if let target { obstacleTargets[id] = target }
        return target
    }

    /// The target condition of the experiment `id`, nil when it is not in the database.
    ///
    /// Experiments this import added are remembered (up to a bound, so that memory stays flat):
    /// each is referred to by the cycle that planned it and the one that reviewed it, and asking
    /// SQLite each time would cost more than writing the cycle.
    func experimentTarget(_ id: UUID) throws -> UUID? {
        if let index = addedExperiments[id] { return targets[Int(index)] }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT target FROM experiment WHERE id = ?"), arguments: [id.interchangeText]
        ).flatMap(UUID.init(interchange:))
    }

    /// Remembers an experiment this import added.
    func rememberExperiment(_ id: UUID, target: UUID) {
        guard addedExperiments.count < Self.rememberedExperiments else { return }
        let index: Int32
        if let known = targetIndexes[target] {
            index = known
        } else {
            index = Int32(targets.count)
            targets.append(target)
            targetIndexes[target] = index
        }
        addedExperiments[id] = index
    }

    /// The coach of the coaching cycle `id`, nil when it is not in the database.
    func cycleCoach(_ id: UUID) throws -> Handle? {
        try Handle.fetchOne(
            db.cachedStatement(sql: "SELECT coach FROM cycle WHERE id = ?"), arguments: [id.interchangeText])
    }

    func exists(_ sql: String, _ key: String) throws -> Bool {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [key]) != nil
    }

    // MARK: - Writing and comparing

    /// Runs an INSERT; returns whether a row was added (false when ON CONFLICT left it out).
    func insert(_ sql: String, _ arguments: StatementArguments, _ origin: Origin) throws -> Bool {
        do {
            try db.cachedStatement(sql: sql).execute(arguments: arguments)
        } catch let error as DatabaseError {
            throw problem(origin, field: nil, SQLiteStore.translate(error).description)
        }
        return db.changesCount > 0
    }

    /// Runs the prepared INSERT of `kind` (`sql` the first time); returns whether a row was added.
    func insert(_ kind: InterchangeKind, _ sql: String, _ values: [RawInsert.Value], _ origin: Origin) throws -> Bool {
        do {
            if let statement = rawInserts[kind] { return try statement.run(values) }
            let statement = try RawInsert(db, sql: sql)
            rawInserts[kind] = statement
            return try statement.run(values)
        } catch let error as DatabaseError {
            throw problem(origin, field: nil, SQLiteStore.translate(error).description)
        }
    }

    /// The stored record with `id`, read with `make`.
    func fetch<T>(_ make: (Row) throws -> T, _ sql: String, _ id: UUID, _ origin: Origin) throws -> T {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id.interchangeText]) else {
            throw vanished(origin)
        }
        return try make(row)
    }

    func vanished(_ origin: Origin) -> KataError {
        problem(origin, field: nil, "the record was in the database a moment ago and is not now; try again.")
    }

    /// Unchanged when the stored record equals the incoming one; a conflict otherwise.
    func settle(_ kind: InterchangeKind, _ key: String, _ equal: Bool, _ origin: Origin) throws -> Outcome {
        guard equal else { throw try conflict(kind, key, origin) }
        return .unchanged
    }

    private func conflict(_ kind: InterchangeKind, _ key: String, _ origin: Origin) throws -> KataError {
        var stored = Data()
        let writer = InterchangeWriter { stored.append($0) }
        try InterchangeExporter(db: db, writer: writer).write(kind, key: key)
        let given = origin.raw.map { String(decoding: $0, as: UTF8.self) } ?? "(derived from the row)"
        let name = kind == .person ? "person '\(key)'" : "\(kind.noun) \(key)"
        return problem(
            origin, field: nil,
            """
            \(name) is in the database already with different content; nothing was imported.
              in the database: \(String(decoding: stored, as: UTF8.self).trimmingCharacters(in: .newlines))
              in the file:     \(given.trimmingCharacters(in: .whitespacesAndNewlines))
            If it is another record, give it a new id; if it is the same, make the line match the database.
            """)
    }

    // MARK: - Problems

    /// A problem with the record at `origin`, naming the file, the line and the field.
    func problem(_ origin: Origin, field: String?, _ text: String) -> KataError {
        let place = "\(source) \(unit) \(origin.line)"
        return .ruleBroken(field.map { "\(place): field '\($0)': \(text)" } ?? "\(place): \(text)")
    }

    /// Refuses a record dated after today: what it records has not happened yet, and a coaching
    /// cycle dated ahead would be counted as a coached day before the day comes.
    func refuseFuture(_ day: Day, field: String, _ kind: InterchangeKind, _ origin: Origin) throws {
        let article = kind.noun.first.map("aeiou".contains) == true ? "an" : "a"
        do {
            try day.requireHappened(by: today, record: "\(article) \(kind.noun)")
        } catch let error as KataError {
            throw problem(origin, field: field, error.description)
        }
    }

    /// Runs a check of the kata's rules, naming the line when it fails.
    func checked<T>(_ origin: Origin, _ make: () throws -> T) throws -> T {
        do {
            return try make()
        } catch let KataError.invalidValue(field, value, expected) {
            throw problem(origin, field: field, "'\(value)' is not valid; expected \(expected).")
        } catch let error as KataError {
            throw problem(origin, field: nil, error.description)
        }
    }

    /// Holds the record back while its references may still come; fails once they cannot.
    func unresolved(_ missing: Missing, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        guard replaying else { return .heldBack }
        let hint =
            missing.noun == "person"
            ? "Add a person line for them, or check the spelling of the handle."
            : "Add a \(missing.noun) line with that id, or check the id."
        throw problem(
            origin, field: missing.field, "no \(missing.noun) '\(missing.value)' in the file or the database. \(hint)")
    }
}
