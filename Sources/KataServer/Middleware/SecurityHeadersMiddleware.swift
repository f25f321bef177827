import HTTPTypes
import Hummingbird

/// Adds the security headers of DESIGN §10.2 to every response, errors included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// HTTPTypes names no `Referrer-Policy`; the name is valid, so this is never nil.
    private static var referrerPolicy: HTTPField.Name? { HTTPField.Name("Referrer-Policy") }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy = Self.referrerPolicy { response.headers[referrerPolicy] = "same-origin" }
        return response
    }
}
