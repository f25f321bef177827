import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@Suite("Handle, person and pairing")
struct PeopleTests {
    @Test("accepts employee ids and short names", arguments: ["ann", "m.lee", "e10442", "a_b-c.9", "x"])
    func acceptsHandles(text: String) throws {
        #expect(try Handle(validating: text).rawValue == text)
    }

    @Test("refuses 'Ann Lee!' and suggests a handle that would do")
    func refusesWithSuggestion() {
        let error = thrownKataError { try Handle(validating: "Ann Lee!", field: "--learner") }
        #expect(error?.invalidField == "--learner")
        #expect(error?.description.contains("'ann.lee'") == true)
        #expect(Handle.suggestion(for: "Ann Lee!") == "ann.lee")
        #expect(Handle.suggestion(for: "!!!") == "ann.lee")
    }

    @Test("allows 64 characters and refuses 65")
    func length() throws {
        let sixtyFour = String(repeating: "a", count: 64)
        #expect(try Handle(validating: sixtyFour).rawValue.count == 64)
        #expect(thrownKataError { try Handle(validating: sixtyFour + "b") }?.invalidField == "handle")
        #expect(thrownKataError { try Handle(validating: "") }?.invalidField == "handle")
    }

    @Test(
        "refuses upper case and characters outside a-z 0-9 . _ -",
        arguments: [
            "Ann", "ANN", "ann lee", "ann@x",
            "änn", "ann/1",
        ])
    func refusesCharacters(text: String) {
        #expect(thrownKataError { try Handle(validating: text) }?.invalidField == "handle")
    }

    @Test("decodes only valid handles")
    func codable() throws {
        let decoded = try JSONDecoder().decode([Handle].self, from: Data(#"["m.lee"]"#.utf8))
        #expect(decoded == [handle("m.lee")])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["m.lee"]"#)
        #expect(throws: KataError.self) { try JSONDecoder().decode([Handle].self, from: Data(#"["M.Lee"]"#.utf8)) }
    }

    @Test("a person needs a name and cannot report to themselves")
    func person() throws {
        #expect(thrownKataError { try Person(handle: handle("ann"), name: "  ") }?.missingFields == ["name"])
        #expect(
            thrownKataError { try Person(handle: handle("ann"), name: "Ann", reportsTo: handle("ann")) }?.ruleText
                != nil)
        let ann = try Person(handle: handle("ann"), name: "Ann Lee", unit: " ", reportsTo: handle("bo"), email: "")
        #expect(ann.unit == nil)
        #expect(ann.email == nil)
        #expect(ann.reportsTo == handle("bo"))
        #expect(ann.active)
    }

    @Test("a pairing needs two different people and dates in order")
    func pairingRules() {
        let since = day("2026-11-01")
        #expect(
            thrownKataError { try Pairing(coach: handle("ann"), learner: handle("ann"), since: since) }?.ruleText != nil
        )
        #expect(
            thrownKataError {
                try Pairing(coach: handle("ann"), learner: handle("bob"), secondCoach: handle("ann"), since: since)
            }?.ruleText != nil)
        #expect(
            thrownKataError {
                try Pairing(coach: handle("ann"), learner: handle("bob"), since: since, until: day("2026-10-31"))
            }?.ruleText == "the pairing ends (2026-10-31) before it starts (2026-11-01).")
    }

    @Test("a pairing is in force from its first to its last day inclusive")
    func pairingActive() throws {
        let pairing = try Pairing(
            coach: handle("ann"), learner: handle("bob"), since: day("2026-11-02"), until: day("2026-11-13"))
        #expect(!pairing.isActive(on: day("2026-11-01")))
        #expect(pairing.isActive(on: day("2026-11-02")))
        #expect(pairing.isActive(on: day("2026-11-13")))
        #expect(!pairing.isActive(on: day("2026-11-14")))
        #expect(pairing.overlaps(try Period(parsing: "2026-11")))
        #expect(pairing.overlaps(try Period(from: day("2026-11-13"), to: day("2026-11-30"))))
        #expect(!pairing.overlaps(try Period(from: day("2026-11-14"), to: day("2026-11-30"))))
        #expect(!pairing.overlaps(try Period(parsing: "2026-10")))
        let open = try Pairing(coach: handle("ann"), learner: handle("bob"), since: day("2026-11-02"))
        #expect(open.isActive(on: day("2036-01-01")))
        #expect(open.overlaps(try Period(parsing: "2030")))
    }
}
