import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// `POST /api/v1/tokens` (sign in), `GET /api/v1/tokens`, `DELETE /api/v1/tokens/{id}` (DESIGN §10.2).
package struct TokenRoutes {
    package static let wrongHandleOrPassword = "wrong handle or password."

    let accounts: any AccountDirectory
    let limiter: SignInLimiter
    let clock: ServerClock

    func add(to group: RouterGroup<KataRequestContext>) {
        group.post("tokens") { request, context in try await signIn(request, context) }
        group.get("tokens") { request, context in try await list(request, context) }
        group.delete("tokens/{id}") { request, context in try await revoke(request, context) }
    }

    struct SignIn: StrictJSONBody {
        var handle: String
        var password: String
        var name: String
        enum CodingKeys: String, CodingKey, CaseIterable { case handle, password, name }
        typealias Fields = CodingKeys
    }

    struct Made: Encodable {
        var id: String
        var token: String
        var name: String
        var handle: String
        var created: Date
    }

    struct Listed: Encodable {
        var id: String
        var name: String
        var created: Date
        var lastUsed: Date?

        init(_ token: APIToken) {
            id = token.id.wireText
            name = token.name
            created = token.created
            lastUsed = token.lastUsed
        }
    }

    /// Signs in with a handle and password and answers a new token, shown this once.
    func signIn(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let body = try await SignIn.decode(from: request, context: context)
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else {
            throw KataError.invalidValue(
                field: "name", value: body.name, expected: "1 to 100 characters naming the device, such as 'laptop'")
        }
        let now = clock()
        let account = body.handle.trimmingCharacters(in: .whitespaces).lowercased()
        let address = context.clientAddress ?? "in-process"
        if let wait = await limiter.wait(account: account, address: address, at: now) {
            let minutes = max(1, (wait + 59) / 60)
            throw APIError(
                .tooManyAttempts("too many failed sign-ins; try again in \(minutes) minute(s)."), retryAfter: wait)
        }
        var record: SignInRecord?
        if let handle = try? Handle(validating: account) { record = try await accounts.signInRecord(handle: handle) }
        let matches = await PasswordCheck.verify(body.password, against: record?.passwordHash)
        guard matches, let signedIn = record?.account, signedIn.enabled else {
            await limiter.recordFailure(account: account, address: address, at: now)
            throw KataError.notSignedIn(Self.wrongHandleOrPassword)
        }
        await limiter.recordSuccess(account: account)
        let secret = TokenSecret.make()
        let token = APIToken(id: UUID(), handle: signedIn.handle, name: name, created: now)
        try await accounts.addToken(token, sha256: TokenSecret.sha256Hex(secret))
        try await accounts.recordAudit(
            AuditEntry(
                at: now, account: signedIn.handle, via: "password", kind: "token", record: token.id.wireText,
                action: "add", detail: name))
        context.notes.account = signedIn.handle.rawValue
        let made = Made(
            id: token.id.wireText, token: secret, name: name, handle: signedIn.handle.rawValue, created: now)
        return JSONResponse.make(made, status: .created)
    }

    /// The caller's own tokens; an admin may ask for another account's with `?handle=`.
    func list(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        var handle = signedIn.account.handle
        if let asked = request.uri.queryParameters["handle"].map(String.init) {
            handle = try Handle(typed: asked)
            guard handle == signedIn.account.handle || signedIn.caller.has(.admin) else {
                throw KataError.forbidden("only an admin may list the tokens of another account.")
            }
        }
        let tokens = try await accounts.tokens(of: handle).map(Listed.init)
        return JSONResponse.make(["tokens": tokens])
    }

    /// Revokes a token of the caller's own, or any for an admin; 404 for one the caller may not see.
    func revoke(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        try await Self.revoke(
            context.parameters.get("id") ?? "", caller: signedIn.caller,
            source: .token(signedIn.tokenID, account: signedIn.account.handle), accounts: accounts, at: clock())
        return Response(status: .noContent)
    }

    /// Revokes the token whose id is `text` for `caller`, and audits it as `source`.
    ///
    /// A caller may revoke a token of their own, an admin any; one the caller may not see, or revoked
    /// already, is refused as unknown (404). `DELETE /api/v1/tokens/{id}` and the web app's
    /// `POST /admin/tokens/{id}/revoke` both revoke through it.
    ///
    /// ```swift
    /// let revoked = try await TokenRoutes.revoke(id, caller: visitor.caller, source: visitor.source,
    ///     accounts: accounts, at: clock())
    /// ```
    @discardableResult
    package static func revoke(
        _ text: String, caller: Caller, source: AuditSource, accounts: any AccountDirectory, at now: Date
    ) async throws -> APIToken {
        guard let id = UUID(uuidString: text) else {
            throw KataError.invalidValue(field: "id", value: text, expected: "a token id (a UUID)")
        }
        guard let token = try await accounts.token(id: id), token.revoked == nil,
            token.handle == caller.handle || caller.has(.admin)
        else { throw KataError.unknown(kind: "token", reference: text, hint: "See 'kata token list'.") }
        try await accounts.revokeToken(id: id, at: now)
        try await accounts.recordAudit(
            AuditEntry(at: now, by: source, kind: "token", record: id.wireText, action: "revoke"))
        return token
    }
}
