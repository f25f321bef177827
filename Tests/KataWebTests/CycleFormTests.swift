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

/// Ann's cycle with Bo on 2026-11-19, which works the obstacle "Dies are cold" and plans a step,
/// so that the form of 2026-11-20 has a last step to reflect on.
private func planStep(_ fixture: WebFixture, step: String = "Preheat the dies") throws {
    try fixture.owner.logCycle(
        CycleEntry(
            date: day("2026-11-19"), coach: handle("ann"), learner: handle("bo"), minutes: 10,
            obstacle: fixture.organisation.boObstacle.id, nextStep: step, expected: "Changeover under 35 min",
            goSee: day("2026-11-20")),
        at: AccessFixture.now)
}

/// `text` as the templates escape it.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

@Suite("Log a cycle through the web form")
struct CycleFormTests {
    @Test(
        "the form shows the target condition, the obstacle worked, the last step and its expectation before the fields that answer them"
    )
    func showsContextFirst() async throws {
        let fixture = try await WebFixture()
        try planStep(fixture)
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            return try await client.get("/cycles/new?learner=bo", &browser)
        }
        #expect(page.status == .ok)
        let html = page.text
        func position(_ text: String) throws -> String.Index {
            try #require(html.range(of: text), "the form shows \(text)").lowerBound
        }
        let questions = try (1...5).map { try position("<legend>\($0). ") }
        #expect(questions == questions.sorted(), "the five questions in the card's order")
        #expect(try position("achieve by <time datetime=\"2026-12-18\">") < position("<legend>2. "))
        #expect(try position("Changeover in 20 min") < position("<legend>2. "))
        #expect(try position("Preheat the dies") < position(#"name="happened""#))
        #expect(try position("Changeover under 35 min") < position(#"name="happened""#))
        #expect(try position(#"name="happened""#) < position(#"name="learned""#))
        #expect(try position(#"name="happened""#) < position("Was that what you expected?"))
        #expect(try position("Was that what you expected?") < position(#"name="learned""#))
        for answer in ["yes", "partly", "no"] {
            #expect(
                html.contains(#"<input type="radio" id="asExpected-\#(answer)" name="asExpected" value="\#(answer)">"#),
                "\(answer) is a radio button, none chosen")
        }
        #expect(html.contains(#"Dies are cold <span class="tag">being worked</span>"#))
        #expect(html.contains(#"value="\#(fixture.organisation.boObstacle.id.uuidString.lowercased())" checked"#))
        #expect(html.contains(#"name="goSee" type="date" value="2026-11-23""#), "Friday's next workday is Monday")
        #expect(html.contains(#"name="date" type="date" value="2026-11-20""#))
        for field in [
            "learner", "date", "minutes", "actualCondition", "happened", "asExpected", "learned", "obstacle",
            "newObstacle",
            "nextStep", "expected", "goSee", "csrf",
        ] {
            #expect(html.contains(#"name="\#(field)""#), "field \(field)")
        }
        #expect(html.contains(#"<label for="nextStep">"#), "every field has its label")
    }

    @Test("a logged cycle is in the store as kata cycle log would log it, audited as the session, and Today says so")
    func logsACycle() async throws {
        let fixture = try await WebFixture()
        try planStep(fixture)
        let (answer, today) = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            try await client.get("/cycles/new?learner=bo", &browser)
            let answer = try await client.post(
                "/cycles",
                [
                    ("learner", "bo"), ("target", fixture.organisation.boTarget.id.uuidString), ("date", "2026-11-20"),
                    ("minutes", "15"), ("actualCondition", "38 min"), ("happened", "Dies warm after 10 min"),
                    ("asExpected", "partly"), ("learned", "Preheating takes longer than the changeover"),
                    ("obstacle", fixture.organisation.boObstacle.id.uuidString), ("newObstacle", ""),
                    ("nextStep", "Preheat during the run before"), ("expected", "Changeover under 30 min"),
                    ("goSee", "2026-11-23"),
                ], &browser)
            return (answer, try await client.get(answer.location ?? "/", &browser))
        }
        #expect(answer.status == .seeOther)
        #expect(answer.location == "/?logged=bo")
        #expect(today.text.contains(#"<p class="notice" role="status">Cycle logged with bo.</p>"#))
        let cycle = try #require(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).first)
        #expect(cycle.date == day("2026-11-20") && cycle.coach == handle("ann") && cycle.minutes == 15)
        let board = try fixture.owner.storyboard(learner: handle("bo"), target: nil)
        #expect(board.current?.text == "38 min")
        #expect(board.experiments.map(\.step) == ["Preheat the dies", "Preheat during the run before"])
        #expect(board.experiments.first?.happened == "Dies warm after 10 min")
        #expect(board.experiments.first?.asExpected == .partly)
        #expect(board.experiments.last?.expected == "Changeover under 30 min")
        #expect(board.experiments.last?.goSee == day("2026-11-23"))
        let audit = try await fixture.audit("cycle")
        #expect(
            audit.map { "\($0.account?.rawValue ?? "") \($0.via) \($0.record) \($0.action)" } == [
                "ann session \(cycle.id.uuidString.lowercased()) add"
            ])
    }

    @Test("an answer to 'Was that what you expected?' outside yes, partly and no is refused next to the question")
    func asExpectedRefused() async throws {
        let fixture = try await WebFixture()
        try planStep(fixture)
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            try await client.get("/cycles/new?learner=bo", &browser)
            return try await client.post(
                "/cycles", [("learner", "bo"), ("happened", "Dies warm"), ("asExpected", "maybe")], &browser)
        }
        #expect(page.status == .badRequest)
        #expect(
            page.text.contains(
                #"<p class="error" id="asExpected-error">asExpected: &#39;maybe&#39; is not valid; expected yes, partly or no.</p>"#
            ))
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 3, "nothing written")
    }

    @Test("a refused form keeps everything typed and shows each message next to its field")
    func refusedFormKeepsText() async throws {
        let fixture = try await WebFixture()
        try planStep(fixture)
        let typed: [(String, String)] = [
            ("learner", "bo"), ("date", "2026-11-20"), ("minutes", "a quarter hour"), ("actualCondition", "38 min"),
            ("happened", "Dies warm & dry"), ("asExpected", "no"), ("learned", "Heat \"soaks\" slowly"),
            ("newObstacle", "No <cart>"),
            ("nextStep", "Preheat earlier"), ("expected", "Under 30 min"), ("goSee", "2026-11-23"),
        ]
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            try await client.get("/cycles/new?learner=bo", &browser)
            return try await client.post("/cycles", typed, &browser)
        }
        #expect(page.status == .badRequest)
        let message = "minutes: &#39;a quarter hour&#39; is not valid; expected a whole number of minutes."
        #expect(page.text.contains(#"<p class="error" id="minutes-error">\#(message)</p>"#))
        #expect(page.text.contains(#"value="a quarter hour" inputmode="numeric" aria-invalid="true""#))
        #expect(
            page.text.contains(
                #"<p class="error" role="alert">The cycle is not logged yet: a field below says why.</p>"#),
            "the top of the form says so too")
        #expect(page.text.contains(#"id="asExpected-no" name="asExpected" value="no" checked>"#), "the answer stays")
        for (name, value) in typed where !["minutes", "learner", "asExpected"].contains(name) {
            let kept =
                ["date", "goSee"].contains(name)
                ? #"name="\#(name)" type="date" value="\#(value)""# : #"name="\#(name)" rows="3">\#(escaped(value))<"#
            #expect(page.text.contains(kept), "\(name) keeps what was typed")
        }
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 3, "nothing written")
    }

    @Test("a form the store refuses shows the message kata cycle log prints, and keeps what was typed")
    func storeRuleMessage() async throws {
        let fixture = try await WebFixture()
        try planStep(fixture)
        let entry = CycleEntry(
            date: day("2026-11-20"), coach: handle("ann"), learner: handle("bo"), happened: "Warm",
            nextStep: "Preheat earlier", goSee: day("2026-11-18"))
        let expected = try #require(
            outcome { try fixture.organisation.store(.coach).logCycle(entry, at: AccessFixture.now) }
                .split(separator: ": ", maxSplits: 1).last)
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            try await client.get("/cycles/new?learner=bo", &browser)
            return try await client.post(
                "/cycles",
                [
                    ("learner", "bo"), ("date", "2026-11-20"), ("happened", "Warm"), ("nextStep", "Preheat earlier"),
                    ("goSee", "2026-11-18"),
                ], &browser)
        }
        #expect(page.status.code == 400 || page.status.code == 409)
        #expect(page.text.contains(escaped(String(expected))), "\(expected)")
        #expect(page.text.contains(#"name="nextStep" rows="3">Preheat earlier<"#))
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 3, "nothing written")
    }

    @Test("a POST /cycles whose csrf is missing or wrong answers 403 and writes nothing")
    func csrfRefused() async throws {
        let fixture = try await WebFixture()
        let answers = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            let fields = [("learner", "bo"), ("minutes", "10"), ("actualCondition", "40 min")]
            let wrong = try await client.post(
                "/cycles", fields + [("csrf", "kata_" + String(repeating: "a", count: 64))], &browser)
            browser.csrf = nil
            let missing = try await client.post("/cycles", fields, &browser)
            return [wrong, missing]
        }
        #expect(answers.map(\.status) == [.forbidden, .forbidden])
        #expect(answers[0].text.contains("csrf token is missing or wrong"))
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 2)
        #expect(try await fixture.audit("cycle").isEmpty)
    }

    @Test(
        "another coach's learner's form and storyboard answer 404 and sending it 403, as the API; one who sees but does not coach gets 403"
    )
    func access() async throws {
        let fixture = try await WebFixture()
        func statuses(_ who: String) async throws -> [Int] {
            try await fixture.test { client in
                var browser = try await client.signIn(who)
                let form = try await client.get("/cycles/new?learner=bo", &browser)
                let board = try await client.get("/storyboards/bo", &browser)
                try await client.get("/", &browser)
                let post = try await client.post("/cycles", [("learner", "bo"), ("minutes", "10")], &browser)
                return [form, board, post].map(\.status.code)
            }
        }
        #expect(try await statuses("dan") == [404, 404, 403], "sending the form is a write: 403, as the API")
        #expect(try await statuses("bo") == [403, 200, 403])
        #expect(try await statuses("lea") == [403, 200, 403])
        #expect(try await statuses("ann") == [200, 200, 303])
        #expect(try fixture.owner.cycles(CycleFilter(learner: handle("bo"))).count == 3, "only ann's cycle")
        let own = try await fixture.test { client in
            var browser = try await client.signIn("dan")
            return try await client.get("/cycles/new?learner=eve", &browser)
        }
        #expect(own.status == .ok, "dan logs for his own learner")
    }
}
