import Foundation
import HTTPTypes
import Hummingbird

/// Where the request log goes: one line of JSON per request (standard error by default).
public struct RequestLog: Sendable {
    let write: @Sendable (String) -> Void

    /// A log that hands each line to `write`, for tests.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Lines on the process's standard error.
    public static let standardError = RequestLog { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Logs each request and records it in the metrics, when its answer is known.
///
/// A line holds the method, the route (the matched pattern, `/api/v1/tokens/{id}`, never the raw
/// path), the status, the milliseconds and the account's handle: never a header, a query, a body,
/// a password, a token or a cookie.
///
/// ```json
/// {"account":"ann","at":"2026-11-20T09:00:00Z","method":"GET","milliseconds":2.1,"route":"/api/v1/me","status":200}
/// ```
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = KataRequestContext

    let log: RequestLog
    let metrics: RequestMetrics
    let clock: ServerClock

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.route(context.endpointPath)
        await metrics.record(
            route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        let line = Line(
            at: clock(), method: request.method.rawValue, route: route, status: response.status.code,
            milliseconds: (seconds * 10_000).rounded() / 10, account: context.notes.account)
        if let data = try? JSONResponse.encoder().encode(line) { log.write(String(decoding: data, as: UTF8.self)) }
        return response
    }

    /// The matched pattern; `unmatched` for a path no route has (its raw text may hold anything).
    static func route(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }

    private struct Line: Encodable {
        var at: Date
        var method: String
        var route: String
        var status: Int
        var milliseconds: Double
        var account: String?
    }
}
