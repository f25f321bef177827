import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore
import NIOCore

/// A request body decoded strictly: UTF-8 JSON, an object, no field the type does not name, and
/// every wrong value refused naming its field.
///
/// ```swift
/// struct SignIn: StrictJSONBody {
///     var handle: String
///     enum CodingKeys: String, CodingKey, CaseIterable { case handle }
///     typealias Fields = CodingKeys
/// }
/// let body = try await SignIn.decode(from: request, context: context)
/// ```
public protocol StrictJSONBody: Decodable {
    /// The fields the body may have (its `CodingKeys`).
    associatedtype Fields: CodingKey & CaseIterable
}

extension StrictJSONBody {
    /// Reads and decodes the body of `request`, at most `context.maxUploadSize` bytes (else 413).
    public static func decode(from request: Request, context: some RequestContext) async throws -> Self {
        try decode(try await StrictJSON.data(of: request, context: context))
    }

    /// Decodes `data`, throwing a `KataError` that names the field at fault (never echoing a value
    /// the body held: it may be a password).
    public static func decode(_ data: Data) throws -> Self {
        try StrictJSON.decode(Self.self, from: data, fields: Fields.allCases.map(\.stringValue))
    }
}

/// Strict decoding of any body the API takes: the seam's own types with their field lists.
public enum StrictJSON {
    /// Reads the body of `request`, at most `context.maxUploadSize` bytes (else 413), within the
    /// server's body deadline (else 408).
    public static func data(of request: Request, context: some RequestContext) async throws -> Data {
        let deadline = (context as? KataRequestContext)?.bodyDeadline ?? BodyDeadline.standard
        let buffer = try await BodyDeadline.collect(request, upTo: context.maxUploadSize, within: deadline)
        return Data(buffer.readableBytesView)
    }

    /// Decodes `data` as `type`: UTF-8, a JSON object, none but `fields`, every wrong value refused
    /// naming its field.
    public static func decode<Body: Decodable>(
        _ type: Body.Type, from data: Data, fields known: [String], decoder: JSONDecoder = Wire.decoder,
        unknownAllowed: Bool = false
    ) throws -> Body {
        guard String(validating: data, as: UTF8.self) != nil else {
            throw KataError.invalidValue(field: "body", value: "bytes that are not UTF-8", expected: "JSON in UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw KataError.invalidValue(field: "body", value: "malformed JSON", expected: "a JSON object")
        }
        guard let fields = object as? [String: Any] else {
            throw KataError.invalidValue(field: "body", value: "JSON that is not an object", expected: "a JSON object")
        }
        if !unknownAllowed, let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw KataError.invalidValue(
                field: unknown, value: "an unknown field", expected: "only " + known.joined(separator: ", "))
        }
        do {
            return try decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw refusal(error)
        }
    }

    private static func refusal(_ error: DecodingError) -> KataError {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "body" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case let .keyNotFound(key, context):
            return .missing(fields: [path(context, key)], hint: "The body needs it.")
        case let .typeMismatch(type, context):
            return .invalidValue(field: path(context), value: "a value of another type", expected: describe(type))
        case let .valueNotFound(type, context):
            return .invalidValue(field: path(context), value: "null", expected: describe(type))
        case let .dataCorrupted(context):
            return .invalidValue(
                field: path(context), value: "a value of the wrong form", expected: "its documented form")
        @unknown default:
            return .invalidValue(field: "body", value: "a body of the wrong form", expected: "its documented form")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        default: return "a value of its documented type"
        }
    }
}
