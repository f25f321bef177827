import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import Testing

/// The cycles CSV follows the rules `cycle log` follows, in the separators spreadsheets write.
@Suite("Cycles CSV: the rules of cycle log, separators, repeated rows")
struct InterchangeSheetRulesTests {
    typealias F = InterchangeFixture

    /// carl coaching zoe toward one target condition, with nothing planned yet.
    private func base() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try store.addPerson(Person(handle: F.handle("carl"), name: "Carl"))
        try store.addPerson(Person(handle: F.handle("zoe"), name: "Zoe"))
        try store.addTarget(
            TargetCondition(
                learner: F.handle("zoe"), focusProcess: "Welding", condition: "C", achieveBy: F.day("2026-12-18"),
                createdOn: F.day("2026-11-01")))
        return store
    }

    private func sheet(_ rows: [String]) throws -> String {
        try F.file(Data((rows.joined(separator: "\r\n") + "\r\n").utf8), name: "cycles.csv")
    }

    @Test("a row dated after today is refused with its row and field, and nothing is written")
    func futureRow() throws {
        let store = try base()
        let path = try sheet([
            "date,coach,learner", "2026-11-10,carl,zoe", "2026-11-22,carl,zoe",
        ])
        let message = F.message { try F.importFile(path, into: store) }
        #expect(
            message?.hasPrefix(
                "cycles.csv row 3: field 'date': the date 2026-11-22 is after today (2026-11-20): record a coaching cycle once it has happened."
            )
                == true, "\(message ?? "")")
        #expect(try store.cycles().isEmpty)
    }

    @Test("a row planning a step while an earlier row's step has no result is refused, naming both rows")
    func stepBeforeReview() throws {
        let store = try base()
        let path = try sheet([
            "date,coach,learner,step,expected", "2026-11-10,carl,zoe,Try A,A works",
            "2026-11-11,carl,zoe,Try B,B works",
        ])
        let message = F.message { try F.importFile(path, into: store) }
        #expect(
            message?.hasPrefix(
                "cycles.csv row 3: field 'step': the step 'Try A' (expected: 'A works') planned on row 2 has not been "
                    + "reviewed") == true, "\(message ?? "")")
        #expect(try store.cycles().isEmpty)

        // Rows in the other order are refused too.
        let reversed = try sheet([
            "date,coach,learner,step", "2026-11-11,carl,zoe,Try B", "2026-11-10,carl,zoe,Try A",
        ])
        #expect(F.message { try F.importFile(reversed, into: store) }?.contains("row 3: field 'step'") == true)
    }

    @Test("a row planning a step after the earlier step got its result, or after reviewing it, imports")
    func stepAfterReview() throws {
        let store = try base()
        let withResult = try sheet([
            "date,coach,learner,step,happened,learned", "2026-11-10,carl,zoe,Try A,It worked,Keep it",
            "2026-11-11,carl,zoe,Try B,,",
        ])
        #expect(try F.importFile(withResult, into: store).added == [.cycle: 2, .experiment: 2])
        // The open step Try B is reviewed by id on the next row, which plans Try C.
        let open = try #require(store.storyboard(learner: F.handle("zoe")).experiments.first { $0.step == "Try B" })
        let reviewing = try sheet([
            "date,coach,learner,reviewed,step", "2026-11-12,carl,zoe,\(open.id.uuidString.lowercased()),Try C",
        ])
        #expect(try F.importFile(reviewing, into: store).added == [.cycle: 1, .experiment: 1])
        let steps = try store.storyboard(learner: F.handle("zoe")).experiments
        #expect(steps.first { $0.step == "Try B" }?.closedOn == F.day("2026-11-12"))
        // Both sheets imported again change nothing.
        let export = try F.export(store)
        #expect(try F.importFile(withResult, into: store).totalAdded == 0)
        #expect(try F.importFile(reviewing, into: store).totalAdded == 0)
        #expect(try F.export(store) == export)
    }

    @Test("a step is not reviewed before it was planned, and a target condition not coached outside its days")
    func datesOfReviewAndTarget() throws {
        let store = try base()
        try F.importFile(try sheet(["date,coach,learner,step", "2026-11-10,carl,zoe,Try A"]), into: store)
        let step = try #require(store.storyboard(learner: F.handle("zoe")).experiments.first)
        let early = try sheet([
            "date,coach,learner,reviewed", "2026-11-09,carl,zoe,\(step.id.uuidString.lowercased())",
        ])
        #expect(
            F.message { try F.importFile(early, into: store) }?.contains(
                "row 2: field 'reviewed': the step 'Try A' was planned on 2026-11-10; it cannot be reviewed on 2026-11-09"
            )
                == true)
        let target = try store.targets(learner: F.handle("zoe"))[0].id.uuidString.lowercased()
        let before = try sheet(["date,coach,learner,target", "2026-10-20,carl,zoe,\(target)"])
        #expect(
            F.message { try F.importFile(before, into: store) }?.contains(
                "row 2: field 'target': target condition \(target) was set on 2026-11-01, after the row's date") == true
        )
    }

    @Test("a row without a target condition is refused when the learner has several in force, as cycle log does")
    func severalTargets() throws {
        let store = try base()
        try store.addTarget(
            TargetCondition(
                learner: F.handle("zoe"), focusProcess: "Painting", condition: "D", achieveBy: F.day("2026-12-18"),
                createdOn: F.day("2026-11-01")))
        let message = F.message {
            try F.importFile(try sheet(["date,coach,learner", "2026-11-10,carl,zoe"]), into: store)
        }
        #expect(message?.contains("row 2: field 'target': is empty and zoe has several target conditions") == true)
    }

    @Test(
        "a sheet separated by semicolons or tabs, with or without a byte order mark, imports like one with commas",
        arguments: [";", "\t", ","])
    func separators(separator: String) throws {
        let rows = [
            ["Date", "Coach", "Learner", "Minutes", "ActualCondition"],
            ["2026-11-10", "carl", "zoe", "15", "\"55 s\(separator) 2 stops\""],
        ]
        let text = "\u{FEFF}" + rows.map { $0.joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        let store = try base()
        #expect(try F.importFile(F.file(Data(text.utf8), name: "cycles.csv"), into: store).added == [.cycle: 1])
        let cycle = try #require(store.cycles().first)
        #expect(cycle.minutes == 15 && cycle.actualCondition == "55 s\(separator) 2 stops")
    }

    @Test("Examples/cycles.csv into an empty database names the missing people, not a missing target condition")
    func examplesIntoEmptyDatabase() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/cycles.csv")
        let store = try SQLiteStore.inMemory()
        let message = F.message { try F.importFile(examples.path, into: store) }
        #expect(
            message?.hasPrefix(
                "cycles.csv row 2: field 'coach': no person 'carlos.ruiz' and 'priya.nair' in the database") == true,
            "\(message ?? "")")
    }

    @Test("a second identical row in one sheet is one coaching cycle, reported as a repeated row, not as unchanged")
    func repeatedRow() throws {
        let store = try base()
        let path = try sheet(["date,coach,learner,minutes", "2026-11-10,carl,zoe,15", "2026-11-10,carl,zoe,15"])
        let summary = try F.importFile(path, into: store)
        #expect(summary.added == [.cycle: 1])
        #expect(summary.unchanged.isEmpty)
        #expect(summary.repeatedRows == 1)
        let again = try F.importFile(path, into: store)
        #expect(again.unchanged == [.cycle: 1] && again.repeatedRows == 1)
    }
}
