import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// Accounts and the audit log for administrators, and the review packets made about oneself for
/// everyone signed in (DESIGN §10.2).
///
/// - `GET /api/v1/accounts`, `POST /api/v1/accounts` (`{"handle", "roles", "password"}`; without a
///   password the answer carries a one-time set-password link, shown this once)
/// - `GET /api/v1/accounts/{handle}`, `PATCH /api/v1/accounts/{handle}` (`{"roles", "enabled",
///   "password", "passwordLink"}`)
/// - `POST /api/v1/accounts/{handle}/disable`: an account is disabled, never deleted, because the
///   audit log keeps naming it
/// - `GET /api/v1/audit?from=&to=&account=&kind=&record=&action=&limit=&offset=` (instants in ISO 8601)
/// - `GET /api/v1/me/review-packets`
///
/// Everyone but an admin gets 403 from the admin routes, before the body is read. A typed password
/// is hashed here (bcrypt, cost 12) on NIO's thread pool, and appears in no answer or log line;
/// every write is audited as `token:<id>`.
struct AccountRoutes {
    let accounts: any AccountStore
    let clock: ServerClock
    let linkBase: String

    func add(to api: RouterGroup<KataRequestContext>) {
        api.get("accounts") { _, context in
            JSONResponse.list("accounts", try await service(context, admin: true).accounts())
        }
        api.post("accounts") { request, context in
            let service = try service(context, admin: true)
            let body = try await Addition.decode(from: request, context: context)
            let added = try await service.addAccount(
                NewAccount(
                    handle: try Handle(typed: body.handle, field: "handle"), roles: try Self.roles(body.roles ?? []),
                    password: body.password))
            return JSONResponse.make(added, status: .created)
        }
        api.get("accounts/{handle}") { request, context in
            let service = try service(context, admin: true)
            let handle = try RequestValues(request, context).pathHandle("handle")
            guard let account = try await service.account(handle) else { throw DirectAccounts.unknown(handle) }
            return JSONResponse.make(account)
        }
        api.patch("accounts/{handle}") { request, context in
            let service = try service(context, admin: true)
            let handle = try RequestValues(request, context).pathHandle("handle")
            let body = try await Change.decode(from: request, context: context)
            let change = AccountChange(
                roles: try body.roles.map(Self.roles), enabled: body.enabled, password: body.password,
                passwordLink: body.passwordLink)
            return JSONResponse.make(try await service.editAccount(handle, change))
        }
        api.post("accounts/{handle}/disable") { request, context in
            let service = try service(context, admin: true)
            let handle = try RequestValues(request, context).pathHandle("handle")
            return JSONResponse.make(try await service.disableAccount(handle))
        }
        api.get("audit") { request, context in
            let service = try service(context, admin: true)
            let values = RequestValues(request, context)
            let query = AuditQuery(
                from: try values.instant("from"), to: try values.instant("to"), account: try values.handle("account"),
                kind: values.text("kind"), record: values.text("record"), action: values.text("action"),
                limit: try values.int("limit", in: 1...AuditQuery.maximumLimit) ?? 100,
                offset: try values.int("offset", in: 0...Int(Int32.max)) ?? 0)
            return JSONResponse.list("entries", try await service.audit(query))
        }
        api.get("me/review-packets") { _, context in
            JSONResponse.list("packets", try await service(context, admin: false).reviewPacketsMade(about: nil))
        }
    }

    struct Addition: StrictJSONBody {
        var handle: String
        var roles: [String]?
        var password: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case handle, roles, password }
        typealias Fields = CodingKeys
    }

    struct Change: StrictJSONBody {
        var roles: [String]?
        var enabled: Bool?
        var password: String?
        var passwordLink: Bool?
        enum CodingKeys: String, CodingKey, CaseIterable { case roles, enabled, password, passwordLink }
        typealias Fields = CodingKeys
    }

    /// The accounts as the signed-in caller may use them; with `admin`, refuses anyone else first.
    func service(_ context: KataRequestContext, admin: Bool) throws -> DirectAccounts {
        let signedIn = try context.requireSignedIn()
        if admin && !signedIn.caller.has(.admin) {
            throw KataError.forbidden(
                "only an administrator may manage accounts and read the audit log; \(signedIn.account.handle) is not "
                    + "one.")
        }
        return DirectAccounts.onServer(
            accounts, caller: signedIn.caller, source: .token(signedIn.tokenID, account: signedIn.account.handle),
            clock: clock, linkBase: linkBase)
    }

    /// Role names as sent: `["admin", "lean"]`.
    static func roles(_ names: [String]) throws -> Set<Role> { try Role.set(named: names) }
}

extension DirectAccounts {
    /// The accounts of the server as `caller` may manage them, their writes audited as `source`.
    ///
    /// Passwords are hashed off the event loops (`PasswordCheck`), set-password links made on
    /// `linkBase`. The API and the web app's admin pages both manage accounts through it, under the
    /// same rules.
    ///
    /// ```swift
    /// let service = DirectAccounts.onServer(
    ///     accounts, caller: visitor.caller, source: visitor.source, clock: clock, linkBase: linkBase)
    /// let added = try await service.addAccount(NewAccount(handle: handle, roles: [.lean]))
    /// ```
    package static func onServer(
        _ accounts: any AccountStore, caller: Caller, source: AuditSource, clock: @escaping ServerClock,
        linkBase: String
    ) -> DirectAccounts {
        DirectAccounts(
            store: accounts, caller: caller, source: source, now: clock, linkBase: { linkBase },
            hash: { try await PasswordCheck.hash($0) })
    }
}

extension RequestValues {
    /// The query value `name` as an instant in ISO 8601 (`2026-11-01T00:00:00Z`), nil when absent.
    func instant(_ name: String) throws -> Date? {
        guard let text = text(name) else { return nil }
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let date = (try? plain.parse(text)) ?? (try? fractional.parse(text)) else {
            throw KataError.invalidValue(
                field: name, value: text, expected: "an instant in ISO 8601 UTC, such as 2026-11-01T00:00:00Z")
        }
        return date
    }
}
