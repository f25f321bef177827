import Foundation
import ImprovementKata
import KataStore

/// A `person` line: `handle`*, `name`*, `unit`, `reportsTo`, `email`, `active`.
///
/// `active` may be left out: a new person is then active, and an existing one is compared as it
/// stands.
public struct PersonRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["handle", "name", "unit", "reportsTo", "email", "active"]

    public var handle: Handle
    public var name: String
    public var unit: String?
    public var reportsTo: Handle?
    public var email: String?
    public var active: Bool?

    package init(handle: Handle, name: String, unit: String?, reportsTo: Handle?, email: String?, active: Bool?) {
        self.handle = handle
        self.name = name
        self.unit = unit
        self.reportsTo = reportsTo
        self.email = email
        self.active = active
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a person")
        handle = try fields.handle("handle")
        name = try fields.text("name")
        unit = try fields.optionalText("unit")
        reportsTo = try fields.optionalHandle("reportsTo")
        email = try fields.optionalText("email")
        active = try fields.decodeIfPresent(Bool.self, forKey: FieldKey("active"))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.person.rawValue, "kind")
        try fields.put(handle, "handle")
        try fields.put(name, "name")
        try fields.put(unit, "unit")
        try fields.put(reportsTo, "reportsTo")
        try fields.put(email, "email")
        try fields.encodeIfPresent(active, forKey: FieldKey("active"))
    }

    static let allowed = Set(fields + ["kind"])

    /// The person the line describes, checked against the rules of the kata.
    package func value() throws -> Person {
        try Person(handle: handle, name: name, unit: unit, reportsTo: reportsTo, email: email, active: active ?? true)
    }
}
