import Foundation
import ImprovementKata

extension ServerConnection {
    /// An answer to a read: fresh from the server, or the cached copy while it cannot be reached.
    public enum Read: Sendable {
        /// The server answered; the cache now holds this.
        case fresh(Data)
        /// The server could not be reached; this is what it sent last time, and `reason` says why
        /// it could not be asked now.
        case cached(ResponseCache.Document, reason: KataError)

        /// The JSON, wherever it came from.
        public var body: Data {
            switch self {
            case let .fresh(body): return body
            case let .cached(document, _): return Data(document.json.utf8)
            }
        }
    }

    /// GETs `path`, keeps a 2xx answer in `cache` under `key` (the server always wins), and when the
    /// server cannot be reached answers from the cache instead (DESIGN §10.4: `storyboard`, `due`).
    ///
    /// - Throws: the server's refusal; `.unavailable` when it cannot be reached and nothing is cached.
    public func read(
        _ path: String, query: [(String, String)] = [], cachingAs key: String, in cache: ResponseCache, now: Date
    ) async throws -> Read {
        do {
            let answer = try await send(.get, path, query: query)
            try? cache.store(answer.body, as: key, fetched: now)
            return .fresh(answer.body)
        } catch let error as KataError where error.kind == .unavailable {
            guard let document = try? cache.document(key) else { throw error }
            return .cached(document, reason: error)
        }
    }
}
