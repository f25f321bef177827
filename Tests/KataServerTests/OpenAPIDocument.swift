import Foundation
import HTTPTypes
import HummingbirdTesting
import Yams

/// `Schema/openapi.yaml`, read for checking a running server against it: which operations it
/// documents, which statuses each may answer, and the fields each JSON answer must have.
///
/// The data routes add their operations to the document and their example calls to the tests'
/// table; the checks here need no change.
/// Sendable by hand: `root` is the parsed YAML, plain values that nothing changes after loading.
struct OpenAPIDocument: @unchecked Sendable {
    /// An operation: `GET /api/v1/me`.
    struct Operation: Hashable, Comparable, CustomStringConvertible, Sendable {
        var method: String
        var path: String

        var description: String { "\(method) \(path)" }
        static func < (lhs: Operation, rhs: Operation) -> Bool { lhs.description < rhs.description }
    }

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    private let root: [String: Any]

    /// Reads the document from the package's `Schema/` folder.
    static func load() throws -> OpenAPIDocument {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: package.appendingPathComponent("Schema/openapi.yaml"), encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else {
            throw DocumentError("Schema/openapi.yaml is not a YAML mapping")
        }
        return OpenAPIDocument(root: root)
    }

    var version: String? { root["openapi"] as? String }

    /// Every documented operation.
    var operations: Set<Operation> {
        let paths = root["paths"] as? [String: Any] ?? [:]
        return Set(
            paths.flatMap { path, item in
                ((item as? [String: Any]) ?? [:]).keys.filter(Self.methods.contains).map {
                    Operation(method: $0.uppercased(), path: path)
                }
            })
    }

    /// What is wrong with `response` as an answer to `operation`: an undocumented status, a missing
    /// required field of its JSON body (nested objects and arrays of objects included). Empty when
    /// it is as documented.
    func problems(with response: TestResponse, to operation: Operation) -> [String] {
        guard let item = (root["paths"] as? [String: Any])?[operation.path] as? [String: Any],
            let spec = item[operation.method.lowercased()] as? [String: Any],
            let responses = spec["responses"] as? [String: Any]
        else { return ["\(operation) is not documented"] }
        guard let documented = responses[String(response.status.code)].map(resolved) as? [String: Any] else {
            return ["\(operation) answered \(response.status.code), which is not documented: \(response.text)"]
        }
        guard let content = documented["content"] as? [String: Any],
            let json = content["application/json"] as? [String: Any], let schema = json["schema"]
        else { return [] }
        guard let body = try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) else {
            return ["\(operation) answered \(response.status.code) with a body that is not JSON: \(response.text)"]
        }
        return missingFields(in: body, schema: schema, at: "\(operation) \(response.status.code)")
    }

    private func missingFields(in value: Any, schema: Any, at place: String) -> [String] {
        guard let schema = resolved(schema) as? [String: Any] else { return [] }
        if let items = schema["items"], let array = value as? [Any] {
            return array.enumerated().flatMap { missingFields(in: $1, schema: items, at: "\(place)[\($0)]") }
        }
        guard let object = value as? [String: Any] else { return [] }
        let required = schema["required"] as? [String] ?? []
        var problems = required.filter { object[$0] == nil }.map { "\(place): no '\($0)'" }
        if schema["additionalProperties"] as? Bool == false {
            let properties = (schema["properties"] as? [String: Any] ?? [:]).keys
            problems += object.keys.filter { !properties.contains($0) }.sorted().map {
                "\(place): '\($0)' is not documented"
            }
        }
        for (name, property) in schema["properties"] as? [String: Any] ?? [:] {
            if let nested = object[name] {
                problems += missingFields(in: nested, schema: property, at: "\(place).\(name)")
            }
        }
        return problems
    }

    /// Follows a `$ref` within the document.
    private func resolved(_ value: Any) -> Any {
        guard let reference = (value as? [String: Any])?["$ref"] as? String, reference.hasPrefix("#/") else {
            return value
        }
        var node: Any = root
        for key in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(key)] else { return value }
            node = next
        }
        return resolved(node)
    }

    struct DocumentError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
