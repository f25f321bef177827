import Foundation
import ImprovementKata
import KataStore

extension InterchangeWriter {
    /// Writes the line of `escalation` with its events inline, the same bytes from every store.
    package func write(_ escalation: Escalation) throws {
        beginLine(kind: InterchangeKind.escalation.rawValue)
        field("id", escalation.id.interchangeText)
        field("obstacle", escalation.obstacle.interchangeText)
        field("to", escalation.to.rawValue)
        field("causeUnit", escalation.causeUnit)
        field("affectedUnit", escalation.affectedUnit)
        if let loss = escalation.loss {
            field("lossPerWeek", number: loss.amount)
            field("lossUnit", loss.unit)
        }
        field("basis", escalation.basis)
        field("fix", escalation.fix)
        field("fixCost", escalation.fixCost?.rawValue)
        field("toldOn", escalation.toldOn.interchangeText)
        field("toldHow", escalation.toldHow)
        list("events", escalation.events) { writer, event in
            writer.field("date", event.date.interchangeText)
            writer.field("action", event.action.rawValue)
            writer.field("reason", event.reason)
            writer.field("reviewBy", event.reviewBy?.interchangeText)
            writer.field("verifiedOn", event.verifiedOn?.interchangeText)
        }
        try endLine()
    }
}
