import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import Logging
import NIOCore

/// Turns whatever a route throws into the JSON error of the wire contract.
///
/// A `KataError` answers with its kind's status and its own message; Hummingbird's refusals (no
/// such route, a body over the limit) with theirs; anything else with a 500 and a generic message,
/// so that no raw text (a database's message, a file path) reaches the caller.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as KataError {
            return APIError(error).response()
        } catch let error as HTTPError {
            return answer(to: error, request: request)
        } catch let timeout as BodyTimeout {
            var response = APIError(.usage(timeout.message)).response(status: .requestTimeout, code: "timeout")
            response.headers[.connection] = "close"
            return response
        } catch is NIOTooManyBytesError {
            return answer(to: HTTPError(.contentTooLarge), request: request)
        } catch {
            // Only the type: the text of an unexpected error may hold anything.
            logger.error("unexpected error", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return APIError(.failure("the server failed to answer; the details are in its log.")).response()
        }
    }

    private func answer(to error: HTTPError, request: Request) -> Response {
        switch error.status {
        case .contentTooLarge:
            let megabytes = bodyLimit / (1024 * 1024)
            return APIError(.usage("the request body is larger than \(megabytes) MB; send less at a time."))
                .response(status: .contentTooLarge, code: "too-large")
        case .notFound:
            return APIError(.unknown(kind: "route", reference: request.uri.path, hint: "See Schema/openapi.yaml."))
                .response()
        case .methodNotAllowed:
            return APIError(.usage("\(request.method) is not an operation of \(request.uri.path)."))
                .response(status: .methodNotAllowed, code: "usage")
        default:
            guard error.status.code < 500 else {
                return APIError(.failure("the server failed to answer.")).response(
                    status: error.status, code: "failure")
            }
            let message = "the request was refused: \(error.status.reasonPhrase)."
            return APIError(.reported(kind: .invalid, code: "invalid-value", message: message, field: nil))
                .response(status: error.status, code: "invalid-value")
        }
    }
}
