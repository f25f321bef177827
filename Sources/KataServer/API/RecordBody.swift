import Foundation
import Hummingbird
import ImprovementKata
import KataStore

/// A domain record taken as a body: decoded with the wire's decoder, then rebuilt through its
/// throwing initializer so that a body cannot skip a rule the command line enforces.
protocol RecordBody: Codable {
    /// The record as its initializer makes it, or the rule it breaks.
    func revalidated() throws -> Self
}

extension DataRoutes {
    /// Decodes a record; a field the record does not have is refused by name.
    ///
    /// The fields a record has are those it encodes: any field of the body with a value that the
    /// decoded record does not write back is one it does not know.
    func record<Record: RecordBody>(_ type: Record.Type, _ request: Request, _ context: KataRequestContext)
        async throws -> Record
    {
        let bytes = try await StrictJSON.data(of: request, context: context)
        let sent = try StrictJSON.decode([String: JSONValue].self, from: bytes, fields: [], unknownAllowed: true)
        let record = try StrictJSON.decode(type, from: bytes, fields: [], unknownAllowed: true)
        let written = try Wire.decoder.decode([String: JSONValue].self, from: Wire.encoder.encode(record))
        if let unknown = sent.filter({ $0.value != .null && written[$0.key] == nil }).keys.sorted().first {
            throw KataError.invalidValue(
                field: unknown, value: "an unknown field",
                expected: "only " + written.keys.sorted().joined(separator: ", "))
        }
        return try record.revalidated()
    }
}

/// Any JSON value, to compare the fields of a body with those of a record.
enum JSONValue: Codable, Equatable {
    case null
    case value

    init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeNil() ? .null : .value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

extension Person: RecordBody {
    func revalidated() throws -> Person {
        try Person(handle: handle, name: name, unit: unit, reportsTo: reportsTo, email: email, active: active)
    }
}

extension Pairing: RecordBody {
    func revalidated() throws -> Pairing {
        try Pairing(id: id, coach: coach, learner: learner, secondCoach: secondCoach, since: since, until: until)
    }
}

extension Challenge: RecordBody {
    func revalidated() throws -> Challenge {
        try Challenge(id: id, title: title, description: description, owner: owner, by: by, parent: parent)
    }
}

extension TargetCondition: RecordBody {
    func revalidated() throws -> TargetCondition {
        try TargetCondition(
            id: id, learner: learner, focusProcess: focusProcess, condition: condition, achieveBy: achieveBy,
            challenge: challenge, outcomeMetrics: outcomeMetrics.map { try $0.revalidated() },
            processMetrics: processMetrics.map { try $0.revalidated() }, createdOn: createdOn, status: status,
            closedOn: closedOn, reflection: reflection, amendments: amendments)
    }
}

extension CurrentCondition: RecordBody {
    func revalidated() throws -> CurrentCondition {
        try CurrentCondition(
            id: id, target: target, date: date, text: text,
            metrics: metrics.map { try MetricValue(name: $0.name, value: $0.value, unit: $0.unit) })
    }
}

extension Obstacle: RecordBody {
    func revalidated() throws -> Obstacle {
        try Obstacle(id: id, target: target, text: text, status: status, createdOn: createdOn, closedOn: closedOn)
    }
}

extension Observation: RecordBody {
    func revalidated() throws -> Observation {
        try Observation(
            id: id, date: date, secondCoach: secondCoach, coach: coach, cycle: cycle, notes: notes, focus: focus,
            trigger: trigger)
    }
}

extension Metric {
    func revalidated() throws -> Metric { try Metric(name: name, target: target, unit: unit) }
}
