import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataWeb

@Suite("Admin: adding people and pairings, ending pairings")
struct AdminPeopleFormsTests {
    @Test("an admin adds a person and a pairing and ends another: stored as the API stores them, audited")
    func writes() async throws {
        let fixture = try await WebFixture()
        let (person, pairing, ended, page) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/people", &ada)
            let person = try await client.post(
                "/admin/people", [("handle", "gus"), ("name", "Gus Green"), ("unit", "Paint"), ("reportsTo", "dan")],
                &ada)
            let pairing = try await client.post(
                "/admin/pairings", [("coach", "dan"), ("learner", "gus"), ("secondCoach", "lena"), ("since", "")], &ada)
            let ended = try await client.post(
                "/admin/pairings/end", [("coach", "dan"), ("learner", "eve"), ("on", "2026-11-19")], &ada)
            let page = try await client.get("/admin/people?done=ended", &ada)
            return (person, pairing, ended, page)
        }
        #expect(person.status == .seeOther && person.location == "/admin/people?done=person")
        #expect(pairing.status == .seeOther && ended.status == .seeOther)
        let gus = try #require(try fixture.owner.person(handle("gus")))
        #expect(gus.name == "Gus Green" && gus.unit == "Paint" && gus.reportsTo == handle("dan"))
        let pairings = try await fixture.owner.pairings(coach: handle("dan"))
        let danGus = try #require(pairings.first { $0.learner == handle("gus") })
        #expect(danGus.since == AccessFixture.today && danGus.secondCoach == handle("lena"), "since defaults to today")
        #expect(pairings.first { $0.learner == handle("eve") }?.until == day("2026-11-19"))
        #expect(page.text.contains("Pairing ended."))
        #expect(page.text.contains(#"<th scope="row">gus</th><td>Gus Green</td><td>Paint</td><td>active</td>"#))
        let people = try await fixture.audit("person")
        #expect(people.first?.record == "gus" && people.first?.via == "session" && people.first?.action == "add")
        let audited = try await fixture.audit("pairing").map(\.action)
        #expect(audited == ["end", "add"])
    }

    @Test("a refused form says why next to its field, keeps what was typed in that form and writes nothing")
    func refused() async throws {
        let fixture = try await WebFixture()
        let before = try fixture.owner.people(unit: nil).count
        let (badHandle, unknownCoach, twice) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/people", &ada)
            let badHandle = try await client.post(
                "/admin/people", [("handle", "Gus <Green>"), ("name", "Gus"), ("unit", "Paint & Body")], &ada)
            let unknownCoach = try await client.post(
                "/admin/pairings", [("coach", "nobody"), ("learner", "bo"), ("since", "2026-11-02")], &ada)
            let twice = try await client.post(
                "/admin/people", [("handle", "ann"), ("name", "Another Ann")], &ada)
            return (badHandle, unknownCoach, twice)
        }
        #expect(badHandle.status == .badRequest)
        #expect(badHandle.text.contains(#"id="person-handle-error""#), "the message is next to the handle")
        #expect(
            badHandle.text.contains(#"value="Gus &lt;Green&gt;""#)
                && badHandle.text.contains(#"value="Paint &amp; Body""#))
        #expect(unknownCoach.status.code == 404 || unknownCoach.status.code == 400, "\(unknownCoach.status)")
        #expect(unknownCoach.text.contains("nobody") && unknownCoach.text.contains(#"value="2026-11-02""#))
        #expect(twice.status == .conflict, "\(twice.status): \(twice.text)")
        #expect(try fixture.owner.people(unit: nil).count == before)
        let audited = try await fixture.audit("person") + (try await fixture.audit("pairing"))
        #expect(audited.isEmpty)
    }

    @Test("only admins may send the forms; a forged form is refused; nothing is written")
    func access() async throws {
        let fixture = try await WebFixture()
        let before = try fixture.owner.people(unit: nil).count
        let statuses = try await fixture.test { client in
            var statuses: [Int] = []
            for who in ["ann", "lea", "fay"] {
                var browser = try await client.signIn(who)
                statuses.append(
                    Int(
                        try await client.post("/admin/people", [("handle", "gus"), ("name", "Gus")], &browser).status
                            .code))
            }
            var ada = try await client.signIn("ada")
            statuses.append(
                Int(
                    try await client.post(
                        "/admin/people", [("handle", "gus"), ("name", "Gus"), ("csrf", "forged")], &ada
                    ).status.code))
            return statuses
        }
        #expect(statuses == [403, 403, 403, 403])
        #expect(try fixture.owner.people(unit: nil).count == before)
    }
}
