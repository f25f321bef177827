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

@Suite("Practice page")
struct PracticePageTests {
    /// Ann coaches bo on five of November's fifteen workdays up to the 20th (three cycles over 20
    /// minutes, one step planned with its expectation), Dan on two.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        try fixture.owner.logCycle(
            CycleEntry(
                date: day("2026-11-18"), coach: handle("ann"), learner: handle("bo"), minutes: 25, nextStep: "Preheat",
                expected: "35 min", goSee: day("2026-11-23")),
            at: AccessFixture.now)
        for date in ["2026-11-19", "2026-11-20"] {
            try fixture.owner.logCycle(
                CycleEntry(date: day(date), coach: handle("ann"), learner: handle("bo"), minutes: 25),
                at: AccessFixture.now)
        }
        return fixture
    }

    @Test("the table shows every coach's §6 figures as the API's JSON gives them for the same period")
    func figuresEqualTheAPI() async throws {
        let fixture = try await Self.fixture()
        let (page, json) = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            let page = try await client.get("/practice?period=2026-11", &browser)
            let json = try await client.api(
                "/api/v1/practice?from=2026-11-01&to=2026-11-30&include=learnersLeftLongest",
                token: try await fixture.apiToken("lea"))
            return (page, json)
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains("<h1>Practice from 2026-11-01 to 2026-11-30</h1>"))
        #expect(html.contains("Counted to 2026-11-20, the period is not over."), "the period cut at today says so")
        let coaches = try #require(json["coaches"] as? [[String: Any]])
        #expect(coaches.map { $0["coach"] as? String } == ["ann", "dan"])
        #expect(PracticeTable.rows(html).map(\.coach) == ["ann", "dan"], "sorted by handle")
        for (row, coach) in zip(PracticeTable.rows(html), coaches) {
            #expect(row.cells == PracticeTable.expected(coach), "\(row.coach)")
            #expect(html.contains(#"<a href="/coaches/\#(row.coach)?period=2026-11">\#(row.coach)</a>"#))
        }
        // Real values, not only equal ones: ann coached 5 of the 15 workdays of her span in November.
        #expect(PracticeTable.rows(html).first?.cells.prefix(3) == ["5", "5/15", "33%"])
        let left = try #require(json["learnersLeftLongest"] as? [[String: Any]])
        #expect(!left.isEmpty)
        for learner in left {
            let handle = try #require(learner["learner"] as? String)
            let days = (learner["daysSinceLastCycle"] as? Int).map(String.init) ?? "—"
            #expect(
                html.contains(
                    #"<tr><td>\#(handle)</td><td>\#(learner["name"] as? String ?? "")</td>"#
                        + #"<td><a href="/coaches/\#(learner["coach"] as? String ?? "")?period=2026-11">"#),
                "learner \(handle) left longest")
            #expect(html.contains(#"<td class="num">\#(days)</td></tr>"#), "learner \(handle): \(days) days")
        }
    }

    @Test("each coach has a strip of coached days per week that says its numbers")
    func strip() async throws {
        let fixture = try await Self.fixture()
        let page = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            return try await client.get("/practice?period=2026-11", &browser)
        }
        // W44 holds only Sunday 1 November; W47 is the week of the 16th, counted to Friday the 20th.
        #expect(
            page.text.contains(
                #"<svg class="strip" width="36" height="21" viewBox="0 0 36 21" role="img" "#
                    + #"aria-label="Coached days per ISO week, of its workdays: none 0/5 0/5 5/5">"#))
        #expect(!page.text.contains("<script"))
    }

    @Test("the roll-up by unit and by 2nd coach gives the API's groups")
    func rollUp() async throws {
        let fixture = try await Self.fixture()
        let answers = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            let token = try await fixture.apiToken("lea")
            var answers: [(String, [String: Any])] = []
            for group in ["unit", "second-coach"] {
                let page = try await client.get("/practice?period=2026-11&group=\(group)", &browser)
                #expect(page.status == .ok)
                let json = try await client.api(
                    "/api/v1/practice?from=2026-11-01&to=2026-11-30&by=\(group)", token: token)
                answers.append((page.text, json))
            }
            return answers
        }
        for (html, json) in answers {
            let groups = try #require(json["groups"] as? [[String: Any]])
            #expect(!groups.isEmpty)
            for group in groups {
                let name = group["group"] as? String ?? "(none)"
                let mean = (group["meanCadence"] as? Double).map(PracticeView.percent) ?? "—"
                let row =
                    #"<tr><th scope="row">\#(name)</th><td class="num">\#(group["coaches"] as? Int ?? -1)</td>"#
                    + #"<td class="num">\#(group["cycles"] as? Int ?? -1)</td><td class="num">\#(mean)</td>"#
                    + #"<td class="num">\#(group["coachesBelow"] as? Int ?? -1)</td></tr>"#
                #expect(html.contains(row), "group \(name)")
            }
        }
        #expect(answers[0].0.contains("<h2>By unit</h2>") && answers[1].0.contains("<h2>By 2nd coach</h2>"))
        #expect(answers[1].0.contains(#"<th scope="row">lena</th>"#), "lena 2nd-coaches ann")
    }

    @Test("below=20 lists only the coaches under 20 % of their workdays, still by handle")
    func belowCadence() async throws {
        let fixture = try await Self.fixture()
        let (below, none) = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            return (
                try await client.get("/practice?period=2026-11&below=20", &browser),
                try await client.get("/practice?period=2026-11&below=5", &browser)
            )
        }
        #expect(PracticeTable.rows(below.text).map(\.coach) == ["dan"], "ann coached a third of her workdays")
        #expect(below.text.contains("1 coach of 2 coaches below 20% of their workdays, by handle."))
        #expect(below.text.contains(#"13% <span class="flag">below 20%</span>"#))
        #expect(PracticeTable.rows(none.text).isEmpty)
        #expect(none.text.contains("No coach is below 5% of their workdays in this period."))
    }

    @Test("a coach sees their own practice only; HR and a learner see no one's")
    func scope() async throws {
        let fixture = try await Self.fixture()
        let pages = try await fixture.test { client in
            var pages: [String: String] = [:]
            for who in ["ann", "carl", "lena", "fay", "bo"] {
                var browser = try await client.signIn(who)
                let page = try await client.get("/practice?period=2026-11", &browser)
                #expect(page.status == .ok, "\(who)")
                pages[who] = page.text
            }
            return pages
        }
        #expect(PracticeTable.rows(pages["ann"] ?? "").map(\.coach) == ["ann"])
        #expect(PracticeTable.rows(pages["carl"] ?? "").map(\.coach) == ["ann"], "carl manages ann")
        #expect(PracticeTable.rows(pages["lena"] ?? "").map(\.coach) == ["ann"], "lena 2nd-coaches ann")
        for who in ["fay", "bo"] {
            #expect(PracticeTable.rows(pages[who] ?? "").isEmpty, "\(who)")
            #expect(
                pages[who]?.contains(
                    "No coaching that you may see from 2026-11-01 to 2026-11-20: nobody was coach in a pairing then")
                    == true)
        }
        #expect(pages["ann"]?.contains(#"<a href="/practice">Practice</a>"#) == true, "Practice is in the nav")
    }

    @Test("without a period it shows the last 4 full weeks; the presets and dates pick others")
    func periods() async throws {
        let fixture = try await Self.fixture()
        let pages = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            var pages: [String] = []
            for query in [
                "", "?period=last-month", "?period=this-quarter", "?period=dates&from=2026-11-02&to=2026-11-06",
            ] {
                pages.append(try await client.get("/practice\(query)", &browser).text)
            }
            return pages
        }
        #expect(pages[0].contains("<h1>Practice from 2026-10-19 to 2026-11-15</h1>"))
        #expect(!pages[0].contains("the period is not over"), "4 full weeks are over")
        #expect(
            pages[0].contains(
                #"<option value="last-4-weeks" selected>Last 4 full weeks (2026-10-19 to 2026-11-15)</option>"#))
        #expect(pages[1].contains("<h1>Practice from 2026-10-01 to 2026-10-31</h1>"))
        #expect(pages[2].contains("<h1>Practice from 2026-10-01 to 2026-12-31</h1>"))
        #expect(pages[2].contains(#"<option value="this-quarter" selected>This quarter (2026-Q4)</option>"#))
        #expect(pages[3].contains("<h1>Practice from 2026-11-02 to 2026-11-06</h1>"))
        #expect(pages[3].contains(#"<option value="dates" selected>The dates below</option>"#))
        #expect(pages[3].contains(#"<a href="/coaches/ann?from=2026-11-02&amp;to=2026-11-06">ann</a>"#))
    }

    @Test("a period, roll-up or threshold that cannot be read answers 400 naming it")
    func badInput() async throws {
        let fixture = try await Self.fixture()
        let pages = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            var pages: [TestResponse] = []
            for query in [
                "period=2026-Q5", "from=2026-11-01", "from=2026-11-31&to=2026-12-01", "group=team", "below=150",
            ] {
                pages.append(try await client.get("/practice?\(query)", &browser))
            }
            return pages
        }
        let messages = [
            "period: &#39;2026-Q5&#39; is not valid; expected 2026, 2026-H2, 2026-Q3, 2026-09 or 2026-W38.",
            "missing to. Give both dates, or pick a period.",
            "from: &#39;2026-11-31&#39; is not valid; expected a date (YYYY-MM-DD).",
            "group: &#39;team&#39; is not valid; expected unit or second-coach.",
            "below: &#39;150&#39; is not valid; expected a whole percentage of workdays from 0 to 100, such as 60.",
        ]
        for (page, message) in zip(pages, messages) {
            #expect(page.status == .badRequest, "\(message)")
            #expect(page.text.contains(message), "\(page.text)")
        }
    }

    @Test("without a session the page sends the browser to sign in, and back to it after")
    func needsSession() async throws {
        let fixture = try await Self.fixture()
        let response = try await fixture.test { client in
            try await client.execute(uri: "/practice?period=2026-11", method: .get, headers: [:], body: nil)
        }
        #expect(response.status == .seeOther)
        #expect(response.location == "/login?next=%2Fpractice%3Fperiod%3D2026%2D11")
    }
}

