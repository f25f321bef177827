import AsyncHTTPClient
import Foundation
import ImprovementKata
import NIOCore
import NIOHTTP1

/// One kata server and the token to call it with: the transport every client operation goes through.
///
/// An answer outside 2xx becomes the `KataError` the server reported (`KataError.reported`), so that
/// the command line prints the server's message and exits as it would against a file; a server that
/// cannot be reached is `KataError.unavailable` (exit 69).
///
/// ```swift
/// let server = try ServerConnection(url: "https://kata.example.org", token: credentials.token)
/// let answer = try await server.send(.get, "/api/v1/me")
/// ```
public struct ServerConnection: Sendable {
    /// The server's base URL, without a trailing slash (`https://kata.example.org`).
    public let url: String
    /// The API token sent as `Authorization: Bearer`, nil before signing in.
    public let token: String?
    /// How long one request may take, connecting included.
    public let timeout: Duration

    /// How long a request may take unless told otherwise: `KATA_TIMEOUT` seconds of the process's
    /// environment when it is a whole number from 1 to 600 (the command line checks it and says so
    /// when it is not), else 10.
    public static let defaultTimeout: Duration =
        (try? timeout(environment: ProcessInfo.processInfo.environment)) ?? .seconds(10)

    /// The wait `KATA_TIMEOUT` asks for in `environment`: whole seconds from 1 to 600, 10 when it is
    /// not set; anything else is refused naming it.
    public static func timeout(environment: [String: String]) throws -> Duration {
        guard let text = environment["KATA_TIMEOUT"] else { return .seconds(10) }
        guard let seconds = Int(text), (1...600).contains(seconds) else {
            throw KataError.invalidValue(field: "KATA_TIMEOUT", value: text, expected: "whole seconds from 1 to 600")
        }
        return .seconds(seconds)
    }

    /// Answers larger than this are refused rather than held in memory (exports go elsewhere).
    static let largestAnswer = 64 * 1024 * 1024

    /// A connection to the server at `url` (`http://` or `https://`, host, optional port and path).
    public init(url: String, token: String? = nil, timeout: Duration = ServerConnection.defaultTimeout) throws {
        self.url = try ServerConnection.normalised(url)
        self.token = token
        self.timeout = timeout
    }

    /// The HTTP methods the API uses.
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case patch = "PATCH"
        case put = "PUT"
        case delete = "DELETE"
    }

    /// What the server answered with a 2xx status.
    public struct Answer: Sendable {
        public var status: Int
        public var body: Data
    }

    /// Sends one request and returns a 2xx answer; any other status throws the server's error.
    ///
    /// - Parameters:
    ///   - path: the path under the base URL, starting with `/` (`/api/v1/tokens`).
    ///   - query: query items, percent-encoded here.
    ///   - json: a JSON body, sent with `Content-Type: application/json`.
    public func send(_ method: Method, _ path: String, query: [(String, String)] = [], json: Data? = nil)
        async throws -> Answer
    {
        var request = HTTPClientRequest(url: url + path + ServerConnection.queryString(query))
        request.method = HTTPMethod(rawValue: method.rawValue)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "kata")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await ServerConnection.client.execute(request, timeout: .init(timeout))
            body = try await response.body.collect(upTo: ServerConnection.largestAnswer)
        } catch {
            throw unreachable(error)
        }
        let data = Data(body.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            throw ErrorAnswer.error(status: status, body: data, retryAfter: response.headers.first(name: "Retry-After"))
        }
        return Answer(status: status, body: data)
    }

    /// `KataError.unavailable` for a request that got no answer, with the reason in words.
    func unreachable(_ error: any Error) -> KataError {
        .unavailable("cannot reach the server at \(url): \(ServerConnection.reason(error, timeout: timeout)).")
    }

    /// One HTTP client for the process.
    ///
    /// A command makes a few requests, so a connection that is refused fails at once instead of
    /// being retried until the timeout (a coach at the gemba wants the cache or the outbox, not a wait).
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .seconds(10), read: .seconds(max(30, defaultTimeout.components.seconds)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}

extension TimeAmount {
    /// The same span in NIO's unit.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
