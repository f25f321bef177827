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
}
