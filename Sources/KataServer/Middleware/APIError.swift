import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata

/// A refusal as the API answers it: the JSON error of the wire contract and its HTTP status.
///
/// ```json
/// {"error": {"code": "invalid-value", "message": "date: '2026-13-01' is not valid; …", "field": "date"}}
/// ```
package struct APIError: Error, Sendable {
    var error: KataError
    /// Seconds to wait, sent as `Retry-After` (with 429).
    var retryAfter: Int?

    init(_ error: KataError, retryAfter: Int? = nil) {
        self.error = error
        self.retryAfter = retryAfter
    }

    /// The status for each kind of `KataError`.
    package static func status(for kind: KataError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .usage, .invalid: return .badRequest
        case .notFound, .missingFile: return .notFound
        case .conflict: return .conflict
        case .notSignedIn: return .unauthorized
        case .forbidden: return .forbidden
        case .tooManyAttempts: return .tooManyRequests
        case .unavailable: return .serviceUnavailable
        case .failure: return .internalServerError
        }
    }

    func response() -> Response {
        response(status: Self.status(for: error.kind), code: error.code)
    }

    /// The answer with `status` and `code`, for errors whose status is not their kind's (413).
    func response(status: HTTPResponse.Status, code: String) -> Response {
        let body = Body(error: .init(code: code, message: error.description, field: error.field))
        var response = JSONResponse.make(body, status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
    }
}
