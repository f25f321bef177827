import Foundation
import HTTPTypes
import Hummingbird
import KataStore

/// JSON answers in the API's spelling: interchange field names, instants in ISO 8601 UTC with `Z`.
enum JSONResponse {
    /// The encoder of every JSON the server writes, answers and log lines alike: the wire's.
    static func encoder() -> JSONEncoder { Wire.encoder }

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        // Encoding the API's own plain structs cannot fail; should it, the answer is still JSON.
        let data = (try? Wire.encode(value)) ?? Data(#"{"error":{"code":"failure","message":"failed."}}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A plain-text answer (`/healthz`, `/metrics`).
    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
