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

@Suite("Losses page")
struct LossesPageTests {
    /// Bo's obstacle escalated by ann to carl on 2026-11-06: 1800 EUR a week, zero-cost, unanswered.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        _ = try fixture.owner.escalate(
            Escalation(
                obstacle: fixture.organisation.boObstacle.id, to: handle("carl"), causeUnit: "Logistics",
                loss: WeeklyLoss(amount: 1800, unit: "EUR"), fixCost: Escalation.FixCost.none,
                toldOn: day("2026-11-06")),
            today: AccessFixture.today)
        return fixture
    }

    @Test("lean staff see the figures, estimates labelled, no learner named; the nav links to it for them")
    func lean() async throws {
        let fixture = try await Self.fixture()
        let page = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            return try await client.get("/losses?period=2026-11", &browser)
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains("<h1>Losses left unfixed, 2026-11-01 to 2026-11-20</h1>"))
        #expect(html.contains(#"<a href="/losses">Losses</a>"#))
        #expect(html.contains("<dt>Zero-cost, unanswered after 5 workdays</dt><dd>1</dd>"))
        #expect(html.contains("<dt>Estimated loss while waiting (estimate)</dt><dd>~3,600 EUR</dd>"))
        #expect(html.contains(#"<th scope="row">carl</th><td class="num">1</td><td class="num">1</td>"#))
        #expect(!html.contains("Bo Chen"))
        #expect(!html.contains(">bo<"))
        #expect(!html.contains("Dies are cold"))
    }

    @Test("HR and a coach who manages nobody are told it is not for them, and have no link")
    func refused() async throws {
        let fixture = try await Self.fixture()
        let (hr, lena) = try await fixture.test { client in
            var hr = try await client.signIn("fay")
            var lena = try await client.signIn("lena")
            return (
                try await client.get("/losses", &hr), try await client.get("/", &lena)
            )
        }
        #expect(hr.status == .forbidden)
        #expect(hr.text.contains("<h1>Not allowed</h1>"))
        #expect(!hr.text.contains(#"href="/losses""#))
        #expect(!lena.text.contains(#"href="/losses""#))
    }
}
