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

@Suite("Coach page and Record an observation")
struct CoachPageTests {
    /// lena's observation of ann on 19 November, with its focus point and trigger.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        try fixture.owner.addObservation(
            try Observation(
                date: day("2026-11-19"), secondCoach: handle("lena"), coach: handle("ann"),
                notes: "Asked for the next step before the last one's result", focus: "Q2 before Q4",
                trigger: "When bo reaches for the next step"),
            at: AccessFixture.now)
        return fixture
    }

    static let observationFields = [
        ("date", "2026-11-20"), ("notes", "Read the <expectation> back first"), ("focus", "Let bo answer Q2 & Q3"),
        ("trigger", "When bo looks at the board"),
    ]

    @Test("the page shows the coach's §6 figures as the API's JSON gives them, with the packet's two charts")
    func figuresEqualTheAPI() async throws {
        let fixture = try await Self.fixture()
        let (page, json) = try await fixture.test { client in
            var browser = try await client.signIn("lena")
            let page = try await client.get("/coaches/ann?period=2026-11", &browser)
            let json = try await client.api(
                "/api/v1/practice?from=2026-11-01&to=2026-11-30&coach=ann", token: try await fixture.apiToken("lena"))
            return (page, json)
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains("Coaching practice of Ann Lee <span class=\"handle\">(ann)</span> · Assembly</h1>"))
        #expect(html.contains("Counted to 2026-11-20, the period is not over."))
        let coach = try #require((json["coaches"] as? [[String: Any]])?.first)
        func shown(_ figure: String) -> String? {
            guard let start = html.range(of: #"id="figure-\#(figure)"><dt>"#),
                let value = html[start.upperBound...].range(of: "<dd>"),
                let end = html[value.upperBound...].range(of: "</dd>")
            else { return nil }
            return String(html[value.upperBound..<end.lowerBound])
        }
        for figure in ["workdays", "cycles", "learners", "coachedDays", "longestStreak", "currentStreak", "longestGap"]
        {
            #expect(shown(figure) == (coach[figure] as? Int).map(String.init), "\(figure)")
        }
        #expect(shown("cadence") == (coach["cadence"] as? Double).map(PracticeView.percent))
        #expect(shown("lastCycle") == coach["lastCycle"] as? String)
        #expect(shown("observations") == "2", "lena's of the 16th and of the 19th")
        #expect(shown("coachedDays") == "2" && shown("workdays") == "15", "16 and 17 November of 15 workdays")
        #expect(html.contains(#"aria-label="Coached days per ISO week""#), "the weekly trend chart")
        #expect(html.contains(#"aria-label="Calendar of coached days""#), "the calendar heatmap")
        #expect(html.contains("<title>2026-11-16: 1 cycle</title>"), "a coached day in the heatmap")
        #expect(!html.contains("2026-11-23"), "the calendar stops at today")
        #expect(html.contains(#"<a href="/practice?period=2026-11">Practice of every coach</a>"#))
    }

    @Test("the charts are drawn as the HR packet draws them for the same coach and period")
    func chartsOfThePacket() async throws {
        let fixture = try await Self.fixture()
        let (page, packet) = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            let page = try await client.get("/coaches/ann?period=2026-10", &browser)
            let packet = try await client.execute(
                uri: "/api/v1/reviews/ann?from=2026-10-01&to=2026-10-31&format=html", method: .get,
                headers: [.authorization: "Bearer \(try await fixture.apiToken("fay"))"], body: nil)
            return (page.text, packet.text)
        }
        let bars = try #require(Self.svg(labelled: "Coached days per ISO week", in: page))
        let calendar = try #require(Self.svg(labelled: "Calendar of coached days", in: page))
        #expect(calendar.contains("<title>2026-10-15: 1 cycle</title>"), "ann's cycle with fay")
        #expect(packet.contains(bars.replacingOccurrences(of: "url(#coach-", with: "url(#p1-")))
        #expect(packet.contains(calendar.replacingOccurrences(of: "url(#coach-", with: "url(#p1-")))
    }

    @Test("observations with their focus points show to the coach, the 2nd coach and lean staff, not the manager")
    func observationsForThoseWhoMayRead() async throws {
        let fixture = try await Self.fixture()
        let pages = try await fixture.test { client in
            var pages: [String: String] = [:]
            for who in ["ann", "lena", "lea", "carl", "ada"] {
                var browser = try await client.signIn(who)
                let page = try await client.get("/coaches/ann?period=2026-11", &browser)
                #expect(page.status == .ok, "\(who)")
                pages[who] = page.text
            }
            return pages
        }
        for who in ["ann", "lena", "lea", "ada"] {
            let html = pages[who] ?? ""
            #expect(html.contains("2nd-coach observations in the period"), "\(who)")
            #expect(html.contains("<dt>Focus point</dt><dd>Q2 before Q4</dd>"), "\(who)")
            #expect(html.contains("<dt>Trigger</dt><dd>When bo reaches for the next step</dd>"), "\(who)")
        }
        #expect(pages["carl"]?.contains("Q2 before Q4") == false, "a manager sees practice, not observations")
        #expect(pages["carl"]?.contains("2nd-coach observations in the period") == false)
        for who in ["lena", "lea", "ada"] {
            #expect(pages[who]?.contains("<h2 id=\"observe-heading\">Record an observation</h2>") == true, "\(who)")
        }
        for who in ["ann", "carl"] {
            #expect(pages[who]?.contains("Record an observation") == false, "\(who) may not record one")
        }
    }

    @Test("a coach page one may not see answers 404 as one of nobody does; HR sees none")
    func hidden() async throws {
        let fixture = try await Self.fixture()
        let answers = try await fixture.test { client in
            var answers: [(String, TestResponse)] = []
            for (who, path) in [
                ("ann", "/coaches/dan"), ("ann", "/coaches/zed"), ("fay", "/coaches/ann"), ("bo", "/coaches/ann"),
            ] {
                var browser = try await client.signIn(who)
                answers.append(("\(who) \(path)", try await client.get(path, &browser)))
            }
            let anonymous = try await client.execute(uri: "/coaches/ann", method: .get, headers: [:], body: nil)
            return answers + [("nobody /coaches/ann", anonymous)]
        }
        for (what, answer) in answers.dropLast() {
            #expect(answer.status == .notFound, "\(what)")
            #expect(answer.text.contains("<h1>Not found</h1>"), "\(what)")
            #expect(!answer.text.contains("Coaching practice of"), "\(what)")
        }
        #expect(answers[0].1.text.contains("no coach &#39;dan&#39;"))
        #expect(answers.last?.1.status == .seeOther)
        #expect(answers.last?.1.location == "/login?next=%2Fcoaches%2Fann")
    }

    @Test("the 2nd coach records an observation: stored as kata observe stores it, audited, shown")
    func records() async throws {
        let fixture = try await Self.fixture()
        let (sent, after) = try await fixture.test { client in
            var browser = try await client.signIn("lena")
            try await client.get("/coaches/ann?period=2026-11", &browser)
            let sent = try await client.post(
                "/coaches/ann/observations?period=2026-11",
                Self.observationFields + [("cycle", fixture.organisation.annBo[1].uuidString.lowercased())], &browser)
            let page = sent.location?.split(separator: "#").first.map(String.init) ?? "/"
            return (sent, try await client.get(page, &browser))
        }
        #expect(sent.status == .seeOther, "\(sent.text)")
        #expect(sent.location == "/coaches/ann?period=2026-11&observed=1#observations")
        let stored = try fixture.owner.observations(coach: handle("ann"), secondCoach: handle("lena"))
        let observation = try #require(stored.first { $0.date == day("2026-11-20") })
        #expect(observation.notes == "Read the <expectation> back first")
        #expect(observation.focus == "Let bo answer Q2 & Q3")
        #expect(observation.trigger == "When bo looks at the board")
        #expect(observation.cycle == fixture.organisation.annBo[1])
        let audit = try await fixture.audit("observation")
        #expect(audit.map(\.record) == [observation.id.uuidString.lowercased()])
        #expect(audit.first?.via == "session" && audit.first?.account == handle("lena"))
        #expect(after.text.contains("Observation recorded."))
        #expect(after.text.contains("<dd>Read the &lt;expectation&gt; back first</dd>"), "shown, as text")
    }

    @Test("a refused observation keeps what was typed and says why next to the field; nothing is stored")
    func refusedKeepsText() async throws {
        let fixture = try await Self.fixture()
        let (future, missing, badCycle) = try await fixture.test { client in
            var browser = try await client.signIn("lena")
            try await client.get("/coaches/ann", &browser)
            let future = try await client.post(
                "/coaches/ann/observations",
                [("date", "2026-11-21")] + Self.observationFields.filter { $0.0 != "date" }, &browser)
            let missing = try await client.post(
                "/coaches/ann/observations", Self.observationFields.filter { $0.0 != "focus" }, &browser)
            let badCycle = try await client.post(
                "/coaches/ann/observations", Self.observationFields + [("cycle", "zzzz")], &browser)
            return (future, missing, badCycle)
        }
        #expect(future.status == .conflict)
        #expect(
            future.text.contains(
                "the date 2026-11-21 is after today (2026-11-20): record an observation once it has happened."))
        #expect(future.text.contains(">Read the &lt;expectation&gt; back first</textarea>"), "notes kept")
        #expect(future.text.contains(">Let bo answer Q2 &amp; Q3</textarea>"), "focus kept")
        #expect(future.text.contains(#"value="2026-11-21""#), "the date kept")
        #expect(missing.status == .badRequest)
        #expect(
            missing.text.contains(
                #"<p class="error" id="focus-error">missing focus. Give the coach one focus point to practise.</p>"#))
        #expect(missing.text.contains(">When bo looks at the board</textarea>"), "the trigger kept")
        #expect(badCycle.status == .badRequest)
        #expect(badCycle.text.contains(#"<p class="error" id="cycle-error">"#))
        let stored = try fixture.owner.observations(coach: handle("ann"), secondCoach: handle("lena"))
        #expect(stored.count == 2, "only the fixture's two")
        #expect(try await fixture.audit("observation").isEmpty)
    }

    @Test("an observation without the session's CSRF token, or by someone who may not, is refused with 403")
    func refusedAccess() async throws {
        let fixture = try await Self.fixture()
        let answers = try await fixture.test { client in
            var lena = try await client.signIn("lena")
            try await client.get("/coaches/ann", &lena)
            let forged = try await client.post(
                "/coaches/ann/observations", Self.observationFields + [("csrf", "forged")], &lena)
            var answers = [("lena without the token", forged)]
            for who in ["ann", "carl", "fay"] {
                var browser = try await client.signIn(who)
                answers.append(
                    (who, try await client.post("/coaches/ann/observations", Self.observationFields, &browser)))
            }
            return answers
        }
        for (who, answer) in answers {
            #expect(answer.status == .forbidden, "\(who)")
            #expect(answer.text.contains("<h1>Not allowed</h1>"), "\(who)")
        }
        #expect(answers[0].1.text.contains("its csrf token is missing or wrong"))
        #expect(
            answers[2].1.text.contains(
                "only lean staff, 2nd coaches of ann or an admin may record an observation of ann."))
        #expect(try fixture.owner.observations(coach: handle("ann"), secondCoach: nil).count == 2)
        #expect(try await fixture.audit("observation").isEmpty)
    }

    /// The `<svg>` element whose `aria-label` is `label`, as it stands in `html`.
    static func svg(labelled label: String, in html: String) -> String? {
        guard let labelled = html.range(of: #"aria-label="\#(label)""#),
            let open = html[..<labelled.lowerBound].range(of: "<svg ", options: .backwards),
            let close = html[open.lowerBound...].range(of: "</svg>")
        else { return nil }
        return String(html[open.lowerBound..<close.upperBound])
    }
}
