import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

/// The seam over HTTP: every operation of `KataService` and `CoachingInsights` as a call to a kata
/// server's API (DESIGN §10.1), so that the command line works against a server as against a file.
///
/// The server's refusals come back as `KataError.reported` with the kind of its status, so that a
/// command exits as it would against a file (plus 69 when the server cannot be reached and 77 when
/// the caller is not signed in or not allowed).
///
/// With `offline` set, `storyboard`, `due` and `settings` answer from the read-only cache while the
/// server cannot be reached, and `logCycle` and `addObservation` keep the record in the outbox
/// (throwing `RemoteStore.Kept`); the next record posted sends what waits first (DESIGN §10.4).
///
/// ```swift
/// let store = RemoteStore(connection: try credentials.connection())
/// let due = try await store.due(coach: Handle(validating: "ann"), on: today)
/// ```
public struct RemoteStore: KataBackend {
    /// The cache, the outbox and where to say that an answer came from the cache.
    public struct Offline: Sendable {
        public var cache: ResponseCache
        public var outbox: Outbox
        /// Told "(from the copy of …, the server cannot be reached)" when an answer is the cache's.
        public var notice: @Sendable (String) -> Void
        /// The instant of the command, for the cache and the outbox.
        public var now: Date

        public init(files: ClientFiles, now: Date, notice: @escaping @Sendable (String) -> Void) {
            cache = ResponseCache(files: files)
            outbox = Outbox(files: files)
            self.notice = notice
            self.now = now
        }
    }

    /// A record kept in the outbox because the server could not be reached; the command says so
    /// and succeeds.
    public struct Kept: Error, Sendable {
        public var entry: OutboxEntry
        public var reason: KataError
    }

    public let connection: ServerConnection
    public let offline: Offline?

    public init(connection: ServerConnection, offline: Offline? = nil) {
        self.connection = connection
        self.offline = offline
    }

    // MARK: Settings

    public func settings() async throws -> OrganisationSettings {
        try await cachedRead("/api/v1/settings", cachingAs: "settings", as: OrganisationSettings.self, notice: false)
    }

    public func configure(_ change: SettingsChange) async throws {
        try await send(.patch, "/api/v1/settings", change)
    }

    // MARK: People and pairings

    public func addPerson(_ person: Person) async throws {
        try await send(.post, "/api/v1/people", person)
    }

    public func editPerson(_ change: PersonChange) async throws -> Person {
        // The path names the person; the body carries only what changes.
        var fields = try JSONSerialization.jsonObject(with: encoded(change)) as? [String: Any] ?? [:]
        fields["handle"] = nil
        let body = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        try await sendWaiting()
        let answer = try await connection.send(.patch, "/api/v1/people/\(segment(change.handle.rawValue))", json: body)
        return try decoded(Person.self, from: answer.body)
    }

    public func person(_ handle: Handle) async throws -> Person? {
        try await optional { try await get("/api/v1/people/\(segment(handle.rawValue))", as: Person.self) }
    }

    public func people(unit: String?) async throws -> [Person] {
        try await get("/api/v1/people", query: items(("unit", unit)), as: PeopleList.self).people
    }

    public func addPairing(_ pairing: Pairing) async throws {
        try await send(.post, "/api/v1/pairings", pairing)
    }

    public func endPairing(coach: Handle, learner: Handle, on day: Day) async throws -> Pairing {
        try await call(
            .post, "/api/v1/pairings/end", PairingEnd(coach: coach, learner: learner, on: day), as: Pairing.self)
    }

    public func pairings(coach: Handle?, learner: Handle?, secondCoach: Handle?, activeOn: Day?) async throws
        -> [Pairing]
    {
        try await get(
            "/api/v1/pairings",
            query: items(
                ("coach", coach?.rawValue), ("learner", learner?.rawValue), ("secondCoach", secondCoach?.rawValue),
                ("activeOn", activeOn?.description)),
            as: PairingList.self
        ).pairings
    }

    // MARK: Challenges, target conditions, current conditions, obstacles

