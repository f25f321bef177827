import Foundation
import ImprovementKata

/// What a coach says in one coaching cycle, following the five questions; the input of
/// `SQLiteStore.logCycle`.
public struct CycleEntry: Sendable, Equatable, Codable {
    /// The fields of `POST /api/v1/cycles` besides its `id` (DESIGN §10.1).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case date, coach, learner, secondCoach, minutes, target, actualCondition, happened, asExpected, learned
        case obstacle, newObstacle, nextStep, expected, goSee
    }

    public var date: Day
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var minutes: Int?
    /// Q1: the target condition; nil means the learner's one active target condition.
    public var target: UUID?
    /// Q2: the actual condition now.
    public var actualCondition: String?
    /// Q2: what actually happened with the last step.
    public var happened: String?
    /// Q2: whether that was what the learner expected.
    public var asExpected: AsExpected?
    /// Q2: what was learned from it.
    public var learned: String?
    /// Q3: an obstacle from the parking lot to address now.
    public var obstacle: UUID?
    /// Q3: a new obstacle, parked and addressed now.
    public var newObstacle: String?
    /// Q4: the next step.
    public var nextStep: String?
    /// Q4: what the learner expects from it.
    public var expected: String?
    /// Q5: when we can go and see what was learned.
    public var goSee: Day?

    public init(
        date: Day, coach: Handle, learner: Handle, secondCoach: Handle? = nil, minutes: Int? = nil, target: UUID? = nil,
        actualCondition: String? = nil, happened: String? = nil, learned: String? = nil, obstacle: UUID? = nil,
        newObstacle: String? = nil, nextStep: String? = nil, expected: String? = nil, goSee: Day? = nil,
        asExpected: AsExpected? = nil
    ) {
        self.date = date
        self.coach = coach
        self.learner = learner
        self.secondCoach = secondCoach
        self.minutes = minutes
        self.target = target
        self.actualCondition = actualCondition
        self.happened = happened
        self.learned = learned
        self.asExpected = asExpected
        self.obstacle = obstacle
        self.newObstacle = newObstacle
        self.nextStep = nextStep
        self.expected = expected
        self.goSee = goSee
    }

    /// Whether the entry reviews the last step.
    public var reviewsLastStep: Bool { happened.nonBlank != nil || learned.nonBlank != nil || asExpected != nil }
}

extension CycleEntry {
    /// Decodes an entry; `coach` and `date` may be left out when the decoder has defaults for them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Wire.Defaults.of(decoder)
        func required<T: Decodable>(_ key: CodingKeys, _ fallback: T?) throws -> T {
            if let value = try c.decodeIfPresent(T.self, forKey: key) { return value }
            if let fallback { return fallback }
            throw DecodingError.keyNotFound(
                key, .init(codingPath: c.codingPath, debugDescription: "\(key.stringValue) is required"))
        }
        self.init(
            date: try required(.date, defaults?.date), coach: try required(.coach, defaults?.coach),
            learner: try c.decode(Handle.self, forKey: .learner),
            secondCoach: try c.decodeIfPresent(Handle.self, forKey: .secondCoach),
            minutes: try c.decodeIfPresent(Int.self, forKey: .minutes),
            target: try c.decodeIfPresent(UUID.self, forKey: .target),
            actualCondition: try c.decodeIfPresent(String.self, forKey: .actualCondition),
            happened: try c.decodeIfPresent(String.self, forKey: .happened),
            learned: try c.decodeIfPresent(String.self, forKey: .learned),
            obstacle: try c.decodeIfPresent(UUID.self, forKey: .obstacle),
            newObstacle: try c.decodeIfPresent(String.self, forKey: .newObstacle),
            nextStep: try c.decodeIfPresent(String.self, forKey: .nextStep),
            expected: try c.decodeIfPresent(String.self, forKey: .expected),
            goSee: try c.decodeIfPresent(Day.self, forKey: .goSee),
            asExpected: try c.decodeIfPresent(AsExpected.self, forKey: .asExpected))
    }
}
