import Foundation
import ImprovementKata

/// The kinds of record that are named by id.
public enum RecordKind: String, Sendable, CaseIterable {
    case pairing, challenge, target, condition, obstacle, experiment, cycle, observation, escalation

    /// How the kind is named in messages.
    public var noun: String {
        switch self {
        case .target: return "target condition"
        case .cycle: return "coaching cycle"
        case .condition: return "current condition"
        default: return rawValue
        }
    }

    /// The command that lists records of this kind, for hints.
    public var listCommand: String {
        switch self {
        case .pairing: return "kata pair list"
        case .challenge: return "kata challenge list"
        case .target, .condition: return "kata target list"
        case .obstacle: return "kata obstacle list"
        case .experiment: return "kata storyboard LEARNER"
        case .cycle: return "kata cycle list"
        case .observation: return "kata cycle list"
        case .escalation: return "kata escalation list"
        }
    }
}
