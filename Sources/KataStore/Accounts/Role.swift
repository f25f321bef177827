/// A role an account holds beyond coaching and learning (DESIGN §10.2): what it may see across
/// the organisation.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Lean staff: practice, roll-ups, observations and storyboards across the organisation.
    case lean
    /// Human resources: review packets, private by default.
    case hr
    /// Administrators: everything, and people, pairings, accounts, settings and imports.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}
