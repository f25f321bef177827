import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import KataStore
import Logging
import NIOCore

/// What the server takes as now; tests pass a clock they move.
public typealias ServerClock = @Sendable () -> Date

/// Checks that the database answers, for `/readyz`; throws when it does not.
public typealias Readiness = @Sendable () async throws -> Void

/// The `kata serve` application: the API, `/healthz`, `/readyz` and `/metrics` (DESIGN §10.1).
///
/// ```swift
/// let app = try buildApplication(configuration: ServerConfiguration(), accounts: directory) { try await store.ping() }
/// try await app.runService()  // until SIGTERM or SIGINT, which drain requests in flight
/// ```
public func buildApplication(
    configuration: ServerConfiguration, accounts: any AccountStore, store: @escaping StoreForCaller,
    readiness: @escaping Readiness, clock: @escaping ServerClock = { Date() }, log: RequestLog = .standardError,
    kataVersion: String = "dev", pages: (any ServedPages)? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    var logger = Logger(label: "kata.serve")
    logger.logLevel = .notice
    let router = buildRouter(
        configuration: configuration, accounts: accounts, store: store, readiness: readiness, clock: clock, log: log,
        kataVersion: kataVersion, logger: logger, pages: pages)
    return Application(
        router: router,
        // A connection that sends nothing for this long, while idle or in the middle of a request, is closed.
        server: .http1(
            configuration: HTTP1Channel.Configuration(idleTimeout: TimeAmount.seconds(configuration.idleTimeout))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// Serves until SIGTERM or SIGINT, which let the requests in flight finish, then returns.
public func serve(
    configuration: ServerConfiguration, accounts: any AccountStore, store: @escaping StoreForCaller,
    readiness: @escaping Readiness, log: RequestLog = .standardError, kataVersion: String = "dev",
    pages: (any ServedPages)? = nil, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws {
    let application = buildApplication(
        configuration: configuration, accounts: accounts, store: store, readiness: readiness, log: log,
        kataVersion: kataVersion, pages: pages, onServerRunning: onServerRunning)
    try await application.runService()
}

/// The router of the application, with every middleware and route: `routes` lists what it serves.
///
/// `store` gives the store that answers for a caller; the data routes call it with the caller of
/// each request (DESIGN §10.3), and with `.owner` only to read the organisation's calendar.
/// `pages` (the web app) are served beside the API.
public func buildRouter(
    configuration: ServerConfiguration, accounts: any AccountStore, store: @escaping StoreForCaller,
    readiness: @escaping Readiness, clock: @escaping ServerClock = { Date() }, log: RequestLog = .standardError,
    kataVersion: String = "dev", logger: Logger = Logger(label: "kata.serve"), pages: (any ServedPages)? = nil
) -> Router<KataRequestContext> {
    let metrics = RequestMetrics()
    let authenticator = BearerAuthenticator(accounts: accounts, clock: clock)
    let limiter = SignInLimiter()
    let router = Router(context: KataRequestContext.self)
    // Outermost first: the request runs on threads that may block, and every answer, errors
    // included, gets the headers and a log line.
    router.add(middleware: RouteThreadsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware(log: log, metrics: metrics, clock: clock))
    router.add(middleware: ErrorMiddleware(bodyLimit: configuration.bodyLimit, logger: logger))
    router.add(middleware: ClientAddressMiddleware(configuration: configuration))
    router.add(middleware: APIAuthenticationMiddleware(authenticator: authenticator))

    HealthRoutes(readiness: readiness, metrics: metrics, authenticator: authenticator).add(to: router)
    let api = router.group("api/v1")
    TokenRoutes(accounts: accounts, limiter: limiter, clock: clock).add(to: api)
    MeRoute(accounts: accounts).add(to: api)
    AccountRoutes(accounts: accounts, clock: clock, linkBase: configuration.linkBase).add(to: api)
    DataRoutes(store: store, accounts: accounts, clock: clock, kataVersion: kataVersion).add(to: api)
    pages?.add(
        to: router,
        server: ServerParts(
            configuration: configuration, accounts: accounts, store: store, clock: clock, kataVersion: kataVersion,
            limiter: limiter))
    return router
}
