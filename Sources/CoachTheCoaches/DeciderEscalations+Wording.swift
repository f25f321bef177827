import Foundation

extension DeciderEscalations {
    /// The section's heading in every packet format.
    public static let heading = "Escalations you were asked to decide"

    /// The counts and days waiting in words, the same in every packet format.
    public var summary: String {
        var text = "Asked \(asked), answered \(answered), unanswered \(unanswered)."
        if let median = medianDaysWaiting, let oldest = oldestDaysWaiting {
            text += " Days waiting since told (unanswered): median \(Self.days(median)), oldest \(oldest)."
        }
        return text + " A reasoned decline is an answer."
    }

    /// One zero-cost item waiting, in words: dates, units and the estimate, never a learner.
    public static func words(_ item: Item) -> String {
        var text = "Told \(item.toldOn), waiting \(item.daysWaiting) days"
        let units = [item.causeUnit.map { "cause \($0)" }, item.affectedUnit.map { "felt in \($0)" }].compactMap { $0 }
        if !units.isEmpty { text += " (" + units.joined(separator: ", ") + ")" }
        if let loss = item.lossPerWeek, let unit = item.lossUnit {
            text += "; estimated loss \(Self.days(loss)) \(unit)/week"
        }
        return text
    }

    /// A number without a needless `.0`.
    static func days(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
