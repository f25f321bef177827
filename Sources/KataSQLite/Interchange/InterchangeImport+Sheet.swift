import CSV
import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// Imports a cycles CSV as a spreadsheet saves it: a header row, then one coaching cycle per
    /// row.
    ///
    /// The header names the columns (`id, date, coach, learner, secondCoach, minutes, target,
    /// actualCondition, obstacle, reviewed, planned, step, expected, happened, learned, goSee, asExpected`), in
    /// any order and any letter case; `date`, `coach` and `learner` are required. The file is read
    /// by the CSV library (quotes, embedded commas, quotes and line breaks, UTF-8 with or without a
    /// byte order mark). Cells are trimmed; an apostrophe that `kata export data --format csv`
    /// put before a formula-like cell is taken off again.
    ///
    /// How a row becomes records, so that a typical sheet (one row per daily coaching cycle, the
    /// day's step and, once known, its result on the same row) gives a sensible experimenting
    /// record:
    /// - A row without an `id` gets a name-based UUID (version 5) of its non-empty cells, so the
    ///   same sheet imported again, on any machine, adds nothing.
    /// - A row without a `target` is coached toward the learner's target condition in force on
    ///   the row's date (set on or before it and not closed before it), else the learner's one
    ///   active target condition. With several, a row that plans a step must say which.
    /// - `step` with `expected` and `goSee` is the experiment the cycle plans (its `planned`
    ///   id, or one derived from the cycle's id), against the row's `obstacle`. Its result,
    ///   `happened` and `learned`, is written on the same row, so an experiment with a result is
    ///   closed on its go-see date, or on the row's date when there is none.
    /// - `reviewed` links the cycle to the experiment it reviewed only when the sheet gives it;
    ///   a row does not guess which earlier row that was.
    ///
    /// Comparing with what is in the database already, fields the import derived (a target
    /// condition, an experiment's closing date, a derived `planned` id) count as they are stored,
    /// so that a sheet imported again stays unchanged after the organisation has moved on.
    func importSheet(path: String, progress: (Int, Int64) -> Void) throws {
        let separator = try CSVQuoting.separator(path: path)
        if let misplaced = try CSVQuoting.firstProblem(path: path, separator: separator) {
            throw problem(Origin(line: misplaced.row), field: nil, misplaced.text)
        }
        guard let stream = InputStream(fileAtPath: path) else {
            throw KataError.failure("cannot read \(path); check that it is a file you may read.")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false, delimiter: UnicodeScalar(separator))
        } catch {
            throw KataError.failure("cannot read \(source); check that it is a file you may read.")
        }
        var columns: [String?]?
        var seenRows = SeenRows()
        var rowNumber = 0
        var records = 0
        while let cells = reader.next() {
            rowNumber += 1
            let origin = Origin(line: rowNumber)
            try refuseUnreadable(reader.error, origin)
            guard let names = columns else {
                // The header is the first row that is not empty.
                if cells.contains(where: { !$0.trimmed.isEmpty }) { columns = try sheetColumns(cells, origin) }
                continue
            }
            var values: [String: String] = [:]
            for (index, cell) in cells.enumerated() {
                let text = CycleSheet.restore(cell.trimmed)
                guard !text.isEmpty else { continue }
                guard index < names.count, let name = names[index] else {
                    throw problem(
                        origin, field: nil, "has a value in column \(index + 1), which has no name in the header row.")
                }
                // SQLite would keep the text only up to its first NUL character.
                guard !text.utf8.contains(0) else {
                    throw problem(origin, field: name, "contains a NUL character, which kata cannot keep; remove it.")
                }
                values[name] = text
            }
            guard !values.isEmpty else { continue }
            try applySheetRow(values, origin, &seenRows)
            records += 1
            if records % 4096 == 0 { progress(records, 0) }
        }
        try refuseUnreadable(reader.error, Origin(line: rowNumber + 1))
        try finish()
        progress(records, 0)
    }

    /// Throws for a row the CSV library could not decode.
    private func refuseUnreadable(_ error: (any Error)?, _ origin: Origin) throws {
        switch error {
        case CSVError.unicodeDecoding?:
            throw problem(
                origin, field: nil,
                "is not UTF-8 text; save the sheet as \"CSV UTF-8 (comma delimited)\" and import it again.")
        case let CSVError.streamErrorHasOccurred(error)?:
            throw KataError.failure("cannot read \(source): \(error.localizedDescription)")
        default:
            // The library reports the end of the file as cannotReadFile.
            break
        }
    }

    /// The canonical column name of each header cell, nil for an empty one.
    private func sheetColumns(_ header: [String], _ origin: Origin) throws -> [String?] {
        var seen: Set<String> = []
        let columns = try header.map { cell -> String? in
            let name = cell.trimmed
            guard !name.isEmpty else { return nil }
            guard let column = CycleSheet.columns.first(where: { $0.lowercased() == name.lowercased() }) else {
                throw problem(
                    origin, field: name,
                    "is not a column of the cycles CSV; the columns are \(CycleSheet.columns.joined(separator: ", ")).")
            }
            guard seen.insert(column).inserted else {
                throw problem(origin, field: column, "appears twice in the header row.")
            }
            return column
        }
        let missing = CycleSheet.required.filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw problem(
                origin, field: nil,
                "the header row has no column \(missing.joined(separator: ", ")); a cycles CSV needs "
                    + "\(CycleSheet.required.joined(separator: ", ")).")
        }
        return columns
    }

    /// The rows of the file applied so far: the row and content of each cycle id, and the row
    /// that planned each step this import added.
    struct SeenRows {
        var cycles: [UUID: (row: Int, content: [String: String])] = [:]
        var steps: [UUID: Int] = [:]
    }

    private func applySheetRow(_ values: [String: String], _ origin: Origin, _ seen: inout SeenRows) throws {
        func cell<T>(_ name: String, _ make: (String) -> T?, _ expected: String) throws -> T? {
            guard let text = values[name] else { return nil }
            guard let value = make(text) else {
                throw problem(origin, field: name, "'\(text)' is not valid; expected \(expected).")
            }
            return value
        }
        func required<T>(_ name: String, _ make: (String) -> T?, _ expected: String) throws -> T {
            guard let value = try cell(name, make, expected) else {
                throw problem(origin, field: name, "is empty; every row needs a \(name).")
            }
            return value
        }
        let handle = "a handle: 1 to 64 characters of a-z, 0-9, '.', '_' or '-'"
        let date = "a date that exists, written YYYY-MM-DD"
        let uuid = "an id (a UUID)"
        let makeHandle: (String) -> Handle? = { try? Handle(validating: $0) }
        let makeMinutes: (String) -> Int? = { text in
            Int(text) ?? Double(text).flatMap { $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }
        }

        let day: Day = try required("date", Day.interchange, date)
        try refuseFuture(day, field: "date", .cycle, origin)
        let id =
            try cell("id", UUID.init(interchange:), uuid)
            ?? NameBasedUUID.make(
                CycleSheet.columns.compactMap { name in values[name].map { "\(name)=\($0)" } }.joined(
                    separator: "\u{1F}"))
        if let earlier = seen.cycles[id], earlier.content == values {
            // The same row again: one coaching cycle, given twice in the file.
            repeatedRows += 1
            return
        }
        seen.cycles[id] = (origin.line, values)
        let coach = try required("coach", makeHandle, handle)
        let learner = try required("learner", makeHandle, handle)
        let secondCoach = try cell("secondCoach", makeHandle, handle)
        let people: [(String, Handle?)] = [("coach", coach), ("learner", learner), ("secondCoach", secondCoach)]
        // Named first: without the people, nothing else about the row can be checked.
        let missing = try people.compactMap { field, person in
            try person.flatMap { try personExists($0) ? nil : (field, $0) }
        }
        if let (field, _) = missing.first {
            let names = missing.map { "'\($0.1)'" }.joined(separator: " and ")
            throw problem(
                origin, field: field,
                "no person \(names) in the database; a cycles CSV refers to people who are there already. Add "
                    + "\(missing.count == 1 ? "them" : "each") first ('kata person add \(missing[0].1) --name …'), or "
                    + "check the spelling of the handle.")
        }
        var cycle = CycleRecord(
            id: id, date: day, coach: coach, learner: learner, secondCoach: secondCoach,
            minutes: try cell("minutes", makeMinutes, "a whole number of minutes"),
            target: try cell("target", UUID.init(interchange:), uuid), actualCondition: values["actualCondition"],
            obstacle: try cell("obstacle", UUID.init(interchange:), uuid),
            reviewed: try cell("reviewed", UUID.init(interchange:), uuid),
            planned: try cell("planned", UUID.init(interchange:), uuid))
        var derived: Set<String> = []
        let step = values["step"]
        let stepDetails = ["expected", "happened", "learned", "goSee", "asExpected"].filter { values[$0] != nil }
        if step == nil, let detail = stepDetails.first {
            throw problem(
                origin, field: "step", "is empty, but the row has \(detail); say what the step (the experiment) was.")
        }
        // The rules `cycle log` applies, for a cycle this import adds (one imported before is
        // only compared with what is stored).
        let isNew = try !exists("SELECT 1 FROM cycle WHERE id = ?", id.interchangeText)
        if cycle.target == nil {
            let needed = step != nil || cycle.obstacle != nil || cycle.reviewed != nil
            cycle.target = try sheetTarget(cycle, needed: needed, strict: isNew, origin)
            if cycle.target != nil { derived.insert("target") }
        } else if let target = cycle.target, isNew {
            try refuseTargetNotInForce(target, on: day, origin)
        }
        if isNew, let reviewed = cycle.reviewed { try review(reviewed, on: day, origin) }
        if let step, let target = cycle.target {
            let experimentID = cycle.planned ?? NameBasedUUID.make("experiment " + id.interchangeText)
            if cycle.planned == nil { derived.insert("planned") }
            cycle.planned = experimentID
            let goSee: Day? = try cell("goSee", Day.interchange, date)
            let asExpected: AsExpected? = try cell("asExpected", AsExpected.init(rawValue:), "yes, partly or no")
            let result = values["happened"] != nil || values["learned"] != nil || asExpected != nil
            if try !exists("SELECT 1 FROM experiment WHERE id = ?", experimentID.interchangeText) {
                try refuseStepBeforeReview(
                    experimentID, of: target, on: day, open: !result, reviewed: cycle.reviewed, origin, seen)
                seen.steps[experimentID] = origin.line
            }
            let experiment = ExperimentRecord(
                id: experimentID, target: target, obstacle: cycle.obstacle, step: step, expected: values["expected"],
                plannedOn: day, goSee: goSee, happened: values["happened"], asExpected: asExpected,
                learned: values["learned"], closedOn: result ? (goSee ?? day) : nil)
            var experimentDerived: Set<String> = derived.contains("target") ? ["target"] : []
            // Without a result on the row, a later row may have closed the step by reviewing it.
            experimentDerived.insert("closedOn")
            try apply(.experiment(experiment), Origin(line: origin.line, derived: experimentDerived))
        }
        try apply(.cycle(cycle), Origin(line: origin.line, derived: derived))
    }

    /// The target condition a row without one is coached toward; nil when there is none to
    /// choose and the row does not need one.
    ///
    /// `strict` for a row this import adds: as `cycle log` does, several target conditions in
    /// force are refused even when the row plans nothing, since the cycle would be counted toward
    /// none of them.
    private func sheetTarget(_ cycle: CycleRecord, needed: Bool, strict: Bool, _ origin: Origin) throws -> UUID? {
        // Imported before: keep what was chosen then.
        if let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT target FROM cycle WHERE id = ?"), arguments: [cycle.id.interchangeText])
        {
            return UUID(interchange: stored)
        }
        var candidates = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id FROM target WHERE learner = ?1 AND createdOn <= ?2 AND (closedOn IS NULL OR closedOn >= ?2)
                    ORDER BY id LIMIT 3
                    """),
            arguments: [cycle.learner.rawValue, cycle.date.interchangeText])
        if candidates.isEmpty {
            candidates = try String.fetchAll(
                db.cachedStatement(
                    sql: "SELECT id FROM target WHERE learner = ? AND status = 'active' ORDER BY id LIMIT 3"),
                arguments: [cycle.learner.rawValue])
        }
        if candidates.count == 1 { return UUID(interchange: candidates[0]) }
        guard needed || (strict && candidates.count > 1) else { return nil }
        if candidates.isEmpty {
            throw problem(
                origin, field: "target",
                "is empty and \(cycle.learner) has no target condition in force on \(cycle.date); a step is planned "
                    + "toward one. Set it first ('kata target add --learner \(cycle.learner) …') or give its id.")
        }
        throw problem(
            origin, field: "target",
            "is empty and \(cycle.learner) has several target conditions in force on \(cycle.date) "
                + "(\(candidates.joined(separator: ", "))); give the id of the one the step works toward.")
    }

    /// Refuses a target condition given by id that was not in force on the row's date: `cycle
    /// log` coaches toward an active target condition only.
    private func refuseTargetNotInForce(_ target: UUID, on day: Day, _ origin: Origin) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT status, createdOn, closedOn FROM target WHERE id = ?"),
                arguments: [target.interchangeText])
        else { return }
        let status: String = row[0]
        let createdOn: String = row[1]
        let closedOn: String? = row[2]
        if createdOn > day.interchangeText {
            throw problem(
                origin, field: "target",
                "target condition \(target.interchangeText) was set on \(createdOn), after the row's date \(day); "
                    + "coach toward a target condition in force on the day.")
        }
        if let closedOn, closedOn < day.interchangeText {
            throw problem(
                origin, field: "target",
                "target condition \(target.interchangeText) was closed (\(status)) on \(closedOn), before the row's "
                    + "date \(day); coach toward a target condition in force on the day.")
        }
    }

    /// Closes the step a row reviews, on the row's date, when it is still open.
    ///
    /// This is what `cycle log` does with the last step it reviews. The step's result stays as the row that
    /// planned it wrote it (a cycles CSV writes a step's result on that row). A step cannot be
    /// reviewed before it was planned.
    private func review(_ step: UUID, on day: Day, _ origin: Origin) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT step, plannedOn, closedOn FROM experiment WHERE id = ?"),
                arguments: [step.interchangeText])
        else { return }
        let plannedOn: String = row[1]
        if plannedOn > day.interchangeText {
            throw problem(
                origin, field: "reviewed",
                "the step '\(row[0] as String)' was planned on \(plannedOn); it cannot be reviewed on \(day).")
        }
        guard (row[2] as String?) == nil else { return }
        _ = try insert(
            "UPDATE experiment SET closedOn = ?, closedAt = ? WHERE id = ?",
            [day.interchangeText, Self.timestamp(day), step.interchangeText], origin)
    }

    /// Refuses a step planned while another step of the same target condition waits for review.
    ///
    /// This is the rule of `cycle log` ("the last step has not been reviewed"). Rows may
    /// come in any order: a step without a result is refused next to any other such step, one
    /// with a result next to such a step planned on or before its day.
    private func refuseStepBeforeReview(
        _ id: UUID, of target: UUID, on day: Day, open: Bool, reviewed: UUID?, _ origin: Origin, _ seen: SeenRows
    ) throws {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id, step, expected, plannedOn FROM experiment
                        WHERE target = ?1 AND closedOn IS NULL AND id <> ?2 AND id IS NOT ?3 AND (?4 OR plannedOn <= ?5)
                        ORDER BY plannedOn, id LIMIT 1
                        """),
                arguments: [target.interchangeText, id.interchangeText, reviewed?.interchangeText, open, day])
        else { return }
        let other = UUID(interchange: row[0] as String) ?? id
        let plannedOn: String = row[3]
        throw problem(
            origin, field: "step",
            "the step '\(row[1] as String)' (expected: '\(row[2] as String? ?? "")') \(Self.where(other, plannedOn, seen)) "
                + "has not been reviewed; a learner works on one step at a time. Write what happened and what was "
                + "learned on that row, or give its id in this row's 'reviewed', before planning the next step.")
    }

    /// Where a step was planned: its row of this file, or its date in the database.
    private static func `where`(_ step: UUID, _ plannedOn: String, _ seen: SeenRows) -> String {
        seen.steps[step].map { "planned on row \($0)" } ?? "planned on \(plannedOn) (in the database)"
    }
}