/// The coach rows of a practice page as text: the handle and every figure cell, tags left out.
enum PracticeTable {
    struct Row: Equatable {
        var coach: String
        var cells: [String]
    }

    static func rows(_ html: String) -> [Row] {
        html.matches(of: /<tr id="coach-([^"]+)">(.*?)<\/tr>/.dotMatchesNewlines()).map { match in
            let cells = String(match.2).matches(of: /<td[^>]*>(.*?)<\/td>/.dotMatchesNewlines()).map {
                String($0.1).replacing(/<[^>]*>[^<]*<\/span>|<[^>]*>/, with: "").trimmingCharacters(in: .whitespaces)
            }
            return Row(coach: String(match.1), cells: cells)
        }
    }

    /// The cells a coach of the API's practice JSON should have: the figures as the page writes them.
    static func expected(_ coach: [String: Any]) -> [String] {
        func int(_ key: String) -> String { (coach[key] as? Int).map(String.init) ?? "—" }
        let workdays = coach["workdays"] as? Int ?? 0
        return [
            int("cycles"), "\(int("coachedDays"))/\(workdays)",
            workdays == 0 ? "—" : (coach["cadence"] as? Double).map(PracticeView.percent) ?? "?",
            int("longestStreak"), int("currentStreak"), int("longestGap"), coach["lastCycle"] as? String ?? "—",
            int("daysSinceLastCycle"),
            (coach["averageMinutes"] as? Double).map { String(format: "%.1f", $0).replacing(/\.0$/, with: "") } ?? "—",
            int("cyclesOver20Minutes"), (coach["predictionRate"] as? Double).map(PracticeView.percent) ?? "—",
            int("observations"), "",
        ]
    }
}

extension WebFixture {
    /// A new API token of `who`, for asking the API the same question as a page.
    func apiToken(_ who: String) async throws -> String {
        let secret = SecretToken.random()
        try await accounts.addToken(
            APIToken(id: UUID(), handle: handle(who), name: "test", created: AccessFixture.now), sha256: secret.sha256)
        return secret.text
    }
}

extension TestClientProtocol {
    /// The JSON object `GET uri` answers with `token`.
    func api(_ uri: String, token: String) async throws -> [String: Any] {
        let response = try await execute(
            uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
        try #require(response.status == .ok, "\(uri): \(response.text)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }
}
