import Foundation
import ImprovementKata

/// The error body of the wire contract: `{"error": {"code", "message", "field"}}`.
struct ErrorAnswer: Codable, Sendable {
    struct Detail: Codable, Sendable {
        var code: String
        var message: String
        var field: String?
    }

    var error: Detail

    /// The `KataError` for an answer outside 2xx: the server's code, message and field, with the
    /// kind its status stands for.
    static func error(status: Int, body: Data, retryAfter: String?) -> KataError {
        let kind = kind(status: status, code: nil)
        guard let answer = try? JSONDecoder().decode(ErrorAnswer.self, from: body) else {
            var message = "the server answered \(status) without saying why"
            if status == 429, let retryAfter { message += "; try again in \(retryAfter) seconds" }
            return .reported(kind: kind, code: kind.rawValue, message: message + ".", field: nil)
        }
        let detail = answer.error
        return .reported(
            kind: self.kind(status: status, code: detail.code), code: detail.code, message: detail.message,
            field: detail.field)
    }

    /// The kind a status stands for (400 is a usage error only when the code says so).
    static func kind(status: Int, code: String?) -> KataError.Kind {
        switch status {
        case 400: return code == "usage" || code == "missing" ? .usage : .invalid
        case 401: return .notSignedIn
        case 403: return .forbidden
        case 404: return .notFound
        case 409: return .conflict
        case 429: return .tooManyAttempts
        case 503: return .unavailable
        case 400..<500: return .invalid
        default: return .failure
        }
    }
}
