import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// The store a caller's requests go to: one that answers only what that caller may see
/// (DESIGN §10.3); `kata serve` passes `{ sqliteStore.scoped(to: $0) }`.
public typealias StoreForCaller = @Sendable (Caller) -> any KataBackend

/// What every data route shares: the caller's store, the directory that keeps the audit log, the
/// server's clock and the version packets name.
struct DataRoutes: Sendable {
    let store: StoreForCaller
    let accounts: any AccountDirectory
    let clock: ServerClock
    let kataVersion: String

    func add(to api: RouterGroup<KataRequestContext>) {
        CycleRoutes(data: self).add(to: api)
        EscalationRoutes(data: self).add(to: api)
        InsightRoutes(data: self).add(to: api)
        InterchangeRoutes(data: self).add(to: api)
        RecordRoutes(data: self).add(to: api)
        WalkRoutes(data: self).add(to: api)
    }

    /// The signed-in caller and the store that answers for them.
    func caller(_ context: KataRequestContext) throws -> (signedIn: SignedIn, store: any KataBackend) {
        let signedIn = try context.requireSignedIn()
        return (signedIn, store(signedIn.caller))
    }

    /// Today in the organisation's time zone, by the server's clock.
    func today() async throws -> Day {
        try await store(.owner).settings().today(at: clock())
    }

    /// Appends the audit entry of a write that succeeded (DESIGN §10.2).
    func audit(
        _ signedIn: SignedIn, kind: String, record: String, action: String, detail: String? = nil
    ) async throws {
        try await accounts.recordAudit(
            AuditEntry(
                at: clock(), account: signedIn.account.handle, via: signedIn.via, kind: kind, record: record,
                action: action, detail: detail))
    }

    /// Decodes a strict JSON body of `type`, allowing only `fields`.
    func body<Body: Decodable>(
        _ type: Body.Type, _ request: Request, _ context: KataRequestContext, fields: [String],
        defaults: Wire.Defaults? = nil
    ) async throws -> Body {
        var data = try await StrictJSON.data(of: request, context: context)
        if data.isEmpty { data = Data("{}".utf8) }  // a body whose every field may be left out
        return try StrictJSON.decode(
            type, from: data, fields: fields, decoder: defaults.map(Wire.decoder(defaults:)) ?? Wire.decoder)
    }
}

/// The query and path values of a request, each refused with its name when it is malformed.
struct RequestValues {
    let request: Request
    let context: KataRequestContext

    init(_ request: Request, _ context: KataRequestContext) {
        self.request = request
        self.context = context
    }

    /// The query value `name`, nil when absent or empty.
    func text(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func handle(_ name: String) throws -> Handle? {
        try text(name).map { try Handle(typed: $0, field: name) }
    }

    func day(_ name: String) throws -> Day? {
        try text(name).map { try Self.day($0, field: name) }
    }

    func uuid(_ name: String) throws -> UUID? {
        try text(name).map { try Self.uuid($0, field: name) }
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = text(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw KataError.invalidValue(field: name, value: text, expected: "true or false")
        }
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw KataError.invalidValue(
                field: name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The path parameter `name`.
    func path(_ name: String) -> String { context.parameters.get(name) ?? "" }

    func pathUUID(_ name: String) throws -> UUID { try Self.uuid(path(name), field: name) }

    func pathHandle(_ name: String) throws -> Handle { try Handle(typed: path(name), field: name) }

    /// The period `from` … `to`, both required.
    func period() throws -> Period {
        guard let from = try day("from"), let to = try day("to") else {
            throw KataError.missing(fields: ["from", "to"].filter { text($0) == nil }, hint: "Give the period.")
        }
        return try Period(from: from, to: to)
    }

    static func day(_ text: String, field: String) throws -> Day {
        guard let day = Day(text) else {
            throw KataError.invalidValue(field: field, value: text, expected: "a date (YYYY-MM-DD)")
        }
        return day
    }

    static func uuid(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw KataError.invalidValue(field: field, value: text, expected: "an id (a UUID)")
        }
        return id
    }
}

extension JSONResponse {
    /// An object with one field (`{"cycles": […]}`): lists are never bare arrays.
    static func list(_ name: String, _ values: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        make([name: values], status: status)
    }

    /// No body (204).
    static var noContent: Response { Response(status: .noContent) }
}
