import Foundation
import GRDB
import GRDBSQLite
import ImprovementKata
import KataStore

/// The cycles of a practice report's period in one pass over `cycle_practice`, coach by coach:
/// cycles per day, learners, minutes and planned steps, counted as the rows go by.
///
/// It replaces two aggregate reads of the same index range (cycles per coach and day; learners,
/// minutes and planned steps per coach). Those walked the year's cycles twice, and
/// `count(DISTINCT learner)` put every cycle into a temporary B-tree: on 2,000 coaches with three
/// learners each (about 730,000 cycles a year) `kata practice --format json` took 1.2 s of
/// processor time where a plain `sqlite3` query counting cycles and coached days per coach takes
/// 0.2 s; with this pass it takes 0.4 s. Here SQLite only steps the index; each row is read
/// through the C API (no `Row`, no string) and a day is parsed only when it differs from the row
/// before.
struct PracticeCycleScan {
    /// One row per cycle of the period.
    ///
    /// The columns: the coach's person rowid, the day, the learner, the minutes and the step
    /// planned. The join nests in person order, so a coach's cycles come together; the
    /// scan does not rely on it.
    ///
    /// With `half`, only the coaches whose handle sorts before `:split`, or from it on (one half of
    /// the coaches, for one of two connections reading at once).
    static func sql(_ filter: PracticeFilter, half: Half? = nil, scope: Handle? = nil) -> String {
        let range =
            switch half {
            case .before: " AND p.handle < :split"
            case .from: " AND p.handle >= :split"
            case nil: ""
            }
        return """
            SELECT p.rowid, c.date, c.learner, c.minutes, c.planned
            FROM person p CROSS JOIN cycle c INDEXED BY cycle_practice
                ON c.coach = p.handle AND c.date BETWEEN :from AND :to
            WHERE \(PracticeQuery.condition(filter, scope: scope))\(range)
            """
    }

    /// One half of the coaches, split at a handle.
    enum Half {
        case before(String)
        case from(String)

        var split: String {
            switch self {
            case .before(let handle), .from(let handle): return handle
            }
        }
    }

    /// The ids of the steps without a prediction, through the partial index
    /// `experiment_without_prediction` (migration 0002): few next to the cycles.
    static let withoutPredictionSQL = "SELECT e.id FROM experiment e WHERE \(PracticeQuery.withoutPrediction)"

    /// Fills `dailyCycles`, `learners`, the minutes, `plannedSteps` and `stepsWithoutPrediction`
    /// of `inputs`.
    ///
    /// `withoutPrediction` is read with `stepsWithoutPrediction(_:)` when not given; `half` limits the
    /// pass to one half of the coaches (see `sql(_:half:)`).
    static func read(
        _ db: Database, into inputs: inout [CoachPracticeInput], period: Period, filter: PracticeFilter,
        scope: Handle? = nil, arguments: StatementArguments, withoutPrediction known: StepIDs? = nil, half: Half? = nil
    ) throws {
        var positions: [Int64: Int] = [:]
        for (position, input) in inputs.enumerated() { positions[input.person] = position }
        let withoutPrediction = try known ?? stepsWithoutPrediction(db)
        let statement = try db.makeStatement(sql: sql(filter, half: half, scope: scope))
        var arguments = arguments
        if let half { arguments += ["split": half.split] }
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        // SQLite locks the connection for every call; held once for the scan, those locks are a
        // recursive mutex taken again by its owner (as in `InterchangeImport.importLines`).
        let mutex = sqlite3_db_mutex(db.sqliteConnection)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }

