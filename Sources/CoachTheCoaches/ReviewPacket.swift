import Foundation
import ImprovementKata

/// One coach's HR review packet for a period: evidence of coaching practice and development, for a
/// conversation with the coach, never for ranking coaches against each other (DESIGN §7).
///
/// The JSON form is a contract, versioned as `"format": "kata-review/1"` and described by
/// `Schema/JSON/review-v1.schema.json`. Optional values are written as `null`, never left out, so
/// that a reader can tell "not included" from "not known". Free text (target condition texts,
/// reflections, observation notes) is `null` unless the packet was made with notes; learners
/// appear as "Learner A", "Learner B", … unless it was made with learner names.
///
/// ```json
/// {"format": "kata-review/1", "purpose": "…", "generatedAt": "2026-12-01T09:00:00Z",
///  "kataVersion": "0.1.0", "period": {"from": "2026-07-01", "to": "2026-09-30"},
///  "coach": {"handle": "ann", "name": "Ann Lee", "unit": "Assembly"}, "practice": {…}, …}
/// ```
public struct ReviewPacket: Codable, Sendable, Equatable {
    /// The format tag every packet carries.
    public static let formatTag = "kata-review/1"

    /// The statement every packet makes about what it is for.
    public static let purposeStatement =
        "This packet is for a development conversation between the coach and their own coach or HR, "
        + "not a ranking: the figures describe one person's coaching practice and are not to be "
        + "compared across coaches, units or teams."

    /// Always `kata-review/1`.
    public var format: String
    /// What the packet is for: a development conversation, not a ranking.
    public var purpose: String
    /// When the packet was made, UTC, ISO 8601 (`2026-12-01T09:00:00Z`).
    public var generatedAt: String
    /// The version of kata that made it.
    public var kataVersion: String
    public var period: ReviewPeriod
    public var coach: ReviewPerson
    /// What the packet holds beyond the privacy defaults.
    public var privacy: ReviewPrivacy
    /// True when the coach neither gave nor received a cycle and was not observed in the period.
    public var emptyPeriod: Bool
    /// The practice figures of DESIGN §6, with the weekly trend; the same values as `kata practice`.
    public var practice: PracticeSummary
    /// The organisation's working days, for reading the calendar.
    public var calendar: ReviewCalendar
    /// Cycles by the coach per day of the period, only days with at least one, oldest first.
    public var dailyCycles: [DailyCycles]
    /// The learners the coach coached in the period, in the order of their handles.
    public var learners: [CoachingPartner]
    /// 2nd-coach observations of the coach in the period, oldest first.
    public var observations: [ReviewObservation]
    /// Target conditions the coach's cycles in the period worked on.
    public var targetConditions: [CoachedTargetCondition]
    /// The coach's own development as a learner.
    public var ownDevelopment: OwnDevelopment
    /// The escalations the person was asked to decide (DESIGN §11.1), with no learner named.
    public var escalationsToDecide: DeciderEscalations
    /// What every figure means, in the words of DESIGN §6.
    public var definitions: [FigureDefinition]

    public init(
        generatedAt: String, kataVersion: String, period: ReviewPeriod, coach: ReviewPerson, privacy: ReviewPrivacy,
        emptyPeriod: Bool, practice: PracticeSummary, calendar: ReviewCalendar, dailyCycles: [DailyCycles],
        learners: [CoachingPartner], observations: [ReviewObservation], targetConditions: [CoachedTargetCondition],
        ownDevelopment: OwnDevelopment, escalationsToDecide: DeciderEscalations = .none,
        definitions: [FigureDefinition] = FigureDefinition.all
    ) {
        format = ReviewPacket.formatTag
        purpose = ReviewPacket.purposeStatement
        self.generatedAt = generatedAt
        self.kataVersion = kataVersion
        self.period = period
        self.coach = coach
        self.privacy = privacy
        self.emptyPeriod = emptyPeriod
        self.practice = practice
        self.calendar = calendar
        self.dailyCycles = dailyCycles
        self.learners = learners
        self.observations = observations
        self.targetConditions = targetConditions
        self.ownDevelopment = ownDevelopment
        self.escalationsToDecide = escalationsToDecide
        self.definitions = definitions
    }

