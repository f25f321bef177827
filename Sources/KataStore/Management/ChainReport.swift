import ImprovementKata

/// The chain of coaching (DESIGN §11.2, JSON of §11.5): the reporting tree, each person marked with
/// whether they coached in the window and whether someone above or beside them touched their
/// coaching, their walks against their own plan; and per level, how many coaches were touched.
public struct ChainReport: Sendable, Equatable, Codable {
    /// The last day of the window.
    public var to: Day
    public var weeks: Int
    /// The people at the top (or the one asked for), each with their reports.
    public var tree: [ChainPerson]
    public var levels: [ChainLevel]

    public init(to: Day, weeks: Int, tree: [ChainPerson], levels: [ChainLevel]) {
        self.to = to
        self.weeks = weeks
        self.tree = tree
        self.levels = levels
    }
}

/// One person in the chain, with their direct reports.
public struct ChainPerson: Sendable, Equatable, Codable {
    public var handle: Handle
    public var name: String
    /// Whether they are a coach in the window: a pairing as coach in force in it, or a cycle.
    public var coach: Bool
    /// Whether they ran a coaching cycle as coach in the window.
    public var coached: Bool
    /// Whether someone touched their coaching in the window (`touchedBy` is not empty).
    public var touchedFromAbove: Bool
    /// Who did, sorted: their coach in a cycle, their 2nd coach (an observation, or present at a
    /// cycle they ran), a walker (or who walked along) at one of their learners' storyboards.
    public var touchedBy: [Handle]
    /// Their walks in the window.
    public var walks: Int
    /// The walks their own plan expects in the window, nil without a plan.
    public var walkPlan: Int?
    public var reports: [ChainPerson]

    public init(
        handle: Handle, name: String, coach: Bool, coached: Bool, touchedBy: [Handle], walks: Int, walkPlan: Int?,
        reports: [ChainPerson]
    ) {
        self.handle = handle
        self.name = name
        self.coach = coach
        self.coached = coached
        self.touchedFromAbove = !touchedBy.isEmpty
        self.touchedBy = touchedBy
        self.walks = walks
        self.walkPlan = walkPlan
        self.reports = reports
    }

    enum CodingKeys: String, CodingKey {
        case handle, name, coach, coached, touchedFromAbove, touchedBy, walks, walkPlan, reports
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(handle, forKey: .handle)
        try container.encode(name, forKey: .name)
        try container.encode(coach, forKey: .coach)
        try container.encode(coached, forKey: .coached)
        try container.encode(touchedFromAbove, forKey: .touchedFromAbove)
        try container.encode(touchedBy, forKey: .touchedBy)
        try container.encode(walks, forKey: .walks)
        // Written as null without a plan, so that every person has the same keys.
        try container.encode(walkPlan, forKey: .walkPlan)
        try container.encode(reports, forKey: .reports)
    }
}

/// One level of the reporting tree (1 for the top): its coaches, and how many of them had their
/// coaching touched from above or beside in the window.
public struct ChainLevel: Sendable, Equatable, Codable {
    public var level: Int
    public var coaches: Int
    public var touchedFromAbove: Int

    public init(level: Int, coaches: Int, touchedFromAbove: Int) {
        self.level = level
        self.coaches = coaches
        self.touchedFromAbove = touchedFromAbove
    }

    /// The share of the level's coaches touched from above (4 places), nil without coaches: the
    /// figure DESIGN §11.2 asks for per level.
    public var share: Double? {
        coaches == 0 ? nil : (Double(touchedFromAbove) / Double(coaches) * 10_000).rounded() / 10_000
    }

    enum CodingKeys: String, CodingKey { case level, coaches, touchedFromAbove, share }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            level: try container.decode(Int.self, forKey: .level),
            coaches: try container.decode(Int.self, forKey: .coaches),
            touchedFromAbove: try container.decode(Int.self, forKey: .touchedFromAbove))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(coaches, forKey: .coaches)
        try container.encode(touchedFromAbove, forKey: .touchedFromAbove)
        // Written as null for a level without coaches, so that every level has the same keys.
        try container.encode(share, forKey: .share)
    }
}
