import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore
import Testing

/// A plant: pat (plant manager) over ann and dan (department managers); ann over bo and cy
/// (team leaders), who coach the operators op1 and op2. The window: the 4 weeks to Friday
/// 4 December 2026 (9 November to 4 December).
@Suite("The chain of coaching")
struct ChainCalculatorTests {
    static let to = day("2026-12-04")

    static func person(_ handle: String, reportsTo: String? = nil) -> Person {
        try! Person(
            handle: ChainCalculatorTests.handleOf(handle), name: handle.capitalized,
            reportsTo: reportsTo.map(ChainCalculatorTests.handleOf))
    }

    static func handleOf(_ text: String) -> Handle { handle(text) }

    static let people = [
        person("pat"), person("ann", reportsTo: "pat"), person("dan", reportsTo: "pat"),
        person("bo", reportsTo: "ann"), person("cy", reportsTo: "ann"), person("op1", reportsTo: "bo"),
        person("op2", reportsTo: "cy"),
    ]

    static func link(_ from: String, _ to: String) -> ChainFacts.Link {
        ChainFacts.Link(from: handle(from), to: handle(to))
    }

    static func facts() throws -> ChainFacts {
        ChainFacts(
            people: people,
            cycles: [
                // ann coaches bo; bo coaches op1 with cy present as his 2nd coach; cy coaches op2.
                ChainFacts.Cycle(coach: handle("ann"), learner: handle("bo")),
                ChainFacts.Cycle(coach: handle("bo"), learner: handle("op1"), secondCoach: handle("cy")),
                ChainFacts.Cycle(coach: handle("cy"), learner: handle("op2")),
                ChainFacts.Cycle(coach: handle("pat"), learner: handle("ann")),
            ],
            observations: [],
            pairings: [
                link("ann", "bo"), link("bo", "op1"), link("cy", "op2"), link("pat", "ann"), link("dan", "op2"),
            ],
            walks: [
                // pat walks to op2's storyboard: that touches cy's coaching (and dan's, op2's other coach).
                try Walk(walker: handle("pat"), date: day("2026-11-20"), learners: [handle("op2")], mode: .goSee)
            ],
            plans: [try WalkPlan(walker: handle("pat"), every: 2), try WalkPlan(walker: handle("ann"), every: 1)])
    }

    @Test("marks who coached and who touched each coach's coaching: their coach, a 2nd coach, a walker")
    func touchedBy() throws {
        let report = try ChainCalculator.report(Self.facts(), from: nil, weeks: 4, to: Self.to)
        #expect(report.to == Self.to)
        #expect(report.tree.map(\.handle.rawValue) == ["pat"])
        let pat = try #require(report.tree.first)
        #expect(pat.coached && pat.coach && !pat.touchedFromAbove)
        #expect(pat.reports.map(\.handle.rawValue) == ["ann", "dan"])
        let ann = pat.reports[0]
        #expect(ann.touchedBy.map(\.rawValue) == ["pat"])
        let (bo, cy) = (ann.reports[0], ann.reports[1])
        #expect(bo.coached && bo.touchedBy.map(\.rawValue) == ["ann", "cy"])
        #expect(cy.coached && cy.touchedBy.map(\.rawValue) == ["pat"])
        let dan = pat.reports[1]
        #expect(dan.coach && !dan.coached && dan.touchedBy.map(\.rawValue) == ["pat"])
        #expect(bo.reports.first?.coach == false)
    }

    @Test("counts walks against the walker's own plan for the window")
    func walksAgainstPlan() throws {
        let report = try ChainCalculator.report(Self.facts(), from: nil, weeks: 4, to: Self.to)
        let pat = try #require(report.tree.first)
        #expect(pat.walks == 1)
        #expect(pat.walkPlan == 2)
        #expect(pat.reports[0].walks == 0)
        #expect(pat.reports[0].walkPlan == 4)
        #expect(pat.reports[1].walkPlan == nil)
    }

    @Test("a plan that starts inside the window expects walks only from its start")
    func planSince() throws {
        let plan = try WalkPlan(walker: handle("pat"), every: 1, since: day("2026-11-23"))
        #expect(plan.expectedWalks(weeks: 4, to: Self.to) == 1)
        #expect(try WalkPlan(walker: handle("pat"), every: 3).expectedWalks(weeks: 4, to: Self.to) == 1)
        #expect(plan.expectedWalks(weeks: 4, to: day("2026-11-20")) == 0)
    }

    @Test("per level: the coaches, and how many of them were touched from above")
    func levels() throws {
        let report = try ChainCalculator.report(Self.facts(), from: nil, weeks: 4, to: Self.to)
        #expect(
            report.levels == [
                ChainLevel(level: 1, coaches: 1, touchedFromAbove: 0),
                ChainLevel(level: 2, coaches: 2, touchedFromAbove: 2),
                ChainLevel(level: 3, coaches: 2, touchedFromAbove: 2),
                ChainLevel(level: 4, coaches: 0, touchedFromAbove: 0),
            ])
        #expect(report.levels.map(\.share) == [0, 1, 1, nil])
        let json = try JSONSerialization.jsonObject(
            with: JSONEncoder().encode(ChainLevel(level: 2, coaches: 3, touchedFromAbove: 2)))
        #expect((json as? [String: Any])?["share"] as? Double == 0.6667)
        let none = try JSONSerialization.jsonObject(
            with: JSONEncoder().encode(ChainLevel(level: 4, coaches: 0, touchedFromAbove: 0)))
        #expect((none as? [String: Any])?["share"] is NSNull)
    }

    @Test("from one person: their line only, with levels counted from them")
    func fromOnePerson() throws {
        let report = try ChainCalculator.report(Self.facts(), from: handle("ann"), weeks: 4, to: Self.to)
        #expect(report.tree.map(\.handle.rawValue) == ["ann"])
        #expect(report.levels.first == ChainLevel(level: 1, coaches: 1, touchedFromAbove: 1))
        #expect(throws: KataError.self) {
            try ChainCalculator.report(Self.facts(), from: handle("anne"), weeks: 4, to: Self.to)
        }
    }

    @Test("the JSON has the keys of DESIGN §11.5, a plan of null when there is none")
    func json() throws {
        let report = try ChainCalculator.report(Self.facts(), from: handle("dan"), weeks: 4, to: Self.to)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(
            text == """
                {"levels":[{"coaches":1,"level":1,"share":1,"touchedFromAbove":1}],"to":"2026-12-04","tree":[{"coach":true,\
                "coached":false,"handle":"dan","name":"Dan","reports":[],"touchedBy":["pat"],"touchedFromAbove":true,\
                "walkPlan":null,"walks":0}],"weeks":4}
                """)
        #expect(try JSONDecoder().decode(ChainReport.self, from: Data(text.utf8)) == report)
    }
}
