import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// What each kind of caller may read (DESIGN §10.3): a record one may not see answers as one that
/// does not exist.
@Suite("Access: reads")
struct AccessRuleTests {
    static let all = ["ann-bo-17", "dan-eve", "ann-bo-16", "dan-fay-nov", "dan-fay-oct", "ann-fay"]
    static let cycles: [(Who, [String])] = [
        (.learner, ["ann-bo-17", "ann-bo-16"]),
        (.coach, ["ann-bo-17", "ann-bo-16", "dan-fay-oct", "ann-fay"]),
        (.otherCoach, ["dan-eve", "dan-fay-nov", "dan-fay-oct", "ann-fay"]),
        (.secondCoach, ["ann-bo-17", "ann-bo-16", "ann-fay"]),
        (.manager, []), (.hr, []),
        (.lean, all),
        (.admin, all),
        (.owner, all),
    ]

    @Test(
        "lists one's own cycles, one's learners' (a past one's while paired), 2nd-coached coaches'; lean sees all",
        arguments: cycles)
    func cycleList(who: Who, expected: [String]) throws {
        #expect(try AccessFixture().cycleNames(who) == expected)
    }

    @Test(
        "answers a cycle one may not see exactly as a cycle that does not exist",
        arguments: [
            (Who.learner, false), (.coach, false), (.otherCoach, true), (.secondCoach, false), (.manager, false),
            (.lean, true), (.hr, false), (.admin, true), (.owner, true),
        ])
    func cycleDetail(who: Who, visible: Bool) throws {
        let fixture = try AccessFixture()
        let missing = UUID()
        let absent = outcome { try fixture.owner.cycleDetail(missing) }
        let answer = outcome { try fixture.store(who).cycleDetail(fixture.danEve) }
        #expect(answer == (visible ? "ok" : absent.replacingOccurrences(of: missing.text, with: fixture.danEve.text)))
        #expect(answer == "ok" || answer.hasPrefix("notFound: no coaching cycle"))
        let prefix = String(fixture.danEve.text.prefix(8))
        let resolved = outcome { try fixture.store(who).resolve(.cycle, prefix) }
        #expect(
            resolved == (visible ? "ok" : "notFound: no coaching cycle '\(prefix)'. See 'kata cycle list' for the ids.")
        )
    }

    @Test(
        "shows a storyboard to the learner, their coach, lean staff and admins; to others as if it had none",
        arguments: [
            (Who.learner, true), (.coach, true), (.otherCoach, false), (.secondCoach, false), (.manager, false),
            (.lean, true), (.hr, false), (.admin, true), (.owner, true),
        ])
    func storyboard(who: Who, visible: Bool) throws {
        let fixture = try AccessFixture()
        let store = fixture.store(who)
        let board = outcome({ try store.storyboard(learner: handle("bo")) }, { $0.target.focusProcess })
        #expect(
            board
                == (visible
                    ? "Line 3 changeover"
                    : "notFound: no target condition for 'bo'. "
                        + "Set one with 'kata target add --learner bo --focus-process … --condition … --achieve-by …'.")
        )
        let named = outcome({ try store.storyboard(learner: handle("bo"), target: fixture.boTarget.id) }, { _ in "ok" })
        #expect(
            named
                == (visible
                    ? "ok" : "notFound: no target condition '\(fixture.boTarget.id.text)'. See 'kata target list'."))
        let target = outcome { try store.target(fixture.boTarget.id) }
        #expect(target == named)
        #expect(try store.conditions(target: fixture.boTarget.id).count == (visible ? 1 : 0))
        #expect(try store.currentCondition(target: fixture.boTarget.id)?.text == (visible ? "42 min" : nil))
        #expect(try store.obstacles(learner: handle("bo")).map(\.text) == (visible ? ["Dies are cold"] : []))
        #expect(try store.targets(learner: handle("bo")).count == (visible ? 1 : 0))
    }

    @Test("shows a past learner's target conditions to the coach only as far as they were set while paired")
    func pastLearner() throws {
        let fixture = try AccessFixture()
        let ann = fixture.store(.coach)
        #expect(try ann.targets(learner: handle("fay")).map(\.focusProcess) == ["Kitting"])
        #expect(try ann.storyboard(learner: handle("fay")).target.id == fixture.fayOldTarget.id)
        #expect(outcome { try ann.target(fixture.fayNewTarget.id) }.hasPrefix("notFound: no target condition"))
        #expect(try fixture.store(.otherCoach).targets(learner: handle("fay")).count == 2)
    }

    static let dueLists: [(Who, [String])] = [
        (.learner, []), (.coach, ["ann-bo"]), (.otherCoach, ["dan-eve", "dan-fay"]), (.secondCoach, []),
        (.manager, []), (.lean, ["ann-bo", "dan-eve", "dan-fay"]), (.hr, []),
        (.admin, ["ann-bo", "dan-eve", "dan-fay"]), (.owner, ["ann-bo", "dan-eve", "dan-fay"]),
    ]

    @Test("gives the due list of one's own learners; lean staff and admins see every coach's", arguments: dueLists)
    func due(who: Who, expected: [String]) throws {
        let store = try AccessFixture().store(who)
        #expect(try store.due(coach: nil, on: day("2026-11-20")).map { "\($0.coach)-\($0.learner.handle)" } == expected)
        #expect(
            try store.due(coach: handle("dan"), on: day("2026-11-20")).count == expected.count { $0.hasPrefix("dan") })
    }

    static let pairingLists: [(Who, [String])] = [
        (.learner, ["ann-bo"]), (.coach, ["ann-bo", "ann-fay"]), (.otherCoach, ["dan-eve", "dan-fay"]),
        (.secondCoach, ["ann-bo"]), (.manager, ["ann-bo", "ann-fay"]), (.hr, []),
        (.lean, ["ann-bo", "ann-fay", "dan-eve", "dan-fay"]), (.admin, ["ann-bo", "ann-fay", "dan-eve", "dan-fay"]),
        (.owner, ["ann-bo", "ann-fay", "dan-eve", "dan-fay"]),
    ]

    @Test(
        "shows a pairing to its coach, learner and 2nd coach, the managers above the coach, lean staff and admins",
        arguments: pairingLists)
    func pairings(who: Who, expected: [String]) throws {
        let store = try AccessFixture().store(who)
        #expect(try store.pairings().map { "\($0.coach)-\($0.learner)" } == expected)
    }

    static let observationLists: [(Who, [String])] = [
        (.learner, []), (.coach, ["lena-ann"]), (.otherCoach, ["lea-dan"]), (.secondCoach, ["lena-ann"]),
        (.manager, []), (.hr, []), (.lean, ["lea-dan", "lena-ann"]), (.admin, ["lea-dan", "lena-ann"]),
        (.owner, ["lea-dan", "lena-ann"]),
    ]

    @Test(
        "shows observations to the coach observed, their 2nd coaches, lean staff and admins",
        arguments: observationLists)
    func observations(who: Who, expected: [String]) throws {
        let store = try AccessFixture().store(who)
        #expect(try store.observations().map { "\($0.secondCoach)-\($0.coach)" } == expected)
    }

    @Test("shows everyone signed in the directory, the challenges and the settings", arguments: Who.allCases)
    func directory(who: Who) throws {
        let fixture = try AccessFixture()
        try fixture.owner.addChallenge(Challenge(title: "One-piece flow"))
        let store = fixture.store(who)
        #expect(try store.people().count == 10)
        #expect(try store.person(handle("eve"))?.reportsTo == handle("dan"))
        #expect(try store.challenges().map(\.title) == ["One-piece flow"])
        #expect(try store.settings().timeZone == "UTC")
    }

    @Test("shows a cycle to the 2nd coach who was at it, and nobody else's to them")
    func secondCoachAtCycle() throws {
        let fixture = try AccessFixture()
        let watched = try fixture.owner.logCycle(
            CycleEntry(
                date: day("2026-11-18"), coach: handle("dan"), learner: handle("eve"), secondCoach: handle("carl")),
            at: AccessFixture.now
        ).cycle.id
        #expect(try fixture.store(.manager).cycles().map(\.id) == [watched])
        #expect(try fixture.store(.manager).cycleDetail(watched).cycle.secondCoach == handle("carl"))
    }

    @Test("reports the practice of everyone below a manager, however deep the reporting line")
    func deepReportingLine() async throws {
        let fixture = try AccessFixture()
        _ = try fixture.owner.editPerson(PersonChange(handle: handle("dan"), reportsTo: .some(handle("bo"))))
        let request = PracticeRequest(
            period: try Period(from: day("2026-11-01"), to: day("2026-11-30")), today: AccessFixture.today)
        #expect(try await fixture.store(.manager).practice(request).report.coaches.map(\.coach) == ["ann", "dan"])
        #expect(try await fixture.store(.manager).pairings().count == 4)
        #expect(try await fixture.store(.learner).practice(request).report.coaches.map(\.coach) == ["dan"])
    }

    @Test("a scoped copy shares the database of the store it came from")
    func scopedCopy() throws {
        let fixture = try AccessFixture()
        let admin = fixture.owner.scoped(to: Who.admin.caller)
        #expect(admin.caller == Who.admin.caller)
        #expect(fixture.owner.caller == .owner)
        try admin.addPerson(Person(handle: handle("gus"), name: "Gus Grey"))
        #expect(try fixture.owner.person(handle("gus"))?.name == "Gus Grey")
    }
}
