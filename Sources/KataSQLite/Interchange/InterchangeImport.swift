import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

/// One import run inside one transaction: applies records as they come, holds back those whose
/// references are not in the database yet, and applies those at the end in dependency order.
///
/// Every reference is resolved here, against the records already applied and the database, so
/// that a missing one is reported as "line 7: field 'learner': no person 'zed'" rather than as a
/// foreign-key failure at commit. A record is written only once everything it refers to is in
/// the database; the one exception, a manager or parent challenge named before its own line, is
/// filled in at the end and checked then. This is what keeps the database whole: SQLite's own
/// foreign-key check is off for the import's transaction (see `SQLiteStore.importData`).
///
/// Held-back records wait in a temporary table, not in memory; a file in export order holds back
/// none.
final class InterchangeImport {
    let db: Database
    /// The file name used in messages.
    let source: String
    /// "line" for JSONL, "row" for a CSV.
    let unit: String
    let today: Day

    private(set) var added: [InterchangeKind: Int] = [:]
    private(set) var unchanged: [InterchangeKind: Int] = [:]
    /// Rows of a cycles CSV that repeat an earlier row of the same file, left out.
    var repeatedRows = 0
    /// Records held back so far.
    var heldBack = 0

    // Keys known to be in the database (before or by this import), of the kinds with few records.
    var people: Set<Handle> = []
    var challenges: Set<UUID> = []
    var targetLearners: [UUID: Handle] = [:]
    var obstacleTargets: [UUID: UUID] = [:]

    // Experiments added by this import and their target conditions, as indexes into `targets`.
    var addedExperiments: [UUID: Int32] = [:]
    var targets: [UUID] = []
    var targetIndexes: [UUID: Int32] = [:]
    /// About 40 MB of memory at most.
    static let rememberedExperiments = 1_500_000

    // The INSERTs of the kinds that come by the million, prepared once.
    var rawInserts: [InterchangeKind: RawInsert] = [:]

    // Managers and parent challenges named before their own lines: filled in at the end.
    var laterManagers: [Handle: (manager: Handle, line: Int)] = [:]
    var laterParents: [UUID: (parent: UUID, line: Int)] = [:]

    let metricsEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Whether the receiving database held no records when the import began: then the file's
    /// calendar (settings and holidays) is taken; otherwise it must agree with the database's.
    let receivingIsEmpty: Bool

    init(db: Database, source: String, unit: String, today: Day, expectedRecords: Int = 0) throws {
        self.db = db
        self.source = source
        self.unit = unit
        self.today = today
        let tables = ["person", "challenge", "pairing", "target", "cycle", "observation", "walk", "walk_plan"]
        receivingIsEmpty =
            try Bool.fetchOne(
                db, sql: "SELECT " + tables.map { "NOT EXISTS (SELECT 1 FROM \($0))" }.joined(separator: " AND "))
            ?? false
        addedExperiments.reserveCapacity(min(expectedRecords / 2, Self.rememberedExperiments))
    }

    /// Where a record comes from, for messages and comparisons.
    struct Origin {
        /// Line (JSONL) or row (CSV) number.
        var line: Int
        /// The line as given, shown when it conflicts with the database.
        var raw: Data?
        /// Fields the import filled in itself; compared as the database has them.
        var derived: Set<String> = []
    }

    enum Outcome {
        case added, unchanged, heldBack
    }

    /// A reference to a record that is not in the database (yet).
    struct Missing {
        var field: String
        var noun: String
        var value: String
    }

    // MARK: - Applying records

    /// Applies one record: adds it, finds it unchanged, holds it back until the end, or throws.
    func apply(_ record: InterchangeRecord, _ origin: Origin, replaying: Bool = false) throws {
        let outcome: Outcome
        switch record {
        case let .setting(value): outcome = try applySetting(value, origin)
        case let .holiday(value): outcome = try applyHoliday(value, origin)
        case let .person(value): outcome = try applyPerson(value, origin, replaying)
        case let .challenge(value): outcome = try applyChallenge(value, origin, replaying)
        case let .pairing(value): outcome = try applyPairing(value, origin, replaying)
        case let .target(value): outcome = try applyTarget(value, origin, replaying)
        case let .condition(value): outcome = try applyCondition(value, origin, replaying)
        case let .obstacle(value): outcome = try applyObstacle(value, origin, replaying)
        case let .experiment(value): outcome = try applyExperiment(value, origin, replaying)
        case let .cycle(value): outcome = try applyCycle(value, origin, replaying)
        case let .observation(value): outcome = try applyObservation(value, origin, replaying)
        case let .escalation(value): outcome = try applyEscalation(value, origin, replaying)
        case let .walkPlan(value): outcome = try applyWalkPlan(value, origin, replaying)
        case let .walk(value): outcome = try applyWalk(value, origin, replaying)
        }
        switch outcome {
        case .added: added[record.kind, default: 0] += 1
        case .unchanged: unchanged[record.kind, default: 0] += 1
        case .heldBack: try holdBack(record, origin)
        }
    }

    /// Ends the run once every record has been read: applies the held-back records and fills in
    /// the references that came late.
    func finish() throws {
        try applyHeldBack()
        try fillInLaterReferences()
        // What is remembered is not needed any more; give the memory to the index builds.
        addedExperiments = [:]
        targetIndexes = [:]
        targets = []
    }

    /// The time an imported experiment's prediction (or result) counts as recorded: the start of
    /// its day, in UTC, as the interchange format keeps dates only.
    static func timestamp(_ day: Day) -> String { day.interchangeText + "T00:00:00.000Z" }
}