    /// The practice summary with its per-day counts restored from `dailyCycles` (JSON leaves them out of
    /// `practice`).
    public var practiceWithDays: PracticeSummary {
        var summary = practice
        summary.dailyCycles = Dictionary(dailyCycles.map { ($0.date, $0.cycles) }, uniquingKeysWith: +)
        return summary
    }
}

/// The inclusive dates a packet covers.
///
/// A period that reaches past the day the packet was made is counted only up to that day: `to`
/// stays the day asked for and `until` (written only then) is the day counted to.
public struct ReviewPeriod: Codable, Sendable, Equatable {
    public var from: Day
    public var to: Day
    /// The day the figures were counted to when the period reaches past it; nil otherwise.
    public var until: Day?

    public init(from: Day, to: Day, until: Day? = nil) {
        self.from = from
        self.to = to
        self.until = until
    }

    public init(_ period: Period, until: Day? = nil) {
        self.init(from: period.from, to: period.to, until: until)
    }

    /// The last day counted: `until` when the period was cut, else `to`.
    public var countedTo: Day { until ?? to }
}

/// A named person in a packet: the coach, or a 2nd coach who observed them.
public struct ReviewPerson: Codable, Sendable, Equatable {
    public var handle: String
    public var name: String
    public var unit: String?

    public init(handle: String, name: String, unit: String? = nil) {
        self.handle = handle
        self.name = name
        self.unit = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
    }
}

/// Which privacy defaults a packet was made without, and the statement of what it holds.
public struct ReviewPrivacy: Codable, Sendable, Equatable {
    /// Real learner names and handles instead of "Learner A", "Learner B".
    public var learnerNames: Bool
    /// Free text: focus processes, target condition texts, reflections and the notes of observations.
    public var notes: Bool

    public init(learnerNames: Bool = false, notes: Bool = false) {
        self.learnerNames = learnerNames
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case learnerNames, notes, statement
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        learnerNames = try c.decode(Bool.self, forKey: .learnerNames)
        notes = try c.decode(Bool.self, forKey: .notes)
    }

    /// The statement is written with the flags, so that a reader of the JSON sees it too.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(learnerNames, forKey: .learnerNames)
        try c.encode(notes, forKey: .notes)
        try c.encode(statement, forKey: .statement)
    }

    /// The free text that needs `--include-notes`.
    static let notesText = "focus processes, target condition texts, reflections and observation notes"

    /// What the packet holds and what needs a flag, in every format: true to the content, which
    /// the tests check against it.
    public var statement: String {
        var included = [
            "the practice figures and the calendar of coached days",
            "the 2nd-coach observations with date, observer, focus point and trigger (feedback to the coach)",
            "the target conditions coached and the coach's own, with their dates and outcomes",
        ]
        var leftOut: [String] = []
        let names = "the names and handles of learners and of the coach's own coaches"
        if learnerNames {
            included.append(names + " (--include-learners)")
        } else {
            leftOut.append(
                names + ", who appear as Learner A, B, … and Coach A, B, … in the order of their handles "
                    + "(--include-learners)")
        }
        if notes {
            included.append(Self.notesText + " (--include-notes)")
        } else {
            leftOut.append(Self.notesText + " (--include-notes)")
        }
        var text = "Included: " + included.joined(separator: "; ") + "."
        if !leftOut.isEmpty { text += " Left out unless asked for: " + leftOut.joined(separator: "; ") + "." }
        return text
            + " The free text of coaching cycles (what happened, what was learned, the steps) is never included."
    }
}

/// The organisation's working calendar as far as the period is concerned.
public struct ReviewCalendar: Codable, Sendable, Equatable {
    /// ISO weekday numbers of the workweek, 1 = Monday … 7 = Sunday.
    public var workweek: [Int]
    /// Holidays inside the period.
    public var holidays: [Day]
    /// The first day of the coach's active span (DESIGN §6), nil when the coach has none.
    public var spanFrom: Day?
    /// The last day of the coach's active span, nil while it is open.
    public var spanTo: Day?

