/// The kinds of record in the interchange format (JSONL, version 1), in the order an export
/// writes them.
///
/// The order is also the order of dependence: every reference points to a kind earlier in the
/// list, except a person's `reportsTo` and a challenge's `parent`, which point to their own kind.
/// The calendar (settings and holidays) comes first: it refers to nothing.
public enum InterchangeKind: String, Sendable, CaseIterable, Comparable, Codable {
    case setting, holiday, person, challenge, pairing, target, condition, obstacle, experiment, cycle, observation,
        escalation
    /// Leaders' walks and their plans (DESIGN §11.2): last, as kinds added later are.
    case walkPlan, walk

    /// The position in export order.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// How one record of the kind is named in messages.
    public var noun: String {
        switch self {
        case .target: return "target condition"
        case .condition: return "current condition"
        case .cycle: return "coaching cycle"
        case .walkPlan: return "walk plan"
        default: return rawValue
        }
    }

    /// How several records of the kind are named in summaries.
    public var plural: String {
        switch self {
        case .person: return "people"
        case .target: return "target conditions"
        case .condition: return "current conditions"
        case .cycle: return "coaching cycles"
        case .walkPlan: return "walk plans"
        default: return rawValue + "s"
        }
    }

    public static func < (lhs: InterchangeKind, rhs: InterchangeKind) -> Bool { lhs.rank < rhs.rank }
}
