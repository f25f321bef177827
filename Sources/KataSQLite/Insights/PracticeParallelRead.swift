import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import ImprovementKata
import KataStore

/// Reads the inputs of a large practice report on two connections at once, both on one snapshot.
///
/// The pass over the period's cycles is most of a report's time on a large organisation (2,000
/// coaches over a year: some 730,000 cycles), and one connection reads on one core. A second
/// connection to the same file reads the second half of the coaches (by handle) on another thread
/// while the first reads the first half.
///
/// The two must see the same database: a third connection holds the write lock (`BEGIN
/// IMMEDIATE`, waiting for a writer that is busy) while both read transactions begin, so that no
/// commit can come between them, and lets go as soon as they have begun. Writers wait for that
/// moment only, not for the read.
enum PracticeParallelRead {
    /// Coaches × days of the period from which two connections are worth opening.
    static let threshold = 150_000

    /// The inputs of every coach the report lists, read on two connections; nil when a second
    /// connection cannot be had (an in-memory database), so that the caller reads them on one.
    static func inputs(
        store: SQLiteStore, period: Period, filter: PracticeFilter
    ) throws -> [CoachPracticeInput]? {
        let path = store.writer.path
        guard path != ":memory:", !path.isEmpty, let lock = WriteLock(path: path) else { return nil }
        defer { lock.release() }
        var configuration = SQLiteStore.makeConfiguration()
        configuration.readonly = true
        guard let helper = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }

        let handover = Handover()
        let done = DispatchSemaphore(value: 0)
        let scope = store.practiceScope
        let arguments = PracticeQuery.arguments(period: period, filter: filter, scope: scope)
        DispatchQueue.global().async {
            handover.helperResult = Result {
                try helper.read { db in
                    // The first read begins the snapshot, while the lock keeps every writer out.
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM setting")
                    handover.helperBegan.signal()
                    handover.coachesRead.wait()
                    guard var half = handover.coaches, let withoutPrediction = handover.withoutPrediction,
                        let split = handover.split
                    else { return [] }
                    try PracticeCycleScan.read(
                        db, into: &half, period: period, filter: filter, scope: scope, arguments: arguments,
                        withoutPrediction: withoutPrediction, half: .from(split))
                    return half
                }
            }
            handover.helperBegan.signal()
            done.signal()
        }
        return try store.read { db in
            defer { handover.coachesRead.signal() }
            try store.requireFilterExists(filter, db)
            handover.helperBegan.wait()
            lock.release()
            var inputs = try PracticeQuery.coaches(
                db, period: period, filter: filter, scope: scope, arguments: arguments)
            let withoutPrediction = try PracticeCycleScan.stepsWithoutPrediction(db)
            // The coaches come sorted by handle (as SQLite compares them, bytes), so the second half
            // begins at the middle one.
            guard inputs.count >= 2 else {
                try PracticeCycleScan.read(
                    db, into: &inputs, period: period, filter: filter, scope: scope, arguments: arguments,
                    withoutPrediction: withoutPrediction)
                try PracticeQuery.readObservations(db, into: &inputs, arguments: arguments)
                return inputs
            }
            let middle = inputs.count / 2
            let split = inputs[middle].coach
            handover.coaches = inputs
            handover.withoutPrediction = withoutPrediction
            handover.split = split
            handover.coachesRead.signal()
            try PracticeCycleScan.read(
                db, into: &inputs, period: period, filter: filter, scope: scope, arguments: arguments,
                withoutPrediction: withoutPrediction, half: .before(split))
            try PracticeQuery.readObservations(db, into: &inputs, arguments: arguments)
            done.wait()
            guard case .success(let half) = handover.helperResult, half.count == inputs.count else {
                // The second connection could not read (a read-only file, say): read its share here.
                try PracticeCycleScan.read(
                    db, into: &inputs, period: period, filter: filter, scope: scope, arguments: arguments,
                    withoutPrediction: withoutPrediction, half: .from(split))
                return inputs
            }
            for position in middle..<inputs.count {
                inputs[position].take(cyclesOf: half[position])
            }
            return inputs
        }
    }

    /// What the two threads hand each other; each field is written before the semaphore that
    /// publishes it is signalled, and read after it is waited for.
    private final class Handover: @unchecked Sendable {
        let helperBegan = DispatchSemaphore(value: 0)
        let coachesRead = DispatchSemaphore(value: 0)
        var coaches: [CoachPracticeInput]?
        var withoutPrediction: StepIDs?
        var split: String?
        var helperResult: Result<[CoachPracticeInput], any Error>?
    }

    /// A connection holding the database's write lock, opened without GRDB: it only begins and ends
    /// a transaction.
    private final class WriteLock: @unchecked Sendable {
        private var connection: OpaquePointer?

        init?(path: String) {
            guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
                sqlite3_close(connection)
                return nil
            }
            sqlite3_busy_timeout(connection, 30_000)
            guard sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else {
                release()
                return nil
            }
        }

        /// Ends the transaction (nothing was written) and closes the connection; once.
        func release() {
            guard let connection else { return }
            sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
            sqlite3_close(connection)
            self.connection = nil
        }

        deinit { release() }
    }
}

extension CoachPracticeInput {
    /// Takes the figures of the pass over the cycles from `other`, the same coach read on another
    /// connection.
    mutating func take(cyclesOf other: CoachPracticeInput) {
        dailyCycles = other.dailyCycles
        learners = other.learners
        minutesTotal = other.minutesTotal
        minutesRecorded = other.minutesRecorded
        cyclesOver20Minutes = other.cyclesOver20Minutes
        plannedSteps = other.plannedSteps
        stepsWithoutPrediction = other.stepsWithoutPrediction
    }
}