    public func addChallenge(_ challenge: Challenge) async throws {
        try await send(.post, "/api/v1/challenges", challenge)
    }

    public func challenges() async throws -> [Challenge] {
        try await get("/api/v1/challenges", as: ChallengeList.self).challenges
    }

    public func challenge(_ id: UUID) async throws -> Challenge? {
        try await optional { try await get("/api/v1/challenges/\(id.text)", as: Challenge.self) }
    }

    public func addTarget(_ target: TargetCondition, today: Day?) async throws {
        try await send(.post, "/api/v1/targets", target)
    }

    public func target(_ id: UUID) async throws -> TargetCondition {
        try await get("/api/v1/targets/\(id.text)", as: TargetCondition.self)
    }

    public func targets(learner: Handle?, status: TargetCondition.Status?) async throws -> [TargetCondition] {
        try await get(
            "/api/v1/targets", query: items(("learner", learner?.rawValue), ("status", status?.rawValue)),
            as: TargetList.self
        ).targets
    }

    public func amendTarget(
        _ id: UUID, on day: Day, text: String?, outcomeMetrics: [Metric], processMetrics: [Metric], today: Day?
    ) async throws -> TargetCondition {
        try await call(
            .post, "/api/v1/targets/\(id.text)/amendments",
            Amendment(on: day, text: text, outcomeMetrics: outcomeMetrics, processMetrics: processMetrics),
            as: TargetCondition.self)
    }

    public func closeTarget(
        _ id: UUID, as status: TargetCondition.Status, on day: Day, reflection: String?, today: Day?
    ) async throws -> TargetCondition {
        try await call(
            .post, "/api/v1/targets/\(id.text)/close", TargetClosing(status: status, on: day, reflection: reflection),
            as: TargetCondition.self)
    }

    public func addCondition(_ condition: CurrentCondition, at now: Date, today: Day?) async throws {
        try await send(.post, "/api/v1/conditions", condition)
    }

    public func conditions(target: UUID) async throws -> [CurrentCondition] {
        try await get("/api/v1/targets/\(target.text)/conditions", as: ConditionList.self).conditions
    }

    public func currentCondition(target: UUID) async throws -> ActualCondition? {
        try await get("/api/v1/targets/\(target.text)/current", as: CurrentAnswer.self).current
    }

    public func addObstacle(_ obstacle: Obstacle, today: Day?) async throws {
        try await send(.post, "/api/v1/obstacles", obstacle)
    }

    public func workObstacle(_ id: UUID, on day: Day?, today: Day?) async throws -> Obstacle {
        try await call(.post, "/api/v1/obstacles/\(id.text)/work", ObstacleWork(on: day), as: Obstacle.self)
    }

    public func closeObstacle(_ id: UUID, as status: Obstacle.Status, on day: Day, today: Day?) async throws
        -> Obstacle
    {
        try await call(
            .post, "/api/v1/obstacles/\(id.text)/close", ObstacleClosing(status: status, on: day), as: Obstacle.self)
    }

    public func obstacles(target: UUID?, learner: Handle?, includeClosed: Bool) async throws -> [Obstacle] {
        try await get(
            "/api/v1/obstacles",
            query: items(
                ("target", target?.text), ("learner", learner?.rawValue), ("includeClosed", String(includeClosed))),
            as: ObstacleList.self
        ).obstacles
    }

    // MARK: Coaching cycles and observations

    public func recordCycle(_ entry: CycleEntry, id: UUID, at now: Date, today: Day?) async throws -> RecordedCycle {
        let body = try encoded(Identified(id: id, value: entry))
        let (cycle, status) = try await postKeeping(.cycle, id: id, "/api/v1/cycles", body, as: LoggedCycle.self)
        // 200: the server had this cycle under its id already; 201: stored now (or sent from the outbox).
        return RecordedCycle(cycle: cycle, isNew: status != 200)
    }

