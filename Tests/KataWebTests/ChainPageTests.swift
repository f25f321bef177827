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

@Suite("Chain page")
struct ChainPageTests {
    /// Carl walks to Bo's storyboard (Ann coaches Bo) with Lea, and plans a walk every week.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        _ = try fixture.owner.recordWalk(
            Walk(
                walker: handle("carl"), date: day("2026-11-18"), learners: [handle("bo")], mode: .goSee,
                with: handle("lea")), at: AccessFixture.now, today: AccessFixture.today)
        try fixture.owner.setWalkPlan(WalkPlan(walker: handle("carl"), every: 1, since: day("2026-11-02")))
        return fixture
    }

    @Test("lean staff see the tree with the API's figures, the gaps as sentences, and a Chain link")
    func leanSeesTheTree() async throws {
        let fixture = try await Self.fixture()
        let (page, json) = try await fixture.test { client in
            var browser = try await client.signIn("lea")
            let page = try await client.get("/chain?weeks=4", &browser)
            let json = try await client.api("/api/v1/chain?weeks=4", token: try await fixture.apiToken("lea"))
            return (page, json)
        }
        #expect(page.status == .ok)
        let html = page.text
        #expect(html.contains("<h1>Chain of coaching, the 4 weeks to 2026-11-20</h1>"))
        #expect(html.contains(#"<a href="/chain">Chain</a>"#))
        let tree = try #require(json["tree"] as? [[String: Any]])
        let carl = try #require(tree.first { $0["handle"] as? String == "carl" })
        #expect(carl["walks"] as? Int == 1 && carl["walkPlan"] as? Int == 2)
        #expect(
            html.contains(
                #"<strong>carl</strong> <span class="person">Carl Ito</span> <span class="facts">does not coach · walks 1 of 2 planned</span>"#
            ))
        #expect(
            html.contains(
                #"<strong>ann</strong> <span class="person">Ann Lee</span> <span class="facts">coached · touched by carl, lea, lena</span>"#
            ), "\(html)")
        #expect(html.contains("<li>carl walked 1 of the 2 walks they planned in 4 weeks</li>"))
    }

    @Test("a manager sees their own line; someone who manages no one is refused, and has no Chain link")
    func access() async throws {
        let fixture = try await Self.fixture()
        let (manager, plain, plainToday) = try await fixture.test { client in
            var carl = try await client.signIn("carl")
            var lena = try await client.signIn("lena")
            return (
                try await client.get("/chain", &carl), try await client.get("/chain", &lena),
                try await client.get("/", &lena)
            )
        }
        #expect(manager.status == .ok)
        #expect(manager.text.contains(#"id="person-carl""#))
        #expect(!manager.text.contains(#"id="person-dan""#))
        #expect(plain.status == .forbidden)
        #expect(!plainToday.text.contains(#"href="/chain""#))
    }
}
