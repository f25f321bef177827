import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("a mistyped handle gets the nearest handles, and case is folded")
struct HandleLookupTests {
    @Test("--learner boo suggests bo (Bo Chen), not adding a person called boo")
    func nearestHandle() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", "--learner", "boo")
        #expect(result.exitCode == 65)
        #expect(result.errors == "kata: no learner 'boo'. Did you mean bo (Bo Chen)? See 'kata person list'.\n")
        #expect(!result.errors.contains("person add"))
        #expect(try kata.store().cycles().isEmpty)
    }

    @Test("practice --coach with a mistyped handle names the nearest coach")
    func practiceSuggestion() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("practice", "--coach", "anne")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("no coach 'anne'. Did you mean ann (Ann Lee)?"))
    }

    @Test("a handle near nobody still suggests adding the person")
    func nobodyNear() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let result = await kata.run("cycle", "log", "--coach", "ann", "--learner", "zygmunt")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("Add them with 'kata person add zygmunt --name"))
    }

    @Test("storyboard Bo and --coach ANN find bo and ann")
    func caseFolded() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        let board = await kata.run("storyboard", "Bo")
        #expect(board.exitCode == 0, "\(board.errors)")
        #expect(board.output.contains("STORYBOARD  Bo Chen (bo)"))
        #expect(await kata.run("cycle", "log", "--coach", "ANN", "--learner", "Bo").exitCode == 0)
        #expect(try kata.store().cycles().first?.coach.rawValue == "ann")
    }

    @Test("storyboard of a mistyped learner names the nearest, several in order of distance")
    func storyboardSuggestions() async throws {
        let kata = try await KataRunner()
        try await kata.makeTeam()
        await kata.run("person", "add", "bob", "--name", "Bob Marley")
        let result = await kata.run("storyboard", "boo")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("Did you mean bo (Bo Chen) or bob (Bob Marley)?"))
    }

    @Test(
        "edit distance and nearness of handles",
        arguments: [
            ("boo", "bo", 1, true), ("ann", "anna", 1, true), ("m.lee", "m.lea", 1, true), ("bo", "cy", 2, false),
            ("hassan.zimmerman", "hassan.zimermann", 2, true),
        ])
    func distance(typed: String, known: String, distance: Int, near: Bool) throws {
        let typed = try Handle(validating: typed)
        let known = try Handle(validating: known)
        #expect(typed.editDistance(to: known) == distance)
        #expect(typed.isNear(known) == near)
    }
}
