import Foundation
import Hummingbird
import KataClient
import Logging
import NIOCore

/// A tiny kata server for the client's tests: the few routes of the wire contract, on an
/// ephemeral loopback port, with its state in memory. It stops when `with`'s body returns.
struct WireServer: Sendable {
    /// What the server holds and what it was sent.
    actor State {
        var passwords: [String: String] = ["ann": "correct horse battery"]
        /// Token → (id, handle, name); a revoked token is removed.
        var tokens: [String: (id: UUID, handle: String, name: String)] = [:]
        /// Records stored, by id, with their bodies.
        var records: [String: String] = [:]
        /// How many times each record id was posted.
        var posts: [String: Int] = [:]
        /// Ids refused with 409 and this message.
        var refusals: [String: String] = [:]
        /// Every record id posted, in the order the posts came.
        var postOrder: [String] = []

        func refuse(_ id: UUID, _ message: String) { refusals[id.uuidString.lowercased()] = message }
        func postCount(_ id: UUID) -> Int { posts[id.uuidString.lowercased()] ?? 0 }
        func isStored(_ id: UUID) -> Bool { records[id.uuidString.lowercased()] != nil }
        func tokenNames() -> [String] { tokens.values.map(\.name) }
        func tokenID(of token: String) -> UUID? { tokens[token]?.id }
        func handle(of token: String) -> String? { tokens[token]?.handle }

        func issue(handle: String, name: String) -> (id: UUID, token: String) {
            let id = UUID()
            let token = "kata_" + (0..<64).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
            tokens[token] = (id, handle, name)
            return (id, token)
        }

        func revoke(_ id: String) -> Bool {
            guard let token = tokens.first(where: { $0.value.id.uuidString.lowercased() == id })?.key else {
                return false
            }
            tokens[token] = nil
            return true
        }

        /// 201 for a new record, 200 for the same again, 409 for a refused id.
        func post(id: String, body: String) -> (status: HTTPResponse.Status, message: String?) {
            posts[id, default: 0] += 1
            postOrder.append(id)
            if let message = refusals[id] { return (.conflict, message) }
            if records[id] != nil { return (.ok, nil) }
            records[id] = body
            return (.created, nil)
        }
    }

    let url: String
    let state: State

    /// A connection with a new token of ann's.
    func signedInConnection() async throws -> ServerConnection {
        try ServerConnection(url: url, token: await state.issue(handle: "ann", name: "laptop").token)
    }

    /// Runs `body` with a server listening on 127.0.0.1, then stops the server.
    static func with<T>(_ body: (WireServer) async throws -> T) async throws -> T {
        let state = State()
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = await Application(
            router: router(state), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            }, logger: quiet)
        let task = Task { try await app.run() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        let result = try await body(WireServer(url: "http://127.0.0.1:\(port)", state: state))
        task.cancel()
        _ = await task.result
        return result
    }

    /// The server's own log lines (started, stopped) say nothing a test reads.
    private static let quiet: Logger = {
        var logger = Logger(label: "wire-server")
        logger.logLevel = .critical
        return logger
    }()

    private static func router(_ state: State) async -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/api/v1/tokens") { request, _ -> Response in
            let fields = try await object(request)
            let handle = fields["handle"] as? String ?? ""
            guard let password = fields["password"] as? String, await state.passwords[handle] == password else {
                return error(.unauthorized, "not-signed-in", "wrong handle or password.")
            }
            let name = fields["name"] as? String ?? ""
            let (id, token) = await state.issue(handle: handle, name: name)
            return json(
                .created,
                [
                    "id": id.uuidString.lowercased(), "token": token, "name": name, "handle": handle,
                    "created": "2026-11-20T09:00:00Z",
                ])
        }
        router.get("/api/v1/tokens") { request, _ -> Response in
            guard let caller = await signedIn(request, state) else { return notSignedIn() }
            let tokens = await state.tokens.values.filter { $0.handle == caller }
                .map { ["id": $0.id.uuidString.lowercased(), "name": $0.name, "created": "2026-11-20T09:00:00Z"] }
            return json(.ok, ["tokens": tokens])
        }
        router.delete("/api/v1/tokens/:id") { request, context -> Response in
            guard await signedIn(request, state) != nil else { return notSignedIn() }
            guard await state.revoke(context.parameters.get("id") ?? "") else {
                return error(.notFound, "unknown", "no token with that id.")
            }
            return Response(status: .noContent)
        }
        router.get("/api/v1/due") { request, _ -> Response in
            guard await signedIn(request, state) != nil else { return notSignedIn() }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"learners":["bo"]}"#)))
        }
        for path in ["/api/v1/cycles", "/api/v1/observations"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                guard await signedIn(request, state) != nil else { return notSignedIn() }
                let text = String(buffer: try await request.body.collect(upTo: 1 << 20))
                let fields = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
                guard let id = (fields["id"] as? String)?.lowercased() else {
                    return error(.badRequest, "missing", "missing id.", field: "id")
                }
                let (status, message) = await state.post(id: id, body: text)
                if let message { return error(status, "rule-broken", message) }
                return json(status, fields)
            }
        }
        return router
    }

    private static func signedIn(_ request: Request, _ state: State) async -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return await state.handle(of: String(value.dropFirst(7)))
    }

    private static func object(_ request: Request) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    private static func json(_ status: HTTPResponse.Status, _ value: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
        return Response(status: status, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func error(_ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil)
        -> Response
    {
        var detail = ["code": code, "message": message]
        detail["field"] = field
        return json(status, ["error": detail])
    }

    private static func notSignedIn() -> Response {
        error(.unauthorized, "not-signed-in", "the token is not valid; sign in again with 'kata login'.")
    }
}
