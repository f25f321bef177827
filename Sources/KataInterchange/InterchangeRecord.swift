import Foundation
import ImprovementKata
import KataStore

/// One line of the interchange format: a record of one kind, chosen by its `kind` property.
///
/// ```swift
/// let line = #"{"kind":"person","handle":"ann","name":"Ann Lee"}"#
/// let record = try JSONDecoder().decode(InterchangeRecord.self, from: Data(line.utf8))
/// record.kind  // .person
/// ```
public enum InterchangeRecord: Codable, Hashable, Sendable {
    case setting(SettingRecord)
    case holiday(HolidayRecord)
    case person(PersonRecord)
    case challenge(ChallengeRecord)
    case pairing(PairingRecord)
    case target(TargetRecord)
    case condition(ConditionRecord)
    case obstacle(ObstacleRecord)
    case experiment(ExperimentRecord)
    case cycle(CycleRecord)
    case observation(ObservationRecord)
    case escalation(EscalationRecord)
    case walkPlan(WalkPlanRecord)
    case walk(WalkRecord)

    public var kind: InterchangeKind {
        switch self {
        case .setting: return .setting
        case .holiday: return .holiday
        case .person: return .person
        case .challenge: return .challenge
        case .pairing: return .pairing
        case .target: return .target
        case .condition: return .condition
        case .obstacle: return .obstacle
        case .experiment: return .experiment
        case .cycle: return .cycle
        case .observation: return .observation
        case .escalation: return .escalation
        case .walkPlan: return .walkPlan
        case .walk: return .walk
        }
    }

    /// The key that names the record: the key of a setting, the date of a holiday, the handle of
    /// a person, the id of anything else.
    public var key: String {
        switch self {
        case let .setting(record): return record.key
        case let .holiday(record): return record.date.interchangeText
        case let .person(record): return record.handle.rawValue
        case let .challenge(record): return record.id.interchangeText
        case let .pairing(record): return record.id.interchangeText
        case let .target(record): return record.id.interchangeText
        case let .condition(record): return record.id.interchangeText
        case let .obstacle(record): return record.id.interchangeText
        case let .experiment(record): return record.id.interchangeText
        case let .cycle(record): return record.id.interchangeText
        case let .observation(record): return record.id.interchangeText
        case let .escalation(record): return record.id.interchangeText
        case let .walkPlan(record): return record.walker.rawValue
        case let .walk(record): return record.id.interchangeText
        }
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        let kindKey = FieldKey("kind")
        let name = try fields.decode(String.self, forKey: kindKey)
        guard let kind = InterchangeKind(rawValue: name) else {
            let kinds = InterchangeKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: kindKey, in: fields,
                debugDescription: "'\(name)' is not a kind of record; expected one of \(kinds)")
        }
        switch kind {
        case .setting: self = .setting(try SettingRecord(from: decoder))
        case .holiday: self = .holiday(try HolidayRecord(from: decoder))
        case .person: self = .person(try PersonRecord(from: decoder))
        case .challenge: self = .challenge(try ChallengeRecord(from: decoder))
        case .pairing: self = .pairing(try PairingRecord(from: decoder))
        case .target: self = .target(try TargetRecord(from: decoder))
        case .condition: self = .condition(try ConditionRecord(from: decoder))
        case .obstacle: self = .obstacle(try ObstacleRecord(from: decoder))
        case .experiment: self = .experiment(try ExperimentRecord(from: decoder))
        case .cycle: self = .cycle(try CycleRecord(from: decoder))
        case .observation: self = .observation(try ObservationRecord(from: decoder))
        case .escalation: self = .escalation(try EscalationRecord(from: decoder))
        case .walkPlan: self = .walkPlan(try WalkPlanRecord(from: decoder))
        case .walk: self = .walk(try WalkRecord(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .setting(record): try record.encode(to: encoder)
        case let .holiday(record): try record.encode(to: encoder)
        case let .person(record): try record.encode(to: encoder)
        case let .challenge(record): try record.encode(to: encoder)
        case let .pairing(record): try record.encode(to: encoder)
        case let .target(record): try record.encode(to: encoder)
        case let .condition(record): try record.encode(to: encoder)
        case let .obstacle(record): try record.encode(to: encoder)
        case let .experiment(record): try record.encode(to: encoder)
        case let .cycle(record): try record.encode(to: encoder)
        case let .observation(record): try record.encode(to: encoder)
        case let .escalation(record): try record.encode(to: encoder)
        case let .walkPlan(record): try record.encode(to: encoder)
        case let .walk(record): try record.encode(to: encoder)
        }
    }
}
