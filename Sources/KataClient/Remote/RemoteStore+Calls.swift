import Foundation
import ImprovementKata
import KataStore

extension RemoteStore {
    /// GETs `path` and decodes the answer.
    func get<Result: Decodable>(_ path: String, query: [(String, String)] = [], as type: Result.Type) async throws
        -> Result
    {
        try await sendWaiting()
        return try decoded(type, from: try await connection.send(.get, path, query: query).body)
    }

    /// Sends `body` and decodes the answer.
    func call<Result: Decodable>(
        _ method: ServerConnection.Method, _ path: String, _ body: some Encodable, as type: Result.Type
    ) async throws -> Result {
        try await sendWaiting()
        return try decoded(type, from: try await connection.send(method, path, json: try encoded(body)).body)
    }

    /// Sends `body`; any 2xx is success.
    func send(_ method: ServerConnection.Method, _ path: String, _ body: some Encodable) async throws {
        try await sendWaiting()
        _ = try await connection.send(method, path, json: try encoded(body))
    }

    /// Sends what waits in the outbox before anything else (DESIGN §10.4: the next command that
    /// reaches the server sends it), saying so on standard error; a server that cannot be reached
    /// leaves it waiting, and the request itself then says why.
    func sendWaiting() async throws {
        guard let offline, try !offline.outbox.entries().isEmpty else { return }
        let report = try await offline.outbox.send(over: connection, now: offline.now)
        if !report.sent.isEmpty {
            offline.notice("kata: sent \(RemoteStore.records(report.sent.count)) from the outbox.")
        }
        if !report.refused.isEmpty {
            offline.notice(
                "kata: the server refused \(RemoteStore.records(report.refused.count)) from the outbox; see "
                    + "'kata outbox list'.")
        }
    }

    static func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }

    /// The value, or nil when the server answers that there is no such record.
    func optional<Result>(_ read: () async throws -> Result) async throws -> Result? {
        do {
            return try await read()
        } catch let error as KataError where error.kind == .notFound {
            return nil
        }
    }

    /// The answer decoded with the API's decoder, or a failure saying the server speaks otherwise.
    func decoded<Result: Decodable>(_ type: Result.Type, from body: Data) throws -> Result {
        try connection.decoded(type, from: .init(status: 200, body: body), decoder: Wire.decoder)
    }

    func encoded(_ body: some Encodable) throws -> Data {
        try Wire.encoder.encode(body)
    }

    /// Query items for the values given; nil ones are left out.
    func items(_ pairs: (String, String?)...) -> [(String, String)] {
        pairs.compactMap { name, value in value.map { (name, $0) } }
    }

    /// A path segment, percent-encoded.
    func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? text
    }

    /// A read answered from the cache while the server cannot be reached (with `offline`), saying
    /// how old the copy is unless `notice` is false.
    func cachedRead<Result: Decodable>(
        _ path: String, query: [(String, String)] = [], cachingAs key: String, as type: Result.Type,
        notice: Bool = true
    ) async throws -> Result {
        guard let offline else { return try await get(path, query: query, as: type) }
        try await sendWaiting()
        let read = try await connection.read(path, query: query, cachingAs: key, in: offline.cache, now: offline.now)
        if notice, case let .cached(document, _) = read {
            offline.notice(
                "(from the copy of \(RemoteStore.copyTime(document.fetched)), the server cannot be reached)")
        }
        return try decoded(type, from: read.body)
    }

    /// Posts a record made with a client-made id (a cycle, an observation) after what waits in the
    /// outbox; with `offline`, keeps it there when the server cannot be reached (throws `Kept`).
    ///
    /// Returns the record and the status it came with (nil when it went with the outbox).
    func postKeeping<Result: Decodable>(
        _ kind: OutboxEntry.Kind, id: UUID, _ path: String, _ body: Data, as type: Result.Type
    ) async throws -> (value: Result, status: Int?) {
        guard let offline else {
            let answer = try await connection.send(.post, path, json: body)
            return (try decoded(type, from: answer.body), answer.status)
        }
        let entry = OutboxEntry(
            id: id, kind: kind, path: path, body: String(decoding: body, as: UTF8.self), queued: offline.now)
        switch try await connection.post(entry, keepingIn: offline.outbox, now: offline.now) {
        case let .stored(answer, _):
            return (try decoded(type, from: answer), nil)
        case let .kept(reason):
            throw Kept(entry: entry, reason: reason)
        }
    }

    /// `2026-12-02 09:14` in this computer's time zone.
    static func copyTime(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: .current, from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}

/// A body with the client-made `id` beside the value's own fields (`POST /api/v1/cycles`).
struct Identified<Value: Encodable>: Encodable {
    var id: UUID
    var value: Value

    private enum Key: String, CodingKey { case id }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
    }
}

// The API's list answers are objects (`{"people": […]}`), never bare arrays.
struct PeopleList: Decodable { var people: [Person] }
struct PairingList: Decodable { var pairings: [Pairing] }
struct ChallengeList: Decodable { var challenges: [Challenge] }
struct TargetList: Decodable { var targets: [TargetCondition] }
struct ConditionList: Decodable { var conditions: [CurrentCondition] }
struct CurrentAnswer: Decodable { var current: ActualCondition? }
struct ObstacleList: Decodable { var obstacles: [Obstacle] }
struct CycleList: Decodable { var cycles: [CoachingCycle] }
struct ObservationList: Decodable { var observations: [Observation] }
struct DueList: Decodable { var due: [DueLearner] }
struct FindingList: Decodable { var findings: [Finding] }
struct ResolvedID: Decodable { var id: UUID }

// The bodies of the routes that take a few values rather than a record.
struct PairingEnd: Encodable {
    var coach: Handle
    var learner: Handle
    var on: Day
}

struct Amendment: Encodable {
    var on: Day
    var text: String?
    var outcomeMetrics: [Metric]
    var processMetrics: [Metric]
}

struct TargetClosing: Encodable {
    var status: TargetCondition.Status
    var on: Day
    var reflection: String?
}

struct ObstacleWork: Encodable { var on: Day? }

struct ObstacleClosing: Encodable {
    var status: Obstacle.Status
    var on: Day
}
