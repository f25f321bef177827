import Foundation
import ImprovementKata

/// The one seam between kata's users and its record (DESIGN §3): every operation the command line
/// and the web app use, in kata's vocabulary.
///
/// Three kinds of store implement it: the SQLite file (`KataSQLite`), PostgreSQL, and the HTTP
/// client of a kata server (`KataClient`). Requests and results are values that can cross HTTP: no
/// closures and no file paths of the caller's machine, except the export sink, which receives bytes.
///
/// Who calls is a property of the store a caller holds (a database file is its owner's; a server
/// knows its caller from the token or session), so the operations do not repeat it. Dates a write
/// checks against ("not after today") come from `today` where it is given, else from the store's own
/// clock in the organisation's time zone.
///
/// ```swift
/// let store: any KataService = try SQLiteStore.open(path: "kata.sqlite", create: false)
/// let due = try await store.due(coach: Handle(validating: "ann"), on: Day(validating: "2026-12-02"))
/// ```
public protocol KataService: Sendable {
    // MARK: Settings

    /// The organisation's time zone, workweek and holidays.
    func settings() async throws -> OrganisationSettings
    /// Changes the given settings; the others keep their value (a new database gets defaults).
    func configure(_ change: SettingsChange) async throws

    // MARK: People and pairings

    func addPerson(_ person: Person) async throws
    /// Applies `change` to a person and returns them as they are now.
    func editPerson(_ change: PersonChange) async throws -> Person
    func person(_ handle: Handle) async throws -> Person?
    /// Everyone, or everyone in `unit`, by handle.
    func people(unit: String?) async throws -> [Person]
    /// Whether anyone reports to `handle`: a manager, for the views of DESIGN §10.3 and §11.
    func hasReports(_ handle: Handle) async throws -> Bool
    func addPairing(_ pairing: Pairing) async throws
    /// Ends the open pairing of `coach` and `learner` on `day`.
    func endPairing(coach: Handle, learner: Handle, on day: Day) async throws -> Pairing
    func pairings(coach: Handle?, learner: Handle?, secondCoach: Handle?, activeOn: Day?) async throws -> [Pairing]

    // MARK: Challenges, target conditions, current conditions, obstacles

    func addChallenge(_ challenge: Challenge) async throws
    func challenges() async throws -> [Challenge]
    func challenge(_ id: UUID) async throws -> Challenge?
    func addTarget(_ target: TargetCondition, today: Day?) async throws
    func target(_ id: UUID) async throws -> TargetCondition
    func targets(learner: Handle?, status: TargetCondition.Status?) async throws -> [TargetCondition]
    func amendTarget(
        _ id: UUID, on day: Day, text: String?, outcomeMetrics: [Metric], processMetrics: [Metric], today: Day?
    ) async throws -> TargetCondition
    func closeTarget(_ id: UUID, as status: TargetCondition.Status, on day: Day, reflection: String?, today: Day?)
        async throws -> TargetCondition
    func addCondition(_ condition: CurrentCondition, at now: Date, today: Day?) async throws
    func conditions(target: UUID) async throws -> [CurrentCondition]
    /// The actual condition last recorded for a target condition: a snapshot or a cycle's Q2 answer.
    func currentCondition(target: UUID) async throws -> ActualCondition?
    func addObstacle(_ obstacle: Obstacle, today: Day?) async throws
    func workObstacle(_ id: UUID, on day: Day?, today: Day?) async throws -> Obstacle
    func closeObstacle(_ id: UUID, as status: Obstacle.Status, on day: Day, today: Day?) async throws -> Obstacle
    func obstacles(target: UUID?, learner: Handle?, includeClosed: Bool) async throws -> [Obstacle]

    // MARK: Coaching cycles and observations

    /// Logs one coaching cycle under the client-made `id`: the same id with the same content again
    /// returns the cycle logged the first time (`isNew` false) and writes nothing; other content
    /// under a used id is a conflict.
    func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> RecordedCycle
    /// Cycles, newest first.
    func cycles(_ filter: CycleFilter) async throws -> [CoachingCycle]
    func cycleDetail(_ id: UUID) async throws -> LoggedCycle
    func editCycle(_ id: UUID, _ correction: CycleCorrection, at now: Date, today: Day?) async throws -> LoggedCycle
    func deleteCycle(_ id: UUID) async throws
    func addObservation(_ observation: Observation, at now: Date, today: Day?) async throws
    func observations(coach: Handle?, secondCoach: Handle?) async throws -> [Observation]

    // MARK: Looking things up

    /// The full id of the record of `kind` whose id starts with `prefix` (as listings show it).
    func resolve(_ kind: RecordKind, _ prefix: String) async throws -> UUID
    /// A learner's storyboard: for `target`, else for their active target condition.
    func storyboard(learner: Handle, target: UUID?) async throws -> Storyboard
    /// The learners to go and see on `day`: of `coach`, or of every coach.
    func due(coach: Handle?, on day: Day) async throws -> [DueLearner]

    // MARK: Interchange and maintenance

    /// Writes every record in `format` to `sink`; returns how many were written.
    func exportData(_ format: InterchangeFormat, to sink: any ExportSink) async throws -> Int
    /// Imports interchange JSONL or a cycles CSV, all or nothing.
    func importData(_ request: ImportRequest) async throws -> ImportSummary
    /// What `kata check` finds wrong in the record.
    func check() async throws -> [Finding]
}

/// Where an export's bytes go: a file, standard output, an HTTP response.
public protocol ExportSink: Sendable {
    /// Takes the next piece of the export (about 64 KB); called in order from one thread.
    func write(_ data: Data) throws
}
