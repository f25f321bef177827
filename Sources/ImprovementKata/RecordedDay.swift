extension Day {
    /// Throws unless the day is `today` or earlier.
    ///
    /// The kata records what has happened, so a cycle, an observation or a condition dated after
    /// today is refused. `record` names what is being recorded ("a cycle").
    ///
    /// ```swift
    /// try Day("2026-11-22")!.requireHappened(by: Day("2026-11-20")!, record: "a cycle")
    /// // throws: the date 2026-11-22 is after today (2026-11-20): record a cycle once it has happened.
    /// ```
    public func requireHappened(by today: Day, record: String) throws {
        guard self > today else { return }
        throw KataError.ruleBroken(
            "the date \(self) is after today (\(today)): record \(record) once it has happened.")
    }
}
