import Foundation

extension LearnerGrowth {
    /// One figure as the storyboard and the review packet word it.
    public struct Line: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// The figures in words, the same on the terminal, the web page and every packet format.
    ///
    /// Surprises are worded as what they are in PDCA, a lesson, never as a bad result.
    public var lines: [Line] {
        let surprises =
            surpriseShare.map { share in
                "\(surprised) of \(answered) answered (\(Int((share * 100).rounded())) %): surprise is how PDCA teaches"
            } ?? "no result answered 'Was that what you expected?' yet"
        return [
            Line(label: "Experiments run", value: "\(experimentsRun) (steps with their result in)"),
            Line(label: "Surprises", value: surprises),
            Line(label: "Go-see lag, median", value: Self.lagWords(medianGoSeeLag)),
            Line(
                label: "Targets closed",
                value: "\(targetsClosed), \(targetsClosedWithReflection) with a reflection"),
        ]
    }

    /// A median lag in days, as words.
    static func lagWords(_ days: Double?) -> String {
        guard let days else { return "no reviewed step had a go-see date" }
        if days == 0 { return "on the planned go-see date" }
        let size = abs(days)
        let amount = size.rounded() == size ? String(Int(size)) : String(format: "%.1f", size)
        let unit = size == 1 ? "day" : "days"
        return days > 0 ? "\(amount) \(unit) after the planned go-see date" : "\(amount) \(unit) before it"
    }
}