    public init(workweek: [Int], holidays: [Day], spanFrom: Day? = nil, spanTo: Day? = nil) {
        self.workweek = workweek
        self.holidays = holidays
        self.spanFrom = spanFrom
        self.spanTo = spanTo
    }

    /// Whether `day` is a workday of this calendar.
    public func isWorkday(_ day: Day) -> Bool {
        workweek.contains(day.weekday.rawValue) && !holidays.contains(day)
    }

    /// Nulls are written out, as the schema requires every field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workweek, forKey: .workweek)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(spanFrom, forKey: .spanFrom)
        try container.encode(spanTo, forKey: .spanTo)
    }

    enum CodingKeys: String, CodingKey {
        case workweek, holidays, spanFrom, spanTo
    }

    /// Whether `day` is a workday inside the coach's active span: a day the figures count.
    public func isCountedWorkday(_ day: Day) -> Bool {
        isWorkday(day) && (spanFrom.map { $0 <= day } ?? false) && (spanTo.map { day <= $0 } ?? true)
    }
}

/// Cycles by the coach on one day.
public struct DailyCycles: Codable, Sendable, Equatable {
    public var date: Day
    public var cycles: Int

    public init(date: Day, cycles: Int) {
        self.date = date
        self.cycles = cycles
    }
}

/// Someone on the other side of the coach's cycles in the period: a learner they coached, or a coach
/// who coached them.
public struct CoachingPartner: Codable, Sendable, Equatable {
    /// "Learner A" or "Coach A", or the person's name when the packet names people.
    public var label: String
    /// The person's handle; null unless the packet names people.
    public var handle: String?
    /// Cycles between the two in the period.
    public var cycles: Int
    /// The latest of those cycles.
    public var lastCycle: Day

    public init(label: String, handle: String?, cycles: Int, lastCycle: Day) {
        self.label = label
        self.handle = handle
        self.cycles = cycles
        self.lastCycle = lastCycle
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(handle, forKey: .handle)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(lastCycle, forKey: .lastCycle)
    }
}

/// A 2nd coach's observation of the coach.
public struct ReviewObservation: Codable, Sendable, Equatable {
    public var date: Day
    /// The 2nd coach who observed.
    public var observer: ReviewPerson
    /// The one focus point for the coach to practise.
    public var focus: String?
    /// When to apply it.
    public var trigger: String?
    /// What was observed; null unless the packet includes notes.
    public var notes: String?

    public init(date: Day, observer: ReviewPerson, focus: String?, trigger: String?, notes: String?) {
        self.date = date
        self.observer = observer
        self.focus = focus
        self.trigger = trigger
        self.notes = notes
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(observer, forKey: .observer)
        try c.encode(focus, forKey: .focus)
        try c.encode(trigger, forKey: .trigger)
        try c.encode(notes, forKey: .notes)
    }
}

/// A target condition one of the coach's learners worked on in cycles with the coach in the period.
public struct CoachedTargetCondition: Codable, Sendable, Equatable {
    /// The learner's label, as in `learners`.
    public var learner: String
    /// The process the target condition is about; null unless the packet includes notes.
    public var focusProcess: String?
    public var setOn: Day
    public var achieveBy: Day
    /// `active`, `achieved`, `missed` or `dropped` at the end of the period, so that a packet for a
    /// past period says the same whenever it is made.
    public var status: String
    /// When it ended, on or before the end of the period; null while active then.
    public var closedOn: Day?
    /// How it ended after the period; null when it had ended by then or is still active.
    public var later: LaterOutcome?
    /// Cycles by the coach on this target condition in the period.
    public var cycles: Int
    /// The desired operating pattern; null unless the packet includes notes.
    public var condition: String?
    /// The learner's closing reflection; null unless the packet includes notes.
    public var reflection: String?

