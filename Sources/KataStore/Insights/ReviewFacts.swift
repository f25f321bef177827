import ImprovementKata

/// The person a review packet is asked for, and whether they have ever coached.
public struct ReviewSubject: Sendable, Equatable {
    public var person: Person
    /// A pairing as coach or a cycle logged as coach, at any time.
    public var hasCoached: Bool

    public init(person: Person, hasCoached: Bool) {
        self.person = person
        self.hasCoached = hasCoached
    }
}

/// What a coach's review packet says when the practice of the period does not list them.
public struct CoachActivity: Sendable, Equatable {
    /// The coach's latest cycle on or before the end of the period, from all history.
    public var lastCycle: Day?
    /// 2nd-coach observations of the coach dated in the period.
    public var observations: Int

    public init(lastCycle: Day?, observations: Int) {
        self.lastCycle = lastCycle
        self.observations = observations
    }
}

/// Everything a coach's review packet holds besides the practice figures, as the store keeps it;
/// the packet decides what of it to show (pseudonyms, free text).
public struct ReviewFacts: Sendable, Equatable {
    public var coach: Handle
    public var name: String
    public var unit: String?
    /// The coach's learners in the period's cycles, by handle.
    public var learners: [CoachingPartnerFacts]
    /// The target conditions the coach's cycles of the period worked on, by learner, set on,
    /// focus process and id.
    public var coachedTargets: [TargetFacts]
    /// The 2nd-coach observations of the coach in the period, oldest first.
    public var observations: [ObservationFacts]
    /// Who coached the coach as a learner in the period, by handle.
    public var ownCoaches: [CoachingPartnerFacts]
    /// Distinct days of the period on which the coach was coached as a learner.
    public var ownCoachedDays: Int
    /// The coach's own target conditions active on some day of the period, oldest first, each
    /// with the cycles the coach received on it in the period.
    public var ownTargets: [TargetFacts]
    /// Cycles per day of the period, filled only when asked for.
    public var dailyCycles: [Day: Int]

    public init(
        coach: Handle, name: String, unit: String?, learners: [CoachingPartnerFacts], coachedTargets: [TargetFacts],
        observations: [ObservationFacts], ownCoaches: [CoachingPartnerFacts], ownCoachedDays: Int,
        ownTargets: [TargetFacts], dailyCycles: [Day: Int] = [:]
    ) {
        self.coach = coach
        self.name = name
        self.unit = unit
        self.learners = learners
        self.coachedTargets = coachedTargets
        self.observations = observations
        self.ownCoaches = ownCoaches
        self.ownCoachedDays = ownCoachedDays
        self.ownTargets = ownTargets
        self.dailyCycles = dailyCycles
    }
}

/// A learner or coach on the other side of a coach's cycles in a period.
public struct CoachingPartnerFacts: Sendable, Equatable {
    public var handle: String
    public var name: String
    public var cycles: Int
    public var lastCycle: Day

    public init(handle: String, name: String, cycles: Int, lastCycle: Day) {
        self.handle = handle
        self.name = name
        self.cycles = cycles
        self.lastCycle = lastCycle
    }
}

/// A target condition as stored, with the cycles of the period on it.
public struct TargetFacts: Sendable, Equatable {
    public var learner: String
    public var learnerName: String
    public var focusProcess: String?
    public var condition: String?
    public var achieveBy: Day
    /// `active`, `achieved`, `missed` or `dropped`, as it is now.
    public var status: String
    public var createdOn: Day
    public var closedOn: Day?
    public var reflection: String?
    public var cycles: Int

    public init(
        learner: String, learnerName: String, focusProcess: String?, condition: String?, achieveBy: Day,
        status: String, createdOn: Day, closedOn: Day?, reflection: String?, cycles: Int
    ) {
        self.learner = learner
        self.learnerName = learnerName
        self.focusProcess = focusProcess
        self.condition = condition
        self.achieveBy = achieveBy
        self.status = status
        self.createdOn = createdOn
        self.closedOn = closedOn
        self.reflection = reflection
        self.cycles = cycles
    }
}

/// A 2nd-coach observation as stored.
public struct ObservationFacts: Sendable, Equatable {
    public var date: Day
    public var secondCoach: String
    public var secondCoachName: String
    public var focus: String?
    public var trigger: String?
    public var notes: String?

    public init(
        date: Day, secondCoach: String, secondCoachName: String, focus: String?, trigger: String?, notes: String?
    ) {
        self.date = date
        self.secondCoach = secondCoach
        self.secondCoachName = secondCoachName
        self.focus = focus
        self.trigger = trigger
        self.notes = notes
    }
}
