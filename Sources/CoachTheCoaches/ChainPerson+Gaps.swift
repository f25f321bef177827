import KataStore

extension ChainPerson {
    /// The gaps this person shows, as sentences (never a score).
    ///
    /// The text view and the web page both write them: a coach whose coaching no one above touched,
    /// a coach who ran no cycle, walks behind the walker's own plan. `window` names the window:
    /// "4 weeks".
    public func gaps(in window: String) -> [String] {
        var gaps: [String] = []
        if coach && touchedBy.isEmpty { gaps.append("no one above \(handle) touched their coaching in \(window)") }
        if coach && !coached { gaps.append("\(handle) ran no coaching cycle in \(window)") }
        if let walkPlan, walks < walkPlan {
            gaps.append("\(handle) walked \(walks) of the \(walkPlan) walks they planned in \(window)")
        }
        return gaps
    }

    /// What is said of the person before who touched their coaching: whether they coached, and
    /// their walks against their plan ("coached", "walks 1 of 2 planned").
    public var practice: [String] {
        var said = [coach ? (coached ? "coached" : "did not coach") : "does not coach"]
        if let walkPlan {
            said.append("walks \(walks) of \(walkPlan) planned")
        } else if walks > 0 {
            said.append(walks == 1 ? "1 walk" : "\(walks) walks")
        }
        return said
    }

    /// Whether the person coached and their coaching was touched from above or beside (●).
    public var coachedAndTouched: Bool { coach && coached && touchedFromAbove }
}

extension ChainReport {
    /// The window as words: "1 week", "4 weeks".
    public var window: String { weeks == 1 ? "1 week" : "\(weeks) weeks" }
}
