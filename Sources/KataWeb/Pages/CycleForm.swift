import Foundation
import ImprovementKata
import KataStore

/// The fields of `POST /cycles`, named as the API's cycle (DESIGN §10.5), exactly as typed.
struct CycleForm: Decodable, Sendable {
    var csrf: String?
    var learner: String?
    var target: String?
    var date: String?
    var minutes: String?
    var actualCondition: String?
    var happened: String?
    var asExpected: String?
    var learned: String?
    var obstacle: String?
    var newObstacle: String?
    var nextStep: String?
    var expected: String?
    var goSee: String?

    /// The form a coach starts from: the cycle today, the go-see date on the next workday, the
    /// obstacle being worked chosen.
    static func blank(learner: Handle, today: Day, calendar: WorkCalendar, working: Obstacle?) -> CycleForm {
        CycleForm(
            learner: learner.rawValue, date: today.description, obstacle: working?.id.uuidString.lowercased(),
            goSee: nextWorkday(after: today, calendar).description)
    }

    /// The first workday after `day` (within two weeks, so that a calendar without workdays still ends).
    static func nextWorkday(after day: Day, _ calendar: WorkCalendar) -> Day {
        var next = day.adding(days: 1)
        while !calendar.isWorkday(next) && next < day.adding(days: 14) { next = next.adding(days: 1) }
        return next
    }

    /// The entry `kata cycle log` would log from the same answers, for `coach`, or the messages
    /// of the fields that cannot be read, by field name.
    func entry(coach: Handle, learner: Handle, today: Day, working: Obstacle?) -> Result<CycleEntry, FieldErrors> {
        var errors = FieldErrors()
        func day(_ text: String?, _ field: String) -> Day? {
            guard let text = text.nonBlank else { return nil }
            if let day = Day(text.trimmed) { return day }
            errors.add(KataError.invalidValue(field: field, value: text, expected: "a date (YYYY-MM-DD)"))
            return nil
        }
        func uuid(_ text: String?, _ field: String) -> UUID? {
            guard let text = text.nonBlank else { return nil }
            if let id = UUID(uuidString: text.trimmed) { return id }
            errors.add(KataError.invalidValue(field: field, value: text, expected: "an id (a UUID)"))
            return nil
        }
        let date = day(date, "date") ?? today
        if date > today {
            errors.add(
                "date",
                "the date \(date) is after today (\(today)): record a cycle once it has happened.")
        }
        var minuteCount: Int?
        if let text = minutes.nonBlank {
            minuteCount = Int(text.trimmed)
            if minuteCount == nil {
                errors.add(
                    KataError.invalidValue(field: "minutes", value: text, expected: "a whole number of minutes"))
            }
        }
        do {
            try CoachingCycle.validate(minutes: minuteCount)
        } catch let error as KataError {
            errors.add(error)
        } catch {}
        var answer: AsExpected?
        if let text = asExpected.nonBlank {
            answer = AsExpected(rawValue: text.trimmed.lowercased())
            if answer == nil {
                errors.add(KataError.invalidValue(field: "asExpected", value: text, expected: "yes, partly or no"))
            }
        }
        var chosen = newObstacle.nonBlank == nil ? uuid(obstacle, "obstacle") : nil
        if chosen == working?.id { chosen = nil }  // the obstacle being worked goes on being worked
        let entry = CycleEntry(
            date: date, coach: coach, learner: learner, minutes: minuteCount, target: uuid(target, "target"),
            actualCondition: actualCondition.nonBlank, happened: happened.nonBlank, learned: learned.nonBlank,
            obstacle: chosen, newObstacle: newObstacle.nonBlank, nextStep: nextStep.nonBlank,
            expected: expected.nonBlank, goSee: day(goSee, "goSee"), asExpected: answer)
        return errors.isEmpty ? .success(entry) : .failure(errors)
    }
}

/// The messages a refused form shows, each next to its field; those about no one field at the top.
struct FieldErrors: Error, Sendable {
    private(set) var byField: [String: String] = [:]
    private(set) var general: [String] = []

    var isEmpty: Bool { byField.isEmpty && general.isEmpty }

    mutating func add(_ field: String?, _ message: String) {
        if let field {
            byField[field] = byField[field].map { $0 + " " + message } ?? message
        } else {
            general.append(message)
        }
    }

    mutating func add(_ error: KataError) { add(error.field, error.description) }

    subscript(field: String) -> String? { byField[field] }
}
