import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// Signs a request in from its `Authorization: Bearer kata_…` header.
struct BearerAuthenticator: Sendable {
    static let signInFirst =
        "this needs a signed-in account: send an API token (Authorization: Bearer kata_…); 'kata login URL' makes one."
    static let notValid = "the API token is not valid (revoked, unknown, or its account disabled); sign in again."

    let accounts: any AccountDirectory
    let clock: ServerClock

    /// The account the request's token signs in as; `notSignedIn` without a valid token.
    func authenticate(_ request: Request) async throws -> SignedIn {
        guard let header = request.headers[.authorization] else { throw KataError.notSignedIn(Self.signInFirst) }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw KataError.notSignedIn("the Authorization header is not 'Bearer kata_…'; " + Self.signInFirst)
        }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        guard TokenSecret.isWellFormed(secret),
            let owner = try await accounts.owner(ofToken: TokenSecret.sha256Hex(secret), at: clock()),
            owner.token.revoked == nil, owner.account.enabled, owner.token.handle == owner.account.handle
        else { throw KataError.notSignedIn(Self.notValid) }
        return SignedIn(account: owner.account, tokenID: owner.token.id)
    }
}

/// Deny by default: every request under `/api/v1` needs a signed-in account, except the
/// operations in `anonymous` (signing in itself).
struct APIAuthenticationMiddleware: RouterMiddleware {
    typealias Context = KataRequestContext

    /// The operations of the API that need no account, as `METHOD /pattern`.
    static let anonymous: Set<String> = ["POST /api/v1/tokens"]

    let authenticator: BearerAuthenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == "/api/v1" || path.hasPrefix("/api/v1/") else { return try await next(request, context) }
        if let route = context.endpointPath, Self.anonymous.contains("\(request.method) \(route)") {
            return try await next(request, context)
        }
        var context = context
        let signedIn = try await authenticator.authenticate(request)
        context.signedIn = signedIn
        context.notes.account = signedIn.account.handle.rawValue
        return try await next(request, context)
    }
}
