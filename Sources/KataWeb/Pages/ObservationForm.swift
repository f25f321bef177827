import Foundation
import ImprovementKata
import KataStore

/// The fields of `POST /coaches/{handle}/observations`, named as the interchange's observation
/// (DESIGN §8), exactly as typed: what `kata observe` takes, the 2nd coach being the visitor.
struct ObservationForm: Decodable, Sendable {
    var csrf: String?
    var date: String?
    var cycle: String?
    var notes: String?
    var focus: String?
    var trigger: String?

    /// The observation `kata observe --coach coach --second-coach observer` would record from the
    /// same answers, or the messages of the fields that cannot be taken, by field name.
    ///
    /// Notes, focus and trigger are required, as the command's options are; the cycle is the id
    /// (or the start of one) of a cycle of the coach's, found as `kata observe --cycle` finds it.
    func observation(observer: Handle, coach: Handle, today: Day, store: any KataService) async -> Result<
        Observation, FieldErrors
    > {
        var errors = FieldErrors()
        var day = today
        if let text = date.nonBlank {
            if let typed = Day(text.trimmed) {
                day = typed
            } else {
                errors.add(KataError.invalidValue(field: "date", value: text, expected: "a date (YYYY-MM-DD)"))
            }
        }
        var cycleID: UUID?
        if let text = cycle.nonBlank {
            do {
                cycleID = try await store.resolve(.cycle, text.trimmed)
            } catch let error as KataError {
                errors.add("cycle", error.description)
            } catch {
                errors.add("cycle", "the cycle could not be looked up; pick it again.")
            }
        }
        let required: [(String, String?, String)] = [
            ("notes", notes, "Write what you observed."),
            ("focus", focus, "Give the coach one focus point to practise."),
            ("trigger", trigger, "Say when to apply the focus point."),
        ]
        for (field, value, hint) in required where value.nonBlank == nil {
            errors.add(KataError.missing(fields: [field], hint: hint))
        }
        guard errors.isEmpty else { return .failure(errors) }
        do {
            return .success(
                try Observation(
                    date: day, secondCoach: observer, coach: coach, cycle: cycleID, notes: notes.nonBlank,
                    focus: focus.nonBlank, trigger: trigger.nonBlank))
        } catch let error as KataError {
            errors.add(error)
        } catch {
            errors.add(nil, "the observation could not be made; send it again.")
        }
        return .failure(errors)
    }
}

/// Who may read and record 2nd-coach observations of a coach (DESIGN §10.3), as the store decides
/// it: lean staff and admins, and a 2nd coach of one of the coach's pairings; the coach reads their own.
struct ObservationAccess: Sendable {
    var mayRead: Bool
    var mayRecord: Bool

    init(of coach: Handle, for visitor: Visitor, store: any KataService) async throws {
        let me = visitor.account.handle
        let wide = visitor.caller.has(.lean) || visitor.caller.has(.admin)
        var secondCoach = false
        if !wide && me != coach {
            secondCoach = !(try await store.pairings(coach: coach, secondCoach: me)).isEmpty
        }
        mayRead = wide || secondCoach || me == coach
        mayRecord = (wide || secondCoach) && me != coach
    }

    /// The refusal of a visitor who may not record an observation of `coach`: the store's words.
    static func refusal(_ coach: Handle) -> KataError {
        .forbidden("only lean staff, 2nd coaches of \(coach) or an admin may record an observation of \(coach).")
    }
}
