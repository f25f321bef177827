import Foundation

/// The JSON of an escalation (DESIGN §11.5): the loss flattened to `lossPerWeek` and `lossUnit`,
/// ids in lower case, `status` written for readers (and worked out again from the events when read).
extension Escalation: Codable {
    enum CodingKeys: String, CodingKey {
        case id, obstacle, to, causeUnit, affectedUnit, lossPerWeek, lossUnit, basis, fix, fixCost, toldOn, toldHow
        case status, events
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func uuid(_ key: CodingKeys) throws -> UUID {
            let text = try container.decode(String.self, forKey: key)
            guard let id = UUID(uuidString: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a UUID")
            }
            return id
        }
        let amount = try container.decodeIfPresent(Double.self, forKey: .lossPerWeek)
        let unit = try container.decodeIfPresent(String.self, forKey: .lossUnit)
        guard (amount == nil) == (unit == nil) else {
            throw KataError.missing(
                fields: [amount == nil ? "lossPerWeek" : "lossUnit"], hint: "A loss has an amount and a unit.")
        }
        try self.init(
            id: uuid(.id), obstacle: uuid(.obstacle), to: container.decode(Handle.self, forKey: .to),
            causeUnit: container.decodeIfPresent(String.self, forKey: .causeUnit),
            affectedUnit: container.decodeIfPresent(String.self, forKey: .affectedUnit),
            loss: amount.map { try WeeklyLoss(amount: $0, unit: unit ?? "") },
            basis: container.decodeIfPresent(String.self, forKey: .basis),
            fix: container.decodeIfPresent(String.self, forKey: .fix),
            fixCost: container.decodeIfPresent(FixCost.self, forKey: .fixCost),
            toldOn: container.decode(Day.self, forKey: .toldOn),
            toldHow: container.decodeIfPresent(String.self, forKey: .toldHow),
            events: container.decodeIfPresent([EscalationEvent].self, forKey: .events) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(obstacle.uuidString.lowercased(), forKey: .obstacle)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(causeUnit, forKey: .causeUnit)
        try container.encodeIfPresent(affectedUnit, forKey: .affectedUnit)
        try container.encodeIfPresent(loss?.amount, forKey: .lossPerWeek)
        try container.encodeIfPresent(loss?.unit, forKey: .lossUnit)
        try container.encodeIfPresent(basis, forKey: .basis)
        try container.encodeIfPresent(fix, forKey: .fix)
        try container.encodeIfPresent(fixCost, forKey: .fixCost)
        try container.encode(toldOn, forKey: .toldOn)
        try container.encodeIfPresent(toldHow, forKey: .toldHow)
        try container.encode(status, forKey: .status)
        try container.encode(events, forKey: .events)
    }
}

extension EscalationEvent: Codable {
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case date, action, reason, reviewBy, verifiedOn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            date: container.decode(Day.self, forKey: .date), action: container.decode(Action.self, forKey: .action),
            reason: container.decodeIfPresent(String.self, forKey: .reason),
            reviewBy: container.decodeIfPresent(Day.self, forKey: .reviewBy),
            verifiedOn: container.decodeIfPresent(Day.self, forKey: .verifiedOn))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(reviewBy, forKey: .reviewBy)
        try container.encodeIfPresent(verifiedOn, forKey: .verifiedOn)
    }
}
