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

@Suite("Admin: settings and holidays")
struct AdminSettingsPageTests {
    @Test("an admin changes the time zone and workweek: stored as PATCH /api/v1/settings stores it, audited")
    func changesSettings() async throws {
        let fixture = try await WebFixture()
        let (page, saved, shown) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            let page = try await client.get("/admin/settings", &browser)
            let saved = try await client.post(
                "/admin/settings",
                [
                    ("timeZone", "Europe/Berlin"), ("mon", "on"), ("tue", "on"), ("wed", "on"), ("thu", "on"),
                    ("sat", "on"),
                ],
                &browser)
            let shown = try await client.get(saved.location ?? "/admin/settings", &browser)
            return (page, saved, shown)
        }
        #expect(page.status == .ok)
        #expect(page.text.contains(#"name="timeZone" type="text" value="UTC""#), "the stored zone: \(page.text)")
        #expect(page.text.contains(#"name="fri" checked"#) && !page.text.contains(#"name="sat" checked"#))
        #expect(saved.status == .seeOther && saved.location == "/admin/settings?done=settings")
        #expect(shown.text.contains("Settings saved."))
        #expect(shown.text.contains(#"name="sat" checked"#) && !shown.text.contains(#"name="fri" checked"#))
        let settings = try fixture.owner.settings()
        #expect(settings.timeZone == "Europe/Berlin")
        #expect(settings.calendar.workweek == [.monday, .tuesday, .wednesday, .thursday, .saturday])
        let entry = try #require(try await fixture.audit("setting").first)
        #expect(entry.account == handle("ada") && entry.via == "session" && entry.action == "edit")
    }

    @Test(
        "a zone the store does not know, or no working day, is refused with its message, keeps the text, writes nothing"
    )
    func refused() async throws {
        let fixture = try await WebFixture()
        let before = try fixture.owner.settings()
        let (zone, empty) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/settings", &browser)
            let zone = try await client.post(
                "/admin/settings", [("timeZone", "Mars/Olympus <Mons>"), ("mon", "on")], &browser)
            let empty = try await client.post("/admin/settings", [("timeZone", "UTC")], &browser)
            return (zone, empty)
        }
        #expect(zone.status == .badRequest)
        #expect(zone.text.contains("Mars/Olympus &lt;Mons&gt;"), "the text typed stays, escaped")
        #expect(zone.text.contains(#"class="error" id="timeZone-error""#), "the message is next to the field")
        #expect(empty.status == .badRequest && empty.text.contains("workweek"))
        #expect(try fixture.owner.settings() == before)
        #expect(try await fixture.audit("setting").isEmpty)
    }

    @Test("holidays are added and removed, and count at once: a holiday is not a workday in the practice figures")
    func holidays() async throws {
        let fixture = try await WebFixture()
        let (added, bad, page, removed) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/settings", &browser)
            let added = try await client.post("/admin/holidays", [("date", "2026-11-18")], &browser)
            let bad = try await client.post("/admin/holidays", [("date", "18.11.2026")], &browser)
            let page = try await client.get("/admin/settings", &browser)
            let removed = try await client.post("/admin/holidays/remove", [("date", "2026-11-18")], &browser)
            return (added, bad, page, removed)
        }
        #expect(added.status == .seeOther && added.location == "/admin/settings?done=holiday-added")
        #expect(bad.status == .badRequest && bad.text.contains("18.11.2026") && bad.text.contains("YYYY-MM-DD"))
        #expect(
            page.text.contains(
                #"<time datetime="2026-11-18">2026-11-18</time> · Wed <span class="status">(past)</span>"#))
        #expect(removed.status == .seeOther)
        #expect(try fixture.owner.settings().calendar.holidays.isEmpty, "added, then removed")
        #expect(try await fixture.audit("setting").count == 2)
    }

    @Test("only admins: everyone else gets 403 and changes nothing; without the session's CSRF token, 403")
    func access() async throws {
        let fixture = try await WebFixture()
        let before = try fixture.owner.settings()
        let answers = try await fixture.test { client in
            var answers: [String: (Int, Int)] = [:]
            for who in ["ann", "lea", "fay"] {
                var browser = try await client.signIn(who)
                let page = try await client.get("/admin/settings", &browser)
                let post = try await client.post("/admin/holidays", [("date", "2026-12-24")], &browser)
                answers[who] = (Int(page.status.code), Int(post.status.code))
            }
            var admin = try await client.signIn("ada")
            let forged = try await client.post(
                "/admin/holidays", [("date", "2026-12-24"), ("csrf", "not-the-token")], &admin)
            answers["ada"] = (0, Int(forged.status.code))
            return answers
        }
        for who in ["ann", "lea", "fay"] { #expect(answers[who]! == (403, 403), "\(who)") }
        #expect(answers["ada"]!.1 == 403, "a forged form")
        #expect(try fixture.owner.settings() == before)
    }
}
