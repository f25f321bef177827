import ImprovementKata

/// What `kata chain` asks for: the reporting tree from the top (or from `from`) over the `weeks`
/// weeks that end today.
public struct ChainRequest: Sendable, Equatable, Codable {
    /// The person whose line is shown, nil for everyone from the top.
    public var from: Handle?
    /// The length of the window in weeks, 1 or more.
    public var weeks: Int
    /// The last day of the window (default: the store's today).
    public var today: Day?

    public init(from: Handle? = nil, weeks: Int = 4, today: Day? = nil) {
        self.from = from
        self.weeks = weeks
        self.today = today
    }

    /// The first day of the window that ends on `to`.
    public func start(to: Day) -> Day { to.adding(days: -(7 * weeks) + 1) }
}
