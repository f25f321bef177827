import ImprovementKata

/// Which coaches a practice report covers; the conditions given all apply.
///
/// ```swift
/// PracticeFilter(unit: "Assembly")               // the coaches of one unit
/// PracticeFilter(secondCoach: try Handle(validating: "dora"))  // the coaches dora oversees
/// ```
public struct PracticeFilter: Sendable, Equatable {
    /// Only this coach.
    public var coach: Handle?
    /// Only coaches whose unit is this one.
    public var unit: String?
    /// Only coaches this 2nd coach oversees: the coach of a pairing with this 2nd coach that
    /// overlaps the period.
    public var secondCoach: Handle?

    public init(coach: Handle? = nil, unit: String? = nil, secondCoach: Handle? = nil) {
        self.coach = coach
        self.unit = unit
        self.secondCoach = secondCoach
    }

    /// An SQL condition on the `person` row aliased `p`, with the named arguments `:coach`,
    /// `:unit`, `:secondCoach`, `:from` and `:to`.
    var sql: String {
        var terms: [String] = []
        if coach != nil { terms.append("p.handle = :coach") }
        if unit != nil { terms.append("p.unit = :unit") }
        if secondCoach != nil {
            terms.append(
                """
                p.handle IN (SELECT coach FROM pairing WHERE secondCoach = :secondCoach
                    AND since <= :to AND (until IS NULL OR until >= :from))
                """)
        }
        return terms.isEmpty ? "1" : terms.joined(separator: " AND ")
    }
}
