import Foundation
import KataInterchange
import KataStore

/// An escalation of one of a learner's obstacles, as the demo makes it up (dates are offsets in
/// the demo's days).
struct DemoEscalationRecord {
    struct Event {
        var date: Int
        var action: String
        var reason: String?
        var reviewBy: Int?
        var verifiedOn: Int?
    }

    var id: String
    var obstacle: String
    var to: String
    var causeUnit: String
    var lossPerWeek: Int
    var basis: String
    var fix: String
    var fixCost: String
    var toldOn: Int
    var events: [Event]
}

extension DemoLearnerStory {
    /// Escalations of about one obstacle in six, to the unit's head or the plant manager, caused by
    /// another unit: some answered (accepted and resolved, or declined with a reason), some left
    /// waiting, a few zero-cost ones deferred without a review date, so that `kata losses` shows
    /// something true on the first try.
    func escalations(
        deciders: [String], causeUnits: [String], random: inout DemoRandom
    ) -> [DemoEscalationRecord] {
        guard !deciders.isEmpty, !causeUnits.isEmpty else { return [] }
        let last = calendar.days - 1
        var made: [DemoEscalationRecord] = []
        for obstacle in obstacles where random.chance(0.17) {
            let toldOn = obstacle.createdOn + random.int(1...4)
            guard toldOn <= last, obstacle.closedOn.map({ toldOn < $0 }) ?? true else { continue }
            let zeroCost = random.chance(0.4)
            var escalation = DemoEscalationRecord(
                id: random.uuidText(), obstacle: obstacle.id, to: random.pick(deciders),
                causeUnit: random.pick(causeUnits), lossPerWeek: random.pick([300, 450, 600, 900, 1200, 1800, 2400]),
                basis: random.pick(Self.bases), fix: random.pick(Self.fixes),
                fixCost: zeroCost ? "none" : random.chance(0.7) ? "operating" : "capital", toldOn: toldOn, events: [])
            let answeredOn = toldOn + random.int(2...20)
            let fate = random.double(0...1)
            if fate < 0.4, answeredOn <= last {
                escalation.events.append(.init(date: answeredOn, action: "accepted"))
                let resolvedOn = answeredOn + random.int(3...20)
                if resolvedOn <= last {
                    escalation.events.append(
                        .init(
                            date: resolvedOn, action: "resolved",
                            verifiedOn: min(last, resolvedOn + random.int(0...3))))
                }
            } else if fate < 0.55, answeredOn <= last {
                escalation.events.append(.init(date: answeredOn, action: "declined", reason: random.pick(Self.reasons)))
            } else if fate < 0.7, answeredOn <= last {
                // Zero-cost ones put off without a date; the others to a review that may be past.
                escalation.events.append(
                    .init(
                        date: answeredOn, action: "deferred",
                        reviewBy: zeroCost ? nil : answeredOn + random.int(14...45)))
            }
            made.append(escalation)
        }
        return made
    }

    static let bases = [
        "2 stops a shift of 15 min, 3 operators", "30 min a day searching, 2 people", "Scrap of 4 parts a shift",
        "One late truck a week, overtime of 6 h", "Rework of 10 units a day",
    ]
    static let fixes = [
        "Kanban loop from the supermarket", "Move the rack 5 m closer", "Agree a fixed delivery window",
        "Standard work for the changeover", "Spare fixture at the station",
    ]
    static let reasons = [
        "Supplier contract runs until June", "Layout change planned for next year", "Needs a budget we do not have",
    ]
}

extension DemoLines {
    /// The escalation lines of `rows`.
    static func write(_ rows: [DemoEscalationRecord], _ writer: InterchangeWriter, day: (Int?) -> String?) throws {
        for row in rows {
            writer.beginLine(kind: InterchangeKind.escalation.rawValue)
            writer.field("id", row.id)
            writer.field("obstacle", row.obstacle)
            writer.field("to", row.to)
            writer.field("causeUnit", row.causeUnit)
            writer.field("lossPerWeek", number: Double(row.lossPerWeek))
            writer.field("lossUnit", "EUR")
            writer.field("basis", row.basis)
            writer.field("fix", row.fix)
            writer.field("fixCost", row.fixCost)
            writer.field("toldOn", day(row.toldOn))
            writer.field("toldHow", "at the storyboard")
            writer.list("events", row.events) { writer, event in
                writer.field("date", day(event.date))
                writer.field("action", event.action)
                writer.field("reason", event.reason)
                writer.field("reviewBy", day(event.reviewBy))
                writer.field("verifiedOn", day(event.verifiedOn))
            }
            try writer.endLine()
        }
    }
}