        var scan = PracticeCycleScan(first: period.from.ordinal, days: period.length)
        var person: Int64?
        var position: Int?
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            let rowPerson = sqlite3_column_int64(handle, 0)
            if rowPerson != person {
                if let position { scan.leave(position, &inputs) }
                person = rowPerson
                position = positions[rowPerson]
                if let position { scan.enter(position) }
            }
            guard let position, let offset = scan.dayOffset(text(handle, 1)) else { continue }
            inputs[position].dailyCycles[offset] += 1
            scan.see(learner: text(handle, 2))
            if sqlite3_column_type(handle, 3) != SQLITE_NULL {
                let minutes = Int(sqlite3_column_int64(handle, 3))
                inputs[position].minutesTotal += minutes
                inputs[position].minutesRecorded += 1
                if minutes > 20 { inputs[position].cyclesOver20Minutes += 1 }
            }
            if sqlite3_column_type(handle, 4) != SQLITE_NULL {
                inputs[position].plannedSteps += 1
                if !withoutPrediction.isEmpty && withoutPrediction.contains(text(handle, 4)) {
                    inputs[position].stepsWithoutPrediction += 1
                }
            }
        }
        if let position { scan.leave(position, &inputs) }
    }

    /// The steps without a prediction, looked up for each planned step of the period instead of a
    /// join from every such step in the history to the cycle that planned it.
    static func stepsWithoutPrediction(_ db: Database) throws -> StepIDs {
        try StepIDs(String.fetchAll(db, sql: withoutPredictionSQL))
    }

    /// The bytes of a text column of the current row, valid until the next step.
    private static func text(_ handle: OpaquePointer?, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: count)
    }

    // MARK: - State of the scan

    private let first: Int
    private let days: Int
    /// The day of the row before, as stored (`YYYY-MM-DD`, in two words), and its offset into
    /// the period.
    private var lastDay: (UInt64, UInt16) = (0, 0)
    private var lastOffset: Int?
    /// The learners of the coach being read, as stored; those of coaches read before, by position.
    private var learners: [[UInt8]] = []
    private var learnersOf: [Int: [[UInt8]]] = [:]

    private init(first: Int, days: Int) {
        self.first = first
        self.days = days
    }

    private mutating func enter(_ position: Int) {
        learners = learnersOf.removeValue(forKey: position) ?? []
    }

    private mutating func leave(_ position: Int, _ inputs: inout [CoachPracticeInput]) {
        inputs[position].learners = learners.count
        learnersOf[position] = learners
    }

    /// The offset into the period of a day as stored, nil for one outside it.
    private mutating func dayOffset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count == 10, let base = text.baseAddress else { return offset(text) }
        let raw = UnsafeRawPointer(base)
        let day = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        if day != lastDay || lastOffset == nil {
            lastDay = day
            lastOffset = offset(text)
        }
        return lastOffset
    }

    private func offset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let ordinal = PracticeQuery.ordinal(of: text), (first..<first + days).contains(ordinal) else {
            return nil
        }
        return ordinal - first
    }

    /// Counts `learner` among the coach's learners when it is new.
    private mutating func see(learner: UnsafeBufferPointer<UInt8>) {
        if learners.contains(where: { Self.same($0, learner) }) { return }
        learners.append(Array(learner))
    }

    private static func same(_ known: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == text.count else { return false }
        return known.withUnsafeBytes { bytes in
            guard let left = bytes.baseAddress, let right = text.baseAddress else { return true }
            return memcmp(left, right, text.count) == 0
        }
    }
}

/// A set of step ids as stored, looked up by their bytes.
///
/// An id of 36 bytes (a UUID's text) is kept as those bytes in five words, hashed by two of
/// them: a `Set<String>` of ids spent most of its time hashing and comparing strings. Any other
/// id is kept as text. Either way an id matches exactly the same bytes, as SQL's `=` does.
///
/// Most planned steps have a prediction, so most look-ups miss: a bit per slot of a mixed word
/// of the id (2 Mbit, 256 KB) answers nearly all of those without touching the set.
struct StepIDs: Sendable {
    private struct Bytes36: Hashable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt32)

        init?(_ text: UnsafeBufferPointer<UInt8>) {
            guard text.count == 36, let base = text.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            words = (
                raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
            )
        }

        static func == (left: Self, right: Self) -> Bool { left.words == right.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0 ^ words.3)
            hasher.combine(words.2)
        }
    }

    private var ids: Set<Bytes36> = []
    private var others: Set<String> = []
    private var filter = [UInt64](repeating: 0, count: StepIDs.filterBits / 64)
    private static let filterBits = 1 << 21

    init(_ texts: [String]) {
        ids.reserveCapacity(texts.count)
        for text in texts {
            var text = text
            if let id = text.withUTF8({ Bytes36($0) }) {
                ids.insert(id)
                let slot = Self.slot(id)
                filter[slot >> 6] |= 1 << UInt64(slot & 63)
            } else {
                others.insert(text)
            }
        }
    }

    var isEmpty: Bool { ids.isEmpty && others.isEmpty }

    func contains(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if let id = Bytes36(text) {
            let slot = Self.slot(id)
            guard filter[slot >> 6] & (1 << UInt64(slot & 63)) != 0 else { return false }
            return ids.contains(id)
        }
        return others.contains(String(decoding: text, as: UTF8.self))
    }

    /// The id's bit in `filter`: its words mixed by a multiplication, the top 21 bits.
    private static func slot(_ id: Bytes36) -> Int {
        let mixed = (id.words.0 ^ id.words.2 &* 31 ^ id.words.3 &* 1_000_003) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 43)
    }
}
