import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
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
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try decode(Data(buffer.readableBytesView))
    }

    /// Decodes `data`, throwing a `KataError` that names the field at fault (never echoing a value
    /// the body held: it may be a password).
    public static func decode(_ data: Data) throws -> Self {
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
        let known = Fields.allCases.map(\.stringValue)
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw KataError.invalidValue(
                field: unknown, value: "an unknown field", expected: "only " + known.joined(separator: ", "))
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Self.self, from: data)
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
