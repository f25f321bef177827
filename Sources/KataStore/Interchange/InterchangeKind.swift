/// The kinds of record in the interchange format (JSONL, version 1), in the order an export
/// writes them.
///
/// The order is also the order of dependence: every reference points to a kind earlier in the
/// list, except a person's `reportsTo` and a challenge's `parent`, which point to their own kind.
public enum InterchangeKind: String, Sendable, CaseIterable, Comparable, Codable {
    case person, challenge, pairing, target, condition, obstacle, experiment, cycle, observation

    /// The position in export order.
    public var rank: Int {
        switch self {
        case .person: return 0
        case .challenge: return 1
        case .pairing: return 2
        case .target: return 3
        case .condition: return 4
        case .obstacle: return 5
        case .experiment: return 6
        case .cycle: return 7
        case .observation: return 8
        }
    }

    /// How one record of the kind is named in messages.
    public var noun: String {
        switch self {
        case .target: return "target condition"
        case .condition: return "current condition"
        case .cycle: return "coaching cycle"
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
        default: return rawValue + "s"
        }
    }

    public static func < (lhs: InterchangeKind, rhs: InterchangeKind) -> Bool { lhs.rank < rhs.rank }
}
