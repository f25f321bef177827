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

@Suite("Reviews page and its downloads")
struct ReviewsPageTests {
    /// The organisation of `AccessFixture`, with lena's observation of ann on 19 November, notes and all.
    static func fixture() async throws -> WebFixture { try await CoachPageTests.fixture() }

    /// The text of the section whose heading has id `id`, up to its end.
    static func section(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: #"id="\#(id)""#),
            let end = html[start.upperBound...].range(of: "</section>")
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The value shown for `figure` in the packet's figures.
    static func shown(_ figure: String, in html: String) -> String? {
        guard let start = html.range(of: #"id="figure-\#(figure)"><dt>"#),
            let value = html[start.upperBound...].range(of: "<dd>"),
            let end = html[value.upperBound...].range(of: "</dd>")
        else { return nil }
        return String(html[value.upperBound..<end.lowerBound])
    }

    @Test("HR sees a coach's packet on screen with the figures of the API's packet, and it is in the audit log")
    func packetOnScreen() async throws {
        let fixture = try await Self.fixture()
        let before = try await fixture.audit("review").count
        let (page, json) = try await fixture.test { client in
            var browser = try await client.signIn("fay")
            let page = try await client.get("/reviews?coach=ann&period=2026-11", &browser)
            let json = try await client.api(
                "/api/v1/reviews/ann?from=2026-11-01&to=2026-11-30", token: try await fixture.apiToken("fay"))
            return (page, json)
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains(#"<h2 id="packet-heading">Ann Lee <span class="handle">(ann)</span></h2>"#))
        #expect(html.contains("<dt>Unit</dt><dd>Assembly</dd>"))
        #expect(html.contains("Counted to 2026-11-20, the period is not over."))
        let practice = try #require(json["practice"] as? [String: Any])
        for figure in ["cycles", "learners", "coachedDays", "cyclesOver20Minutes", "observations"] {
            #expect(Self.shown(figure, in: html) == (practice[figure] as? Int).map(String.init), "\(figure)")
        }
        #expect(Self.shown("workdays", in: html) == "15" && Self.shown("coachedDays", in: html) == "2")
        #expect(
            Self.shown("cadence", in: html) == (practice["cadence"] as? Double).map { "\(Int(($0 * 100).rounded()))%" })
        #expect(html.contains(#"aria-label="Coached days per ISO week""#), "the weekly trend chart")
        #expect(html.contains(#"aria-label="Calendar of coached days""#), "the calendar heatmap")
        #expect(html.contains(#"<option value="ann" selected>Ann Lee (ann)</option>"#), "the coach stays chosen")
        #expect(html.contains(#"<option value="*">Every coach</option>"#), "HR may ask for every coach")
        #expect(html.contains(#"<a href="/reviews">Reviews</a>"#), "the nav links to Reviews for HR")
        let entries = try await fixture.audit("review")
        #expect(entries.count == before + 2, "the page's packet and the API's")
        let pageEntry = try #require(entries.first { $0.via == "session" })
        #expect(pageEntry.account == handle("fay") && pageEntry.record == "ann" && pageEntry.action == "make")
        #expect(pageEntry.detail == "2026-11-01..2026-11-30 learnerNames=false notes=false")
    }

    @Test("private by default: learner names and free text only when their boxes are ticked")
    func privateByDefault() async throws {
        let fixture = try await Self.fixture()
        let (plain, open) = try await fixture.test { client in
            var browser = try await client.signIn("fay")
            let plain = try await client.get("/reviews?coach=ann&period=2026-11", &browser).text
            let open = try await client.get("/reviews?coach=ann&period=2026-11&learnerNames=on&notes=on", &browser).text
            return (plain, open)
        }
        let learners = try #require(Self.section("packet-learners", in: plain))
        #expect(learners.contains("Learner A") && !learners.contains("Bo Chen") && !learners.contains(">bo<"))
        let observations = try #require(Self.section("packet-observations", in: plain))
        #expect(observations.contains("Q2 before Q4"), "the focus point is always in the packet")
        #expect(!plain.contains("Asked for the next step"), "no observation notes without the opt-in")
        #expect(!plain.contains(#"name="learnerNames" checked"#))
        let named = try #require(Self.section("packet-learners", in: open))
        #expect(named.contains("<td>bo</td>"), "the learner's handle with the opt-in")
        #expect(open.contains("Asked for the next step before the last one&#39;s result"), "notes, escaped")
        #expect(open.contains(#"name="learnerNames" checked"#) && open.contains(#"name="notes" checked"#))
        #expect(open.contains("coach=ann&amp;period=2026-11&amp;learnerNames=on&amp;notes=on&amp;format=csv"))
    }

    @Test("a download is an attachment with the API's bytes and a file name of the coach and period")
    func downloads() async throws {
        let fixture = try await Self.fixture()
        let (csv, api, html, refused) = try await fixture.test { client in
            var browser = try await client.signIn("fay")
            let csv = try await client.get("/reviews/download?coach=ann&period=2026-11&format=csv", &browser)
            let api = try await client.execute(
                uri: "/api/v1/reviews/ann?from=2026-11-01&to=2026-11-30&format=csv", method: .get,
                headers: [.authorization: "Bearer \(try await fixture.apiToken("fay"))"], body: nil)
            let html = try await client.get("/reviews/download?coach=ann&period=2026-11&format=html", &browser)
            let refused = try await client.get("/reviews/download?coach=ann&period=2026-11&format=xls", &browser)
            return (csv, api, html, refused)
        }
        #expect(csv.status == .ok)
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(
            csv.headers[.contentDisposition] == #"attachment; filename="kata-review-ann-2026-11-01-2026-11-30.csv""#)
        #expect(csv.headers[.cacheControl] == "no-store")
        #expect(csv.text == api.text, "the same packet, made at the same instant")
        #expect(csv.text.contains("ann"))
        #expect(html.headers[.contentType] == "text/html; charset=utf-8")
        #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.contains("Ann Lee"))
        #expect(refused.status == .badRequest)
        #expect(refused.text.contains("format"), "the refusal names the field")
    }

    @Test("every coach: one line per coach who coached, CSV and JSON only, each packet audited")
    func everyCoach() async throws {
        let fixture = try await Self.fixture()
        let before = try await fixture.audit("review").count
        let (page, csv, markdown) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            let page = try await client.get("/reviews?coach=%2A&period=2026-11", &browser)
            let csv = try await client.get("/reviews/download?coach=%2A&period=2026-11&format=csv", &browser)
            let markdown = try await client.get("/reviews/download?coach=%2A&period=2026-11&format=md", &browser)
            return (page, csv, markdown)
        }
        #expect(page.status == .ok)
        let rows = page.text.matches(of: /<tr id="coach-([a-z]+)">/).map { String($0.1) }
        #expect(rows == rows.sorted() && rows.contains("ann") && rows.contains("dan"), "\(rows)")
        #expect(page.text.contains(#"<a href="/reviews?coach=ann&amp;period=2026-11">ann</a>"#))
        #expect(!page.text.contains("format=md"), "no Markdown of every coach")
        #expect(csv.status == .ok)
        #expect(
            csv.headers[.contentDisposition] == #"attachment; filename="kata-reviews-all-2026-11-01-2026-11-30.csv""#)
        #expect(markdown.status == .badRequest)
        let made = try await fixture.audit("review").count - before
        #expect(made == rows.count * 2, "the page's packets and the CSV's")
    }

    @Test("a coach may have their own packet only; others are refused; everyone sees the packets made about them")
    func access() async throws {
        let fixture = try await Self.fixture()
        let statuses = try await fixture.test { client in
            var hr = try await client.signIn("fay")
            try await client.get("/reviews?coach=ann&period=2026-11", &hr)
            var ann = try await client.signIn("ann")
            let own = try await client.get("/reviews?coach=ann&period=2026-11", &ann)
            let other = try await client.get("/reviews?coach=dan&period=2026-11", &ann)
            let every = try await client.get("/reviews?coach=%2A&period=2026-11", &ann)
            let form = try await client.get("/reviews", &ann)
            var lea = try await client.signIn("lea")
            let lean = try await client.get("/reviews/download?coach=ann&period=2026-11&format=csv", &lea)
            let unsigned = try await client.execute(
                uri: "/reviews/download?coach=ann&period=2026-11&format=csv", method: .get, headers: [:], body: nil)
            return (own, other, every, form, lean, unsigned)
        }
        let (own, other, every, form, lean, unsigned) = statuses
        #expect(own.status == .ok && own.text.contains(#"id="packet-heading">Ann Lee"#))
        #expect(other.status == .forbidden && every.status == .forbidden && lean.status == .forbidden)
        #expect(unsigned.status == .seeOther && unsigned.location?.hasPrefix("/login") == true)
        #expect(form.status == .ok)
        let options = form.text.matches(of: /<option value="([^"]*)"/).map { String($0.1) }
        #expect(options.prefix(2) == ["", "ann"], "ann may choose only herself: \(options.prefix(3))")
        #expect(!form.text.contains(#"<a href="/reviews">Reviews</a>"#), "no nav link for a coach")
        let made = try #require(Self.section("made-heading", in: form.text))
        #expect(
            made.contains("<td>fay</td>")
                && made.contains("2026-11-01 to 2026-11-30, private (no learner names, no free text)"),
            "fay's packet about ann")
        #expect(made.contains("<td>ann</td>"), "and her own")
    }

    @Test("a period that does not parse is refused with its name and makes no packet")
    func badInput() async throws {
        let fixture = try await Self.fixture()
        let before = try await fixture.audit("review").count
        let (period, coach, optIn) = try await fixture.test { client in
            var browser = try await client.signIn("fay")
            let period = try await client.get("/reviews?coach=ann&period=2026-13", &browser)
            let coach = try await client.get("/reviews?coach=no%20one&period=2026-11", &browser)
            let optIn = try await client.get("/reviews?coach=ann&period=2026-11&notes=maybe", &browser)
            return (period, coach, optIn)
        }
        #expect(period.status == .badRequest && period.text.contains("2026-13"))
        #expect(coach.status == .badRequest && coach.text.contains("coach"))
        #expect(optIn.status == .badRequest && optIn.text.contains("notes"))
        #expect(try await fixture.audit("review").count == before)
    }
}
