import Foundation
import ImprovementKata
import KataStore

/// A `challenge` line: `id`*, `title`*, `description`, `owner`, `by`, `parent`.
public struct ChallengeRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["id", "title", "description", "owner", "by", "parent"]

    public var id: UUID
    public var title: String
    public var description: String?
    public var owner: Handle?
    public var by: Day?
    public var parent: UUID?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a challenge")
        id = try fields.id("id")
        title = try fields.text("title")
        description = try fields.optionalText("description")
        owner = try fields.optionalHandle("owner")
        by = try fields.optionalDay("by")
        parent = try fields.optionalID("parent")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.challenge.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(title, "title")
        try fields.put(description, "description")
        try fields.put(owner, "owner")
        try fields.put(by, "by")
        try fields.put(parent, "parent")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> Challenge {
        try Challenge(id: id, title: title, description: description, owner: owner, by: by, parent: parent)
    }
}
