import Foundation
import ImprovementKata
import KataStore

/// The part of the seam that answers with coach-the-coaches figures: practice (DESIGN §6) and HR
/// review packets (§7).
///
/// It lives beside the calculations because its results are their types. A database store
/// implements it by fetching what the calculations need (`InsightSource`, which gives it the
/// default below, worked out by `CoachingFigures`); the HTTP client by asking a server that did.
public protocol CoachingInsights: Sendable {
    /// The practice report of a period, with the roll-up and the learners left longest when asked.
    func practice(_ request: PracticeRequest) async throws -> PracticeAnswer
    /// Review packets: one coach's (a collection of one), or every coach's with activity in the period.
    func reviews(_ request: ReviewRequest) async throws -> ReviewCollection
}

/// Everything the command line and the web app ask of a store.
public typealias KataBackend = KataService & CoachingInsights & EscalationService & WalkService

/// What `kata practice` asks for.
public struct PracticeRequest: Sendable, Equatable {
    public var period: Period
    public var filter: PracticeFilter
    /// The day it is: the period is counted up to it (DESIGN §6).
    public var today: Day?
    /// Whether each summary carries its coached days (for calendars).
    public var includeDailyCycles: Bool
    /// The roll-up to add, if any.
    public var grouping: PracticeGrouping?
    /// The cadence below which a coach counts as below it in the roll-up (0.6 for 60 %).
    public var below: Double
    /// Whether to list the learners left longest without a cycle.
    public var learnersLeftLongest: Bool

    public init(
        period: Period, filter: PracticeFilter = PracticeFilter(), today: Day? = nil, includeDailyCycles: Bool = true,
        grouping: PracticeGrouping? = nil, below: Double = 0, learnersLeftLongest: Bool = false
    ) {
        self.period = period
        self.filter = filter
        self.today = today
        self.includeDailyCycles = includeDailyCycles
        self.grouping = grouping
        self.below = below
        self.learnersLeftLongest = learnersLeftLongest
    }
}

/// The answer to a `PracticeRequest`.
public struct PracticeAnswer: Sendable, Equatable {
    public var report: PracticeReport
    /// The roll-up, when one was asked for.
    public var groups: [PracticeGroup]?
    /// The learners left longest, when asked for.
    public var learnersLeftLongest: [UncoachedLearner]

    public init(report: PracticeReport, groups: [PracticeGroup]? = nil, learnersLeftLongest: [UncoachedLearner] = []) {
        self.report = report
        self.groups = groups
        self.learnersLeftLongest = learnersLeftLongest
    }
}

/// What `kata export review` asks for.
public struct ReviewRequest: Sendable, Equatable {
    /// One coach, or nil for every coach with activity in the period.
    public var coach: Handle?
    public var period: Period
    public var today: Day
    /// What the packets may show beyond the defaults (DESIGN §7).
    public var privacy: ReviewPrivacy
    /// When the packets are made (their `generatedAt`).
    public var now: Date
    public var kataVersion: String

    public init(
        coach: Handle?, period: Period, today: Day, privacy: ReviewPrivacy = ReviewPrivacy(), now: Date,
        kataVersion: String
    ) {
        self.coach = coach
        self.period = period
        self.today = today
        self.privacy = privacy
        self.now = now
        self.kataVersion = kataVersion
    }
}
