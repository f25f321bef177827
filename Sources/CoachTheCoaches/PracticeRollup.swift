import ImprovementKata
import KataStore

/// How coaches are rolled up: by their unit, or by the 2nd coach who oversees them.
public enum PracticeGrouping: String, Sendable, CaseIterable {
    case unit
    case secondCoach = "second-coach"
}

/// The practice of a group of coaches (a unit, or the coaches of one 2nd coach).
public struct PracticeGroup: Codable, Sendable, Equatable {
    /// The unit or the 2nd coach's handle; nil for coaches without one.
    public var group: String?
    /// Coaches in the group.
    public var coaches: Int
    /// Their cycles in the period.
    public var cycles: Int
    /// The mean cadence of the coaches who had workdays in the period; nil when none had.
    public var meanCadence: Double?
    /// Coaches with workdays whose cadence is below the threshold.
    public var coachesBelow: Int

    public init(group: String?, coaches: Int, cycles: Int, meanCadence: Double?, coachesBelow: Int) {
        self.group = group
        self.coaches = coaches
        self.cycles = cycles
        self.meanCadence = meanCadence
        self.coachesBelow = coachesBelow
    }

    /// Nulls are written out, as in the practice report.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(coaches, forKey: .coaches)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(meanCadence, forKey: .meanCadence)
        try c.encode(coachesBelow, forKey: .coachesBelow)
    }
}

extension PracticeReport {
    /// Rolls the coaches up into groups, sorted by name with the coaches without a group last.
    ///
    /// A coach belongs to every group `groupsOf` names (a coach overseen by two 2nd coaches counts
    /// in both), and to the group nil when it names none. Coaches without workdays in the period
    /// count in `coaches` and `cycles` but not in the cadence figures, which would otherwise read
    /// an absence of pairings as a failure to coach.
    ///
    /// - Parameters:
    ///   - groupsOf: the groups of one coach.
    ///   - threshold: a cadence below this counts in `coachesBelow` (0.6 means 60 % of workdays).
    public func groups(by groupsOf: (PracticeSummary) -> [String], below threshold: Double) -> [PracticeGroup] {
        var members: [String?: [PracticeSummary]] = [:]
        for coach in coaches {
            let names = groupsOf(coach)
            if names.isEmpty {
                members[nil, default: []].append(coach)
            } else {
                for name in Set(names) { members[name, default: []].append(coach) }
            }
        }
        return members.map { name, list in
            let measured = list.filter { $0.workdays > 0 }
            return PracticeGroup(
                group: name, coaches: list.count, cycles: list.reduce(0) { $0 + $1.cycles },
                meanCadence: measured.isEmpty
                    ? nil : measured.reduce(0) { $0 + $1.cadence } / Double(measured.count),
                coachesBelow: measured.filter { $0.cadence < threshold }.count)
        }.sorted { lhs, rhs in
            switch (lhs.group, rhs.group) {
            case let (left?, right?): return left < right
            case (_?, nil): return true
            default: return false
            }
        }
    }
}
