import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: people and pairings")
struct PeopleStoreTests {
    @Test("keeps people and lists them by handle, optionally of one unit")
    func people() throws {
        let fixture = try Fixture()
        #expect(try fixture.store.people().map(\.handle.rawValue) == ["ann", "bob", "cy", "dee", "eve"])
        #expect(try fixture.store.people(unit: "Assembly").map(\.handle.rawValue) == ["ann", "bob", "cy"])
        let ann = try #require(try fixture.store.person(handle("ann")))
        #expect(ann.name == "Ann Lee")
        #expect(ann.reportsTo == handle("dee"))
        #expect(try fixture.store.person(handle("zed")) == nil)
    }

    @Test("refuses a handle that exists already")
    func duplicateHandle() throws {
        let fixture = try Fixture()
        let error = thrownKataError { try fixture.store.addPerson(Person(handle: handle("ann"), name: "Another Ann")) }
        #expect(error == .duplicate(kind: "person", reference: "ann"))
        #expect(try fixture.store.person(handle("ann"))?.name == "Ann Lee")
    }

    @Test("refuses a manager who is not in the database")
    func unknownManager() throws {
        let fixture = try Fixture()
        let error = thrownKataError {
            try fixture.store.addPerson(Person(handle: handle("fay"), name: "Fay", reportsTo: handle("zed")))
        }
        #expect(error?.unknownKind == "person (--reports-to)")
        #expect(try fixture.store.person(handle("fay")) == nil)
    }

    @Test("refuses a reporting loop, direct or through others")
    func reportingLoop() throws {
        let fixture = try Fixture()
        // dee ← ann ← bob: dee reporting to bob closes a loop of three.
        let loop = thrownKataError {
            try fixture.store.editPerson(handle("dee")) { $0.reportsTo = handle("bob") }
        }
        #expect(loop?.ruleText == "dee cannot report to bob: bob reports to dee already.")
        #expect(thrownKataError { try fixture.store.editPerson(handle("ann")) { $0.reportsTo = handle("bob") } } != nil)
        #expect(thrownKataError { try fixture.store.editPerson(handle("ann")) { $0.reportsTo = handle("ann") } } != nil)
        #expect(try fixture.store.person(handle("dee"))?.reportsTo == nil)
        #expect(try fixture.store.person(handle("ann"))?.reportsTo == handle("dee"))
    }

    @Test("edits a person's details but not the handle")
    func editPerson() throws {
        let fixture = try Fixture()
        let edited = try fixture.store.editPerson(handle("cy")) {
            $0.unit = "Paint shop"
            $0.reportsTo = handle("dee")
            $0.active = false
        }
        #expect(edited.unit == "Paint shop")
        let stored = try #require(try fixture.store.person(handle("cy")))
        #expect(stored == edited)
        #expect(!stored.active)
        #expect(
            thrownKataError { try fixture.store.editPerson(handle("zed")) { $0.name = "Z" } }?.unknownKind == "person")
    }

    @Test("refuses pairings with people who are not in the database")
    func pairingUnknownPeople() throws {
        let fixture = try Fixture()
        #expect(thrownKataError { try fixture.pair(coach: "zed", learner: "bob") }?.unknownKind == "coach")
        #expect(thrownKataError { try fixture.pair(learner: "zed") }?.unknownKind == "learner")
        let second = thrownKataError {
            try fixture.store.addPairing(
                Pairing(
                    coach: handle("ann"), learner: handle("bob"), secondCoach: handle("zed"), since: day("2026-11-01")))
        }
        #expect(second?.unknownKind == "2nd coach")
        #expect(try fixture.store.pairings().isEmpty)
    }

    @Test("refuses a second pairing of the same coach and learner in the same time")
    func overlappingPairing() throws {
        let fixture = try Fixture()
        try fixture.pair(learner: "bob", since: "2026-11-01")
        let error = thrownKataError { try fixture.pair(learner: "bob", since: "2026-12-01") }
        #expect(error?.ruleText?.hasPrefix("ann already coaches bob in that time") == true)
        try fixture.store.endPairing(coach: handle("ann"), learner: handle("bob"), on: day("2026-11-30"))
        try fixture.pair(learner: "bob", since: "2026-12-01")
        #expect(try fixture.store.pairings(coach: handle("ann")).count == 2)
        #expect(thrownKataError { try fixture.pair(learner: "bob", since: "2026-11-15", until: "2026-11-20") } != nil)
    }

    @Test("ends an open pairing on its last day, not before it started")
    func endPairing() throws {
        let fixture = try Fixture()
        try fixture.pair(learner: "bob", since: "2026-11-10")
        #expect(
            thrownKataError {
                try fixture.store.endPairing(coach: handle("ann"), learner: handle("bob"), on: day("2026-11-09"))
            }?.ruleText != nil)
        let ended = try fixture.store.endPairing(coach: handle("ann"), learner: handle("bob"), on: day("2026-11-20"))
        #expect(ended.until == day("2026-11-20"))
        #expect(
            thrownKataError {
                try fixture.store.endPairing(coach: handle("ann"), learner: handle("bob"), on: day("2026-11-21"))
            }?.unknownKind == "open pairing")
        #expect(try fixture.store.pairings(activeOn: day("2026-11-20")).count == 1)
        #expect(try fixture.store.pairings(activeOn: day("2026-11-21")).isEmpty)
        #expect(try fixture.store.pairings(activeOn: day("2026-11-09")).isEmpty)
    }

    @Test("lists pairings by coach, learner and 2nd coach")
    func pairingFilters() throws {
        let fixture = try Fixture()
        try fixture.pair(learner: "bob")
        try fixture.store.addPairing(
            Pairing(coach: handle("ann"), learner: handle("cy"), secondCoach: handle("eve"), since: day("2026-11-01")))
        try fixture.pair(coach: "dee", learner: "ann")
        #expect(try fixture.store.pairings(coach: handle("ann")).map(\.learner.rawValue) == ["bob", "cy"])
        #expect(try fixture.store.pairings(learner: handle("ann")).map(\.coach.rawValue) == ["dee"])
        #expect(try fixture.store.pairings(secondCoach: handle("eve")).map(\.learner.rawValue) == ["cy"])
    }
}