    public func cycles(_ filter: CycleFilter) async throws -> [CoachingCycle] {
        try await get(
            "/api/v1/cycles",
            query: items(
                ("coach", filter.coach?.rawValue), ("learner", filter.learner?.rawValue),
                ("from", filter.from?.description), ("to", filter.to?.description),
                ("limit", filter.limit.map(String.init))),
            as: CycleList.self
        ).cycles
    }

    public func cycleDetail(_ id: UUID) async throws -> LoggedCycle {
        try await get("/api/v1/cycles/\(id.text)", as: LoggedCycle.self)
    }

    public func editCycle(_ id: UUID, _ correction: CycleCorrection, at now: Date, today: Day?) async throws
        -> LoggedCycle
    {
        try await call(.patch, "/api/v1/cycles/\(id.text)", correction, as: LoggedCycle.self)
    }

    public func deleteCycle(_ id: UUID) async throws {
        try await sendWaiting()
        _ = try await connection.send(.delete, "/api/v1/cycles/\(id.text)")
    }

    public func addObservation(_ observation: Observation, at now: Date, today: Day?) async throws {
        _ = try await postKeeping(
            .observation, id: observation.id, "/api/v1/observations", try encoded(observation), as: Observation.self)
    }

    public func observations(coach: Handle?, secondCoach: Handle?) async throws -> [Observation] {
        try await get(
            "/api/v1/observations", query: items(("coach", coach?.rawValue), ("secondCoach", secondCoach?.rawValue)),
            as: ObservationList.self
        ).observations
    }

    // MARK: Looking things up

    public func resolve(_ kind: RecordKind, _ prefix: String) async throws -> UUID {
        try await get("/api/v1/ids/\(kind.rawValue)/\(segment(prefix))", as: ResolvedID.self).id
    }

    public func storyboard(learner: Handle, target: UUID?) async throws -> Storyboard {
        try await cachedRead(
            "/api/v1/storyboards/\(segment(learner.rawValue))", query: items(("target", target?.text)),
            cachingAs: "storyboard/\(learner.rawValue)/\(target?.text ?? "active")", as: Storyboard.self)
    }

    public func due(coach: Handle?, on day: Day) async throws -> [DueLearner] {
        try await cachedRead(
            "/api/v1/due", query: items(("coach", coach?.rawValue), ("date", day.description)),
            cachingAs: "due/\(coach?.rawValue ?? "all")/\(day)", as: DueList.self
        ).due
    }

    // MARK: Interchange and maintenance

    public func exportData(_ format: InterchangeFormat, to sink: any ExportSink) async throws -> Int {
        var records = 0
        _ = try await connection.stream(.get, "/api/v1/export", query: [("format", format.rawValue)]) { piece in
            records += piece.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            try sink.write(piece)
        }
        // A CSV's first line is its header, not a record.
        return format == .csv ? max(0, records - 1) : records
    }

    public func importData(_ request: ImportRequest) async throws -> ImportSummary {
        let query = request.dryRun ? [("dry-run", "true")] : []
        var answer = Data()
        let receive: (Data) throws -> Void = { answer.append($0) }
        switch request.source {
        case let .file(url):
            _ = try await connection.stream(.post, "/api/v1/import", query: query, upload: url, into: receive)
        case let .bytes(data):
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kata-import-\(UUID().text)")
            try PrivateFile.write(data, to: file.path)
            defer { try? PrivateFile.remove(file.path) }
            _ = try await connection.stream(.post, "/api/v1/import", query: query, upload: file, into: receive)
        case let .stream(stream):
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kata-import-\(UUID().text)")
            // Spooled piece by piece into a private file, so that memory stays flat.
            try PrivateFile.write(Data(), to: file.path)
            defer { try? PrivateFile.remove(file.path) }
            let handle = try FileHandle(forWritingTo: file)
            do {
                while let piece = try stream.nextPiece() { try handle.write(contentsOf: piece) }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            _ = try await connection.stream(.post, "/api/v1/import", query: query, upload: file, into: receive)
        }
        return try decoded(ImportSummary.self, from: answer)
    }

    public func check() async throws -> [Finding] {
        try await get("/api/v1/check", as: FindingList.self).findings
    }
}
