import Foundation
import ImprovementKata

extension ServerConnection {
    /// GETs `path` and decodes the JSON answer.
    public func get<Result: Decodable>(_ path: String, query: [(String, String)] = [], as type: Result.Type)
        async throws -> Result
    {
        try decoded(type, from: try await send(.get, path, query: query))
    }

    /// POSTs `body` as JSON to `path` and decodes the answer.
    public func post<Result: Decodable>(_ path: String, _ body: some Encodable, as type: Result.Type)
        async throws -> Result
    {
        try decoded(type, from: try await send(.post, path, json: try WireJSON.encoder().encode(body)))
    }

    /// DELETEs `path`; any 2xx is success.
    public func delete(_ path: String) async throws {
        _ = try await send(.delete, path)
    }

    /// The answer's body decoded, or a failure that says the server spoke another language.
    func decoded<Result: Decodable>(
        _ type: Result.Type, from answer: Answer, decoder: JSONDecoder = WireJSON.decoder()
    ) throws -> Result {
        do {
            return try decoder.decode(type, from: answer.body)
        } catch {
            throw KataError.failure(
                "the server at \(url) answered with a document this kata cannot read; is it a kata server of the "
                    + "same version (kata --version)?")
        }
    }
}