    public init(
        learner: String, focusProcess: String?, setOn: Day, achieveBy: Day, status: String, closedOn: Day?,
        later: LaterOutcome? = nil, cycles: Int, condition: String?, reflection: String?
    ) {
        self.learner = learner
        self.focusProcess = focusProcess
        self.setOn = setOn
        self.achieveBy = achieveBy
        self.status = status
        self.closedOn = closedOn
        self.later = later
        self.cycles = cycles
        self.condition = condition
        self.reflection = reflection
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(learner, forKey: .learner)
        try c.encode(focusProcess, forKey: .focusProcess)
        try c.encode(setOn, forKey: .setOn)
        try c.encode(achieveBy, forKey: .achieveBy)
        try c.encode(status, forKey: .status)
        try c.encode(closedOn, forKey: .closedOn)
        try c.encode(later, forKey: .later)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(condition, forKey: .condition)
        try c.encode(reflection, forKey: .reflection)
    }
}

/// The coach's own development as a learner in the period.
public struct OwnDevelopment: Codable, Sendable, Equatable {
    /// Coaching cycles the coach received in the period.
    public var cyclesReceived: Int
    /// Distinct days with at least one of them.
    public var daysCoached: Int
    /// Who coached them: "Coach A", … unless the packet names people.
    public var coaches: [CoachingPartner]
    /// The coach's own target conditions that were active at some time in the period.
    public var targetConditions: [OwnTargetCondition]
    /// The coach's growth as a learner (DESIGN §11.4): steps reviewed and target conditions closed
    /// in the period; null when the store could not tell.
    public var growth: LearnerGrowth?

    public init(
        cyclesReceived: Int, daysCoached: Int, coaches: [CoachingPartner], targetConditions: [OwnTargetCondition],
        growth: LearnerGrowth? = nil
    ) {
        self.cyclesReceived = cyclesReceived
        self.daysCoached = daysCoached
        self.coaches = coaches
        self.targetConditions = targetConditions
        self.growth = growth
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cyclesReceived, forKey: .cyclesReceived)
        try c.encode(daysCoached, forKey: .daysCoached)
        try c.encode(coaches, forKey: .coaches)
        try c.encode(targetConditions, forKey: .targetConditions)
        try c.encode(growth, forKey: .growth)
    }
}

/// One of the coach's own target conditions.
public struct OwnTargetCondition: Codable, Sendable, Equatable {
    /// Null unless the packet includes notes.
    public var focusProcess: String?
    public var setOn: Day
    public var achieveBy: Day
    /// The status at the end of the period, as for the target conditions coached.
    public var status: String
    public var closedOn: Day?
    /// How it ended after the period; null when it had ended by then or is still active.
    public var later: LaterOutcome?
    /// Cycles the coach received on it in the period.
    public var cycles: Int
    /// Null unless the packet includes notes.
    public var condition: String?
    /// Null unless the packet includes notes.
    public var reflection: String?

    public init(
        focusProcess: String?, setOn: Day, achieveBy: Day, status: String, closedOn: Day?, later: LaterOutcome? = nil,
        cycles: Int, condition: String?, reflection: String?
    ) {
        self.focusProcess = focusProcess
        self.setOn = setOn
        self.achieveBy = achieveBy
        self.status = status
        self.closedOn = closedOn
        self.later = later
        self.cycles = cycles
        self.condition = condition
        self.reflection = reflection
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(focusProcess, forKey: .focusProcess)
        try c.encode(setOn, forKey: .setOn)
        try c.encode(achieveBy, forKey: .achieveBy)
        try c.encode(status, forKey: .status)
        try c.encode(closedOn, forKey: .closedOn)
        try c.encode(later, forKey: .later)
        try c.encode(cycles, forKey: .cycles)
        try c.encode(condition, forKey: .condition)
        try c.encode(reflection, forKey: .reflection)
    }
}

/// How a target condition ended after the period a packet covers: shown as later, never as the
/// period's outcome.
public struct LaterOutcome: Codable, Sendable, Equatable {
    /// `achieved`, `missed` or `dropped`.
    public var status: String
    public var closedOn: Day

    public init(status: String, closedOn: Day) {
        self.status = status
        self.closedOn = closedOn
    }

    /// The status and end of a target condition as they stood on `end`: still active when it was
    /// closed after that day, with the later outcome apart.
    public static func asOf(_ end: Day, status: String, closedOn: Day?) -> (String, Day?, LaterOutcome?) {
        guard let closedOn, closedOn > end else { return (status, closedOn, nil) }
        return ("active", nil, LaterOutcome(status: status, closedOn: closedOn))
    }
}
