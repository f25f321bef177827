import Foundation
import ImprovementKata

/// One learner's growth as a practitioner of the Improvement Kata (DESIGN §11.4), from their own
/// experimenting record and target conditions.
///
/// The figures are for the learner's own storyboard and the pair's review packet, never for a
/// view that sets learners side by side. A result that surprised (partly or not what was expected)
/// is how PDCA teaches: it is counted as a surprise, never as a failure.
///
/// ```swift
/// let growth = LearnerGrowth(experiments: steps, targets: targets)
/// growth.experimentsRun  // 12: steps whose result is in
/// growth.surpriseShare  // 0.4: of the 10 answered, 4 partly or not as expected
/// ```
public struct LearnerGrowth: Codable, Sendable, Equatable {
    /// Experiments run: steps whose result is in (one PDCA cycle each).
    public var experimentsRun: Int
    /// Of those, how many have an answer to "Was that what you expected?".
    public var answered: Int
    /// Of the answered, how many surprised: partly or not what was expected.
    public var surprised: Int
    /// surprised / answered; nil when none was answered.
    public var surpriseShare: Double?
    /// The median, in calendar days, from a step's planned go-see date to the cycle that reviewed it
    /// (negative when it was reviewed before the date); nil when no reviewed step had a go-see date.
    public var medianGoSeeLag: Double?
    /// Target conditions closed (achieved, missed or dropped).
    public var targetsClosed: Int
    /// Of those, how many were closed with a summary reflection.
    public var targetsClosedWithReflection: Int

    public init(
        experimentsRun: Int, answered: Int, surprised: Int, surpriseShare: Double?, medianGoSeeLag: Double?,
        targetsClosed: Int, targetsClosedWithReflection: Int
    ) {
        self.experimentsRun = experimentsRun
        self.answered = answered
        self.surprised = surprised
        self.surpriseShare = surpriseShare
        self.medianGoSeeLag = medianGoSeeLag
        self.targetsClosed = targetsClosed
        self.targetsClosedWithReflection = targetsClosedWithReflection
    }

    /// The figures of the learner whose experiments and target conditions are given; with a
    /// period, only the steps reviewed in it and the target conditions closed in it count.
    public init(experiments: [Experiment], targets: [TargetCondition], in period: Period? = nil) {
        let run = experiments.filter { step in step.closedOn.map { period?.contains($0) ?? true } ?? false }
        let answers = run.compactMap(\.asExpected)
        let lags = run.compactMap { step in step.goSee.flatMap { goSee in step.closedOn.map { goSee.days(to: $0) } } }
        let closed = targets.filter { target in
            !target.isActive && (period.map { period in target.closedOn.map(period.contains) ?? false } ?? true)
        }
        self.init(
            experimentsRun: run.count, answered: answers.count, surprised: answers.filter(\.surprised).count,
            surpriseShare: answers.isEmpty ? nil : Double(answers.filter(\.surprised).count) / Double(answers.count),
            medianGoSeeLag: LossReport.median(lags),
            targetsClosed: closed.count,
            targetsClosedWithReflection: closed.filter { $0.reflection.nonBlank != nil }.count)
    }

    /// Writes every figure, `null` for one not known, as review packets do.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(experimentsRun, forKey: .experimentsRun)
        try c.encode(answered, forKey: .answered)
        try c.encode(surprised, forKey: .surprised)
        try c.encode(surpriseShare, forKey: .surpriseShare)
        try c.encode(medianGoSeeLag, forKey: .medianGoSeeLag)
        try c.encode(targetsClosed, forKey: .targetsClosed)
        try c.encode(targetsClosedWithReflection, forKey: .targetsClosedWithReflection)
    }

    /// What each figure means, in the words the storyboard and the packets use.
    public static let definitions: [FigureDefinition] = [
        FigureDefinition(
            figure: "experimentsRun", label: "Experiments run",
            definition: "Steps whose result is in (in a packet: reviewed in the period), one PDCA cycle each."),
        FigureDefinition(
            figure: "surpriseShare", label: "Surprises",
            definition:
                "Of the results with an answer to 'Was that what you expected?', the share answered partly or no. "
                + "Surprise is how PDCA teaches: it is not a bad result."),
        FigureDefinition(
            figure: "medianGoSeeLag", label: "Go-see lag, median",
            definition:
                "Median calendar days from a step's planned go-see date to the cycle that reviewed it "
                + "(negative: reviewed before the date)."),
        FigureDefinition(
            figure: "targetsClosedWithReflection", label: "Targets closed",
            definition:
                "Target conditions closed (achieved, missed or dropped; in a packet: in the period), and how many "
                + "with a reflection."),
    ]
}
