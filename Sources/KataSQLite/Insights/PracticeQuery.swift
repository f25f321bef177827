import GRDB
import ImprovementKata
import KataStore

/// What the database says about one coach's practice in a period, before the calendar figures
/// are worked out.
struct CoachPracticeInput: Sendable {
    /// The rowid of the coach's `person` row, which the per-day read returns instead of the handle.
    var person: Int64
    var coach: String
    var name: String
    var unit: String?
    var span: ActiveSpan?
    var lastCycle: Day?
    /// Cycles on each day of the period, `dailyCycles[0]` being its first day.
    var dailyCycles: [Int]
    var learners = 0
    var minutesTotal = 0
    var minutesRecorded = 0
    var cyclesOver20Minutes = 0
    var plannedSteps = 0
    var stepsWithoutPrediction = 0
    var observations = 0
}

extension CoachPracticeInput {
    /// What the store hands the practice calculations.
    var facts: CoachPracticeFacts {
        CoachPracticeFacts(
            coach: coach, name: name, unit: unit, span: span, lastCycle: lastCycle, dailyCycles: dailyCycles,
            learners: learners, minutesTotal: minutesTotal, minutesRecorded: minutesRecorded,
            cyclesOver20Minutes: cyclesOver20Minutes, plannedSteps: plannedSteps,
            stepsWithoutPrediction: stepsWithoutPrediction, observations: observations)
    }
}

/// Reads the inputs of a practice report; no cycle is kept in memory.
///
/// Four reads: the coaches, the steps without a prediction, one pass over the period's cycles
/// counting as it goes (`PracticeCycleScan`), observations per coach. The pass
/// goes coach by coach through `cycle_practice` on (coach, date, …), so its cost follows the
/// cycles of the period, not the whole history; `CROSS JOIN` fixes that join order.
enum PracticeQuery {
    /// The condition `experiment_without_prediction` (migration 0002) is built on, written the
    /// same way so that SQLite uses that index.
    static let withoutPrediction = """
        trim(coalesce(e.expected, ''), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196,
            8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) = ''
        """

    /// The named arguments of every statement: `:from`, `:to`, those of the filter and the
    /// caller whose practice scope limits the coaches (`:caller`).
    static func arguments(period: Period, filter: PracticeFilter, scope: Handle? = nil) -> StatementArguments {
        [
            "from": period.from, "to": period.to, "coach": filter.coach, "unit": filter.unit,
            "secondCoach": filter.secondCoach, "caller": scope,
        ]
    }

    /// The filter's condition on the `person` row aliased `p`, limited to the coaches in the
    /// practice scope of `scope` when one is given (an account that is neither lean nor admin).
    static func condition(_ filter: PracticeFilter, scope: Handle?) -> String {
        guard scope != nil else { return filter.sql }
        return "\(filter.sql) AND \(SQLiteStore.practiceScopeSQL("p.handle"))"
    }

    /// Every statement of the report, for checking their query plans.
    static func statements(filter: PracticeFilter) -> [String] {
        [
            coachesSQL(filter), PracticeCycleScan.sql(filter), PracticeCycleScan.withoutPredictionSQL, observationsSQL,
        ]
    }

    /// The inputs of every coach the report lists, sorted by handle.
    static func inputs(_ db: Database, period: Period, filter: PracticeFilter, scope: Handle? = nil) throws
        -> [CoachPracticeInput]
    {
        let arguments = arguments(period: period, filter: filter, scope: scope)
        var inputs = try coaches(db, period: period, filter: filter, scope: scope, arguments: arguments)
        try PracticeCycleScan.read(
            db, into: &inputs, period: period, filter: filter, scope: scope, arguments: arguments)
        try readObservations(db, into: &inputs, arguments: arguments)
        return inputs
    }

    /// Everyone who is coach in a pairing overlapping the period or logged a cycle in it, with
    /// what decides their active span, and their last cycle.
    static func coachesSQL(_ filter: PracticeFilter, scope: Handle? = nil) -> String {
        """
        SELECT p.rowid AS person, p.handle, p.name, p.unit,
            (SELECT min(since) FROM pairing WHERE coach = p.handle) AS pairedSince,
            (SELECT CASE WHEN count(until) = count(*) THEN max(until) END
                FROM pairing WHERE coach = p.handle) AS pairedUntil,
            (SELECT min(date) FROM cycle WHERE coach = p.handle) AS firstCycle,
            (SELECT max(date) FROM cycle WHERE coach = p.handle AND date <= :to) AS lastCycle
        FROM person p
        WHERE (EXISTS (SELECT 1 FROM pairing WHERE coach = p.handle AND since <= :to
                    AND (until IS NULL OR until >= :from))
                OR EXISTS (SELECT 1 FROM cycle WHERE coach = p.handle AND date BETWEEN :from AND :to))
            AND \(condition(filter, scope: scope))
        ORDER BY p.handle
        """
    }

    /// 2nd-coach observations per coach in the period.
    static let observationsSQL =
        "SELECT coach, count(*) FROM observation WHERE date BETWEEN :from AND :to GROUP BY coach"

    static func coaches(
        _ db: Database, period: Period, filter: PracticeFilter, scope: Handle? = nil, arguments: StatementArguments
    ) throws -> [CoachPracticeInput] {
        let rows = try Row.fetchCursor(db, sql: coachesSQL(filter, scope: scope), arguments: arguments)
        var result: [CoachPracticeInput] = []
        while let row = try rows.next() {
            result.append(
                CoachPracticeInput(
                    person: row["person"], coach: row["handle"], name: row["name"], unit: row["unit"],
                    span: ActiveSpan.of(
                        pairedSince: row["pairedSince"], pairedUntil: row["pairedUntil"], firstCycle: row["firstCycle"]),
                    lastCycle: row["lastCycle"], dailyCycles: [Int](repeating: 0, count: period.length)))
        }
        return result
    }

    static func readObservations(
        _ db: Database, into inputs: inout [CoachPracticeInput], arguments: StatementArguments
    ) throws {
        var index: [String: Int] = [:]
        for (position, input) in inputs.enumerated() { index[input.coach] = position }
        let observations = try Row.fetchCursor(db, sql: observationsSQL, arguments: arguments)
        while let row = try observations.next() {
            guard let position = index[row[0]] else { continue }
            inputs[position].observations = row[1]
        }
    }

    /// The `Day.ordinal` of a date as stored (`YYYY-MM-DD`, checked by the schema), read without
    /// the allocations of `Day(_:)`: this runs once per coached day of every coach.
    static func ordinal(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        var fields = (0, 0, 0)
        var field = 0
        for byte in text {
            if byte == UInt8(ascii: "-") {
                field += 1
                continue
            }
            let digit = Int(byte) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            switch field {
            case 0: fields.0 = fields.0 * 10 + digit
            case 1: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        return Day(year: fields.0, month: fields.1, day: fields.2)?.ordinal
    }
}
