import Foundation
import Hummingbird
import KataStore

/// Routes a server serves beside its API, such as the web app of module `KataWeb` (DESIGN §10.5).
///
/// `buildRouter` hands them what the API routes use too, so that pages and API share one store,
/// one directory of accounts, one clock and one count of failed sign-ins.
///
/// ```swift
/// let router = buildRouter(configuration: configuration, accounts: store, store: scoped, readiness: ready,
///     pages: WebApp())
/// ```
public protocol ServedPages: Sendable {
    /// Adds the pages' routes to `router`.
    func add(to router: Router<KataRequestContext>, server: ServerParts)
}

/// What the server shares with the pages it serves.
public struct ServerParts: Sendable {
    public let configuration: ServerConfiguration
    public let accounts: any AccountStore
    /// The store that answers for a caller (DESIGN §10.3).
    public let store: StoreForCaller
    public let clock: ServerClock
    /// The version that review packets name as their maker.
    public let kataVersion: String
    /// The sign-in limits of DESIGN §10.2, counted across the API and the pages.
    package let limiter: SignInLimiter
}
