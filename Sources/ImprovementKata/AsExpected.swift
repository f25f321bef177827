/// The learner's answer to "Was that what you expected?" after a step is taken (DESIGN §11.4).
///
/// A result that surprised (`partly`, `no`) is how PDCA teaches: it is never a bad result.
public enum AsExpected: String, Hashable, Sendable, Codable, CaseIterable {
    case yes
    case partly
    case no

    /// Whether the result differed from the prediction, wholly or in part.
    public var surprised: Bool { self != .yes }
}
