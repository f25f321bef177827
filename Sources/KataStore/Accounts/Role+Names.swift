extension Set where Element == Role {
    /// The roles' names in order, as listings and the API show them: `["admin", "lean"]`.
    public var names: [String] { sorted().map(\.rawValue) }
}
