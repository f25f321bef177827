import Foundation
import ImprovementKata
import KataStore

/// A `cycle` line (one coaching cycle): `id`*, `date`*, `coach`*, `learner`*, `secondCoach`,
/// `minutes`, `target`, `actualCondition`, `obstacle`, `reviewed` (the experiment closed in the
/// cycle), `planned` (the experiment opened in it).
public struct CycleRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = [
        "id", "date", "coach", "learner", "secondCoach", "minutes", "target", "actualCondition", "obstacle",
        "reviewed", "planned",
    ]

    public var id: UUID
    public var date: Day
    public var coach: Handle
    public var learner: Handle
    public var secondCoach: Handle?
    public var minutes: Int?
    public var target: UUID?
    public var actualCondition: String?
    public var obstacle: UUID?
    public var reviewed: UUID?
    public var planned: UUID?

    package init(
        id: UUID, date: Day, coach: Handle, learner: Handle, secondCoach: Handle?, minutes: Int?, target: UUID?,
        actualCondition: String?, obstacle: UUID?, reviewed: UUID?, planned: UUID?
    ) {
        self.id = id
        self.date = date
        self.coach = coach
        self.learner = learner
        self.secondCoach = secondCoach
        self.minutes = minutes
        self.target = target
        self.actualCondition = actualCondition
        self.obstacle = obstacle
        self.reviewed = reviewed
        self.planned = planned
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a cycle")
        id = try fields.id("id")
        date = try fields.day("date")
        coach = try fields.handle("coach")
        learner = try fields.handle("learner")
        secondCoach = try fields.optionalHandle("secondCoach")
        minutes = try fields.decodeIfPresent(Int.self, forKey: FieldKey("minutes"))
        target = try fields.optionalID("target")
        actualCondition = try fields.optionalText("actualCondition")
        obstacle = try fields.optionalID("obstacle")
        reviewed = try fields.optionalID("reviewed")
        planned = try fields.optionalID("planned")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.cycle.rawValue, "kind")
        try fields.put(id, "id")
        try fields.put(date, "date")
        try fields.put(coach, "coach")
        try fields.put(learner, "learner")
        try fields.put(secondCoach, "secondCoach")
        try fields.encodeIfPresent(minutes, forKey: FieldKey("minutes"))
        try fields.put(target, "target")
        try fields.put(actualCondition, "actualCondition")
        try fields.put(obstacle, "obstacle")
        try fields.put(reviewed, "reviewed")
        try fields.put(planned, "planned")
    }

    static let allowed = Set(fields + ["kind"])

    package func value() throws -> CoachingCycle {
        try CoachingCycle(
            id: id, date: date, coach: coach, learner: learner, secondCoach: secondCoach, minutes: minutes,
            target: target, actualCondition: actualCondition, obstacle: obstacle, reviewed: reviewed, planned: planned)
    }
}
