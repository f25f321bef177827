import ImprovementKata

/// What the chain of coaching needs a store to fetch: the people and what touched coaching.
///
/// `CoachTheCoaches` works the chain out from it, so that every store answers the same.
public protocol ChainSource: Sendable {
    /// Who calls; the chain's access rule is decided on it.
    var caller: Caller { get }
    /// The store's today in the organisation's time zone.
    func chainToday() async throws -> Day
    /// Everyone, and the cycles, observations, walks and pairings of [from, to], with every plan.
    func chainFacts(from: Day, to: Day) async throws -> ChainFacts
}

/// What a store holds about the chain of coaching in a window, read from one snapshot.
public struct ChainFacts: Sendable, Equatable {
    /// A coaching cycle: who coached whom, and the 2nd coach present.
    public struct Cycle: Sendable, Equatable {
        public var coach: Handle
        public var learner: Handle
        public var secondCoach: Handle?

        public init(coach: Handle, learner: Handle, secondCoach: Handle? = nil) {
            self.coach = coach
            self.learner = learner
            self.secondCoach = secondCoach
        }
    }

    /// Who coached whom (a pairing in force in the window) or who observed whom.
    public struct Link: Sendable, Equatable {
        public var from: Handle
        public var to: Handle

        public init(from: Handle, to: Handle) {
            self.from = from
            self.to = to
        }
    }

    public var people: [Person]
    public var cycles: [Cycle]
    /// 2nd-coach observations: `from` the 2nd coach, `to` the coach.
    public var observations: [Link]
    /// Pairings in force in the window: `from` the coach, `to` the learner.
    public var pairings: [Link]
    public var walks: [Walk]
    public var plans: [WalkPlan]

    public init(
        people: [Person], cycles: [Cycle] = [], observations: [Link] = [], pairings: [Link] = [], walks: [Walk] = [],
        plans: [WalkPlan] = []
    ) {
        self.people = people
        self.cycles = cycles
        self.observations = observations
        self.pairings = pairings
        self.walks = walks
        self.plans = plans
    }
}
