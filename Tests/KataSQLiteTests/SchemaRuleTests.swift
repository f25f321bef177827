import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// The rules the schema keeps even against raw SQL, and the words they reach the user in.
@Suite("Store: rules kept by the schema")
struct SchemaRuleTests {
    let amendedNeverRewritten = KataError.ruleBroken("a target condition is amended, never rewritten.")

    /// Runs raw SQL in a store transaction, as a tool or a bug could.
    func execute(_ store: SQLiteStore, _ sql: String, _ arguments: StatementArguments = []) -> KataError? {
        thrownKataError { try store.write { db in try db.execute(sql: sql, arguments: arguments) } }
    }

    @Test("the achieve-by date and the condition cannot be rewritten")
    func targetContentIsFixed() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let id = target.id.text
        #expect(
            execute(fixture.store, "UPDATE target SET achieveBy = '2027-01-29' WHERE id = ?", [id])
                == amendedNeverRewritten)
        #expect(
            execute(fixture.store, "UPDATE target SET condition = 'Anything' WHERE id = ?", [id])
                == amendedNeverRewritten)
        #expect(execute(fixture.store, "UPDATE target SET learner = 'cy' WHERE id = ?", [id]) == amendedNeverRewritten)
        let stored = try fixture.store.target(target.id)
        #expect(stored.achieveBy == day("2026-12-18"))
        #expect(stored.condition == target.condition)
        // Writing the same value is not a rewrite.
        #expect(execute(fixture.store, "UPDATE target SET achieveBy = '2026-12-18' WHERE id = ?", [id]) == nil)
    }

    @Test("amendments and metrics can be added, never deleted or changed")
    func amendmentsAreAppendOnly() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.store.amendTarget(
            target.id, on: day("2026-11-09"), text: "Including the tool cart",
            processMetrics: [Metric(name: "steps followed", target: "100 %")])
        #expect(execute(fixture.store, "DELETE FROM target_amendment") == amendedNeverRewritten)
        #expect(execute(fixture.store, "UPDATE target_amendment SET text = 'Other'") == amendedNeverRewritten)
        #expect(execute(fixture.store, "DELETE FROM target_metric") == amendedNeverRewritten)
        #expect(execute(fixture.store, "UPDATE target_metric SET goal = '50 %'") == amendedNeverRewritten)
        let stored = try fixture.store.target(target.id)
        #expect(stored.amendments.map(\.text) == ["Including the tool cart"])
        #expect(stored.processMetrics.first?.target == "100 %")
    }

    @Test("a closed target condition stays closed")
    func targetIsNeverReopened() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        try fixture.store.closeTarget(target.id, as: .dropped, on: day("2026-11-10"), reflection: nil)
        let error = execute(
            fixture.store, "UPDATE target SET status = 'active', closedOn = NULL WHERE id = ?", [target.id.text])
        #expect(error == .ruleBroken("a closed target condition stays closed."))
    }

    @Test("two active targets for one learner and focus process are refused by the unique index")
    func oneActiveTargetIndex() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let error = execute(
            fixture.store,
            """
            INSERT INTO target (id, learner, focusProcess, condition, achieveBy, createdOn)
            VALUES (?, 'bob', 'Line 3 changeover', 'Again', '2026-12-18', '2026-11-03')
            """, [UUID().text])
        #expect(error?.ruleText?.hasPrefix("the learner already has an active target condition") == true)
    }

    @Test("two working obstacles on one target are refused by the unique index")
    func oneWorkingObstacle() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let insert = """
            INSERT INTO obstacle (id, target, text, status, createdOn) VALUES (?, ?, ?, 'working', '2026-11-03')
            """
        #expect(execute(fixture.store, insert, [UUID().text, target.id.text, "Tool cart far away"]) == nil)
        let error = execute(fixture.store, insert, [UUID().text, target.id.text, "Dies not preheated"])
        #expect(error == .ruleBroken("another obstacle of this target condition is being worked; one at a time."))
        #expect(try fixture.count("obstacle") == 1)
    }

    @Test("whether a step went as expected is yes, partly or no, and only once its result is in")
    func asExpectedIsChecked() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let planned = try #require(try fixture.log("2026-11-03", nextStep: "Move the cart").planned)
        let set = "UPDATE experiment SET asExpected = ? WHERE id = ?"
        #expect(execute(fixture.store, set, ["yes", planned.id.text]) != nil, "the step is still open")
        try fixture.log("2026-11-04", happened: "32 min", learned: "The cart helps")
        #expect(execute(fixture.store, set, ["maybe", planned.id.text]) != nil)
        #expect(execute(fixture.store, set, ["partly", planned.id.text]) == nil)
        let stored = try fixture.store.read { db in
            try String.fetchOne(db, sql: "SELECT asExpected FROM experiment WHERE id = ?", arguments: [planned.id.text])
        }
        #expect(stored == "partly")
    }

    @Test("the prediction of a reviewed experiment cannot be changed")
    func predictionIsFixed() throws {
        let fixture = try Fixture()
        try fixture.addTarget()
        let first = try fixture.log("2026-11-03", nextStep: "Move the cart", expected: "Under 35 min")
        let planned = try #require(first.planned)
        // Before the result is in, the prediction may still be corrected.
        #expect(
            execute(fixture.store, "UPDATE experiment SET expected = 'Under 30 min' WHERE id = ?", [planned.id.text])
                == nil)
        try fixture.log("2026-11-04", happened: "32 min", learned: "The cart helps")
        let error = execute(
            fixture.store, "UPDATE experiment SET expected = 'Under 40 min' WHERE id = ?", [planned.id.text])
        #expect(error == .ruleBroken("a prediction cannot be changed after the result is in."))
        let expected = try fixture.store.read { db in
            try String.fetchOne(db, sql: "SELECT expected FROM experiment WHERE id = ?", arguments: [planned.id.text])
        }
        #expect(expected == "Under 30 min")
    }

    @Test(
        "impossible dates are refused by the CHECK constraints",
        arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-2-3", "yesterday"])
    func impossibleDates(text: String) throws {
        let fixture = try Fixture()
        let error = execute(fixture.store, "INSERT INTO holiday (date) VALUES (?)", [text])
        let rule = try #require(error?.ruleText)
        #expect(rule == "date is not a real calendar date (YYYY-MM-DD).")
        #expect(!rule.contains("+0 days"))
        #expect(!rule.contains("constraint failed"))
        #expect(try fixture.count("holiday") == 0)
    }

    @Test("a broken foreign key is named in words")
    func foreignKey() throws {
        let fixture = try Fixture()
        let error = execute(
            fixture.store, "INSERT INTO pairing (id, coach, learner, since) VALUES (?, 'ann', 'nobody', '2026-11-01')",
            [UUID().text])
        #expect(error == .ruleBroken("a reference points to a record that does not exist."))
        #expect(try fixture.count("pairing") == 0)
    }
}
