extension KataError {
    /// The error for a handle nobody has: it names the nearest of `people` ("Did you mean bo (Bo
    /// Chen)?"), or gives `hint` when no handle is near (so adding the person is suggested only then).
    public static func unknownPerson(
        _ handle: Handle, as role: String, among people: [(handle: Handle, name: String)],
        otherwise hint: String = "See 'kata person list'."
    ) -> KataError {
        let near = people.filter { handle.isNear($0.handle) }
            .map { (distance: $0.handle.editDistance(to: handle), handle: $0.handle, name: $0.name) }
            .sorted { ($0.distance, $0.handle) < ($1.distance, $1.handle) }
        guard !near.isEmpty else { return .unknown(kind: role, reference: handle.rawValue, hint: hint) }
        let named = near.prefix(3).map { "\($0.handle) (\($0.name))" }
        return .unknown(
            kind: role, reference: handle.rawValue,
            hint: "Did you mean \(named.joined(separator: " or "))? See 'kata person list'.")
    }

    /// The same, among `people`.
    public static func unknownPerson(
        _ handle: Handle, as role: String, among people: [Person], otherwise hint: String = "See 'kata person list'."
    ) -> KataError {
        unknownPerson(handle, as: role, among: people.map { ($0.handle, $0.name) }, otherwise: hint)
    }
}
