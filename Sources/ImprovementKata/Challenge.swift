import Foundation

/// The long-range direction (6 months to 3 years out) set by management.
///
/// A challenge may sit under a parent challenge, which is how a plant's challenge cascades to its
/// value streams.
public struct Challenge: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var description: String?
    public var owner: Handle?
    /// The date the challenge is to be met by.
    public var by: Day?
    public var parent: UUID?

    /// A challenge; throws when the title is blank or it would be its own parent.
    public init(
        id: UUID = UUID(), title: String, description: String? = nil, owner: Handle? = nil, by: Day? = nil,
        parent: UUID? = nil
    ) throws {
        guard !title.isBlank else { throw KataError.missing(fields: ["title"], hint: "Say what the challenge is.") }
        guard parent != id else { throw KataError.ruleBroken("a challenge cannot be its own parent.") }
        self.id = id
        self.title = title
        self.description = description.nonBlank
        self.owner = owner
        self.by = by
        self.parent = parent
    }
}
