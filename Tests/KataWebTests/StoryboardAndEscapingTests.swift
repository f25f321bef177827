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

@Suite("Storyboard page, and hostile text on every page")
struct StoryboardAndEscapingTests {
    @Test("the storyboard shows what kata storyboard shows, in the panels of a paper storyboard")
    func storyboard() async throws {
        let fixture = try await WebFixture()
        try fixture.owner.logCycle(
            CycleEntry(
                date: day("2026-11-19"), coach: handle("ann"), learner: handle("bo"), actualCondition: "39 min",
                obstacle: fixture.organisation.boObstacle.id, nextStep: "Preheat the dies",
                expected: "Changeover under 35 min", goSee: day("2026-11-20")),
            at: AccessFixture.now)
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            return try await client.get("/storyboards/bo", &browser)
        }
        #expect(page.status == .ok)
        let html = page.text
        for heading in [
            "Challenge", "Target condition", "Current condition", "Obstacle parking lot", "Experimenting record",
        ] {
            #expect(html.contains(#"">\#(heading)</h2>"#), "panel \(heading)")
        }
        #expect(
            html.contains(
                "Line 3 changeover · achieve by <time datetime=\"2026-12-18\">2026-12-18</time> · active (28 days left)"
            ))
        #expect(html.contains("<p>39 min</p>"), "the actual condition of the last cycle")
        #expect(html.contains(#"<li class="working"><span class="tag">being worked</span> Dies are cold"#))
        #expect(html.contains("<dt>Step</dt><dd>Preheat the dies</dd>"))
        #expect(html.contains("<dt>Expected</dt><dd>Changeover under 35 min</dd>"))
        #expect(html.contains(#"<a class="primary" href="/cycles/new?learner=bo">Log a cycle</a>"#), "ann coaches bo")
    }

    @Test(
        "a learner's name, step and obstacle holding <script> are shown as text on Today, the form and the storyboard")
    func hostileText() async throws {
        let fixture = try await WebFixture()
        let name = #"Bo <script>alert("name")</script>"#
        let step = "<script>alert('step')</script> & more"
        let obstacle = #"<img src=x onerror="alert(1)">"#
        _ = try fixture.owner.editPerson(PersonChange(handle: handle("bo"), name: name))
        try fixture.owner.logCycle(
            CycleEntry(
                date: day("2026-11-19"), coach: handle("ann"), learner: handle("bo"), newObstacle: obstacle,
                nextStep: step, expected: step, goSee: day("2026-11-20")),
            at: AccessFixture.now)
        let pages = try await fixture.test { client in
            var browser = try await client.signIn("ann")
            return [
                try await client.get("/", &browser), try await client.get("/cycles/new?learner=bo", &browser),
                try await client.get("/storyboards/bo", &browser),
            ]
        }
        for (page, path) in zip(pages, ["/", "/cycles/new", "/storyboards/bo"]) {
            #expect(page.status == .ok, "\(path)")
            #expect(!page.text.contains("<script"), "\(path) has no script element")
            #expect(!page.text.contains("<img"), "\(path) has no img element")
            #expect(page.text.contains(escaped(name)), "\(path) shows the name as text")
        }
        #expect(pages[1].text.contains(escaped(step)) && pages[1].text.contains(escaped(obstacle)))
        #expect(pages[2].text.contains(escaped(step)) && pages[2].text.contains(escaped(obstacle)))
    }

    @Test("a storyboard one may not see answers 404 like one that does not exist")
    func hiddenStoryboard() async throws {
        let fixture = try await WebFixture()
        let (hidden, missing) = try await fixture.test { client in
            var browser = try await client.signIn("dan")
            return (
                try await client.get("/storyboards/bo", &browser), try await client.get("/storyboards/nobody", &browser)
            )
        }
        #expect(hidden.status == .notFound && missing.status == .notFound)
        #expect(hidden.text.contains("<h1>Not found</h1>"))
        #expect(!hidden.text.contains("Line 3 changeover"))
    }
}
