import ImprovementKata

extension Set where Element == Role {
    /// The roles' names in order, as listings and the API show them: `["admin", "lean"]`.
    public var names: [String] { sorted().map(\.rawValue) }
}

extension Role {
    /// Roles as the stores keep them: sorted and joined by commas, `''` for none.
    public static func stored(_ roles: Set<Role>) -> String { roles.names.joined(separator: ",") }

    /// The roles of a stored text; a name kata does not know means the database is not one it wrote.
    public static func set(stored text: String) throws -> Set<Role> {
        let roles = text.split(separator: ",").map { Role(rawValue: String($0)) }
        guard roles.allSatisfy({ $0 != nil }) else {
            throw KataError.unusableDatabase("the database holds an unknown role '\(text)'; run 'kata check'.")
        }
        return Set(roles.compactMap { $0 })
    }

    /// The roles of names as the API and the web app's forms send them: `["admin", "lean"]`; an
    /// unknown name is refused for the field `roles`.
    public static func set(named names: [String]) throws -> Set<Role> {
        Set(
            try names.map { name in
                guard let role = Role(rawValue: name) else {
                    throw KataError.invalidValue(field: "roles", value: name, expected: "lean, hr or admin")
                }
                return role
            })
    }
}
