import ImprovementKata

/// Changes to a person (`kata person edit`); nil leaves a value as it is.
public struct PersonChange: Sendable, Equatable, Codable {
    /// Whose record.
    public var handle: Handle
    public var name: String?
    /// The new unit; an empty text clears it.
    public var unit: String?
    /// The new manager: `.some(nil)` clears it.
    public var reportsTo: Handle??
    /// The new e-mail; an empty text clears it.
    public var email: String?
    public var active: Bool?

    public init(
        handle: Handle, name: String? = nil, unit: String? = nil, reportsTo: Handle?? = nil, email: String? = nil,
        active: Bool? = nil
    ) {
        self.handle = handle
        self.name = name
        self.unit = unit
        self.reportsTo = reportsTo
        self.email = email
        self.active = active
    }

    /// `person` with the change applied, checked as a new person would be.
    public func applied(to person: Person) throws -> Person {
        try Person(
            handle: person.handle, name: name ?? person.name, unit: unit ?? person.unit,
            reportsTo: reportsTo ?? person.reportsTo, email: email ?? person.email, active: active ?? person.active)
    }
}
