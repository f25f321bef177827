/// Someone in the organisation: a coach, a learner, a 2nd coach, or all three in different
/// pairings.
public struct Person: Hashable, Sendable, Codable {
    /// The unique handle, used to refer to the person everywhere.
    public var handle: Handle
    /// The display name.
    public var name: String
    /// The department or value stream.
    public var unit: String?
    /// The handle of the person's manager.
    public var reportsTo: Handle?
    /// An e-mail address, kept for the organisation's own records.
    public var email: String?
    /// Whether the person is still in the organisation.
    public var active: Bool

    /// A person; throws when the name is blank or the person reports to themselves.
    public init(
        handle: Handle, name: String, unit: String? = nil, reportsTo: Handle? = nil, email: String? = nil,
        active: Bool = true
    ) throws {
        guard !name.isBlank else {
            throw KataError.missing(fields: ["name"], hint: "Give the person's name with --name.")
        }
        guard reportsTo != handle else {
            throw KataError.ruleBroken("\(handle) cannot report to themselves; give their manager's handle.")
        }
        self.handle = handle
        self.name = name
        self.unit = unit.nonBlank
        self.reportsTo = reportsTo
        self.email = email.nonBlank
        self.active = active
    }
}

extension String {
    /// Whether the text holds nothing but white space.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == String {
    /// The text, or nil when it is missing or blank.
    public var nonBlank: String? {
        guard let text = self, !text.isBlank else { return nil }
        return text
    }
}
