import HTTPTypes
import Hummingbird

/// Works out where the request comes from (`ClientAddress`) and sets the body limit and deadline, once, for
/// the routes after it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = KataRequestContext

    let configuration: ServerConfiguration

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.clientAddress = ClientAddress.resolve(
            request, peer: context.peerAddress, trustedProxy: configuration.trustedProxy)
        context.maxUploadSize = configuration.bodyLimit
        context.bodyDeadline = .seconds(configuration.bodyDeadline)
        return try await next(request, context)
    }
}
