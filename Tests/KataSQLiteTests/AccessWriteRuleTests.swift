import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// What each kind of caller may write (DESIGN §10.3): a write one may not do is forbidden with a
/// message that says why, and one on a record one may not see is unknown; neither writes anything.
@Suite("Access: writes")
struct AccessWriteRuleTests {
    static let notAnns = "forbidden: you may log only the cycles you coach yourself, not those of ann."

    @Test(
        "lets only the coach (and admins) log a cycle as its coach",
        arguments: [
            (Who.learner, notAnns), (.coach, "ok"), (.otherCoach, notAnns), (.secondCoach, notAnns),
            (.manager, notAnns), (.lean, notAnns), (.hr, notAnns), (.admin, "ok"), (.owner, "ok"),
        ])
    func logCycle(who: Who, expected: String) throws {
        let fixture = try AccessFixture()
        let entry = CycleEntry(date: AccessFixture.today, coach: handle("ann"), learner: handle("bo"), minutes: 10)
        #expect(outcome { try fixture.store(who).logCycle(entry, at: AccessFixture.now) } == expected)
        #expect(try fixture.owner.cycles().count == (expected == "ok" ? 7 : 6))
    }

    @Test("refuses a cycle for a learner one does not coach on that day, and takes one from a past pairing's days")
    func logCycleOfLearner() throws {
        let fixture = try AccessFixture()
        func log(_ who: Who, _ coach: String, _ learner: String, _ date: String) -> String {
            outcome {
                try fixture.store(who).logCycle(
                    CycleEntry(date: day(date), coach: handle(coach), learner: handle(learner)), at: AccessFixture.now)
            }
        }
        #expect(log(.otherCoach, "dan", "bo", "2026-11-20") == "forbidden: you do not coach bo.")
        #expect(log(.coach, "ann", "eve", "2026-11-20") == "forbidden: you do not coach eve.")
        #expect(log(.coach, "ann", "fay", "2026-11-20") == "forbidden: you do not coach fay.")
        #expect(log(.coach, "ann", "fay", "2026-10-28") == "ok")
        #expect(log(.lean, "lea", "bo", "2026-11-20") == "forbidden: you do not coach bo.")
        #expect(log(.coach, "ann", "zed", "2026-11-20") == log(.owner, "ann", "zed", "2026-11-20"))
        #expect(log(.coach, "ann", "zed", "2026-11-20").hasPrefix("notFound: no learner 'zed'."))
    }

    @Test("a cycle sent again under its id is found, not written; another's id is refused without its content")
    func recordCycleUnderUsedID() throws {
        let fixture = try AccessFixture()
        let ann = fixture.store(.coach)
        let entry = CycleEntry(date: AccessFixture.today, coach: handle("ann"), learner: handle("bo"), minutes: 10)
        let id = UUID()
        let first = try ann.recordCycle(entry, id: id, at: AccessFixture.now, today: AccessFixture.today)
        let again = try ann.recordCycle(entry, id: id, at: AccessFixture.now, today: AccessFixture.today)
        #expect(first.isNew && !again.isNew)
        #expect(again.cycle == first.cycle)
        var longer = entry
        longer.minutes = 25
        let changed = outcome { try ann.recordCycle(longer, id: id, at: AccessFixture.now, today: AccessFixture.today) }
        #expect(changed.hasPrefix("conflict: a different cycle was logged under the id \(id.text): logged {"))
        #expect(changed.contains(#""minutes":10"#) && changed.contains(#""minutes":25"#), "\(changed)")
        // Dan's cycle with Eve: its id is taken, and nothing of it is shown to Ann.
        let taken = outcome {
            try ann.recordCycle(entry, id: fixture.danEve, at: AccessFixture.now, today: AccessFixture.today)
        }
        #expect(taken == "conflict: the id \(fixture.danEve.text) is taken by another record; make a new id.")
        #expect(try fixture.owner.cycles().count == 7)
    }

    static func notLogged(_ fixture: AccessFixture) -> String {
        "forbidden: you did not log cycle \(fixture.annBo[1].short); only its coach (ann) or an admin may change it."
    }

    @Test(
        "lets only the coach who logged a cycle (and admins) correct or delete it",
        arguments: [
            (Who.learner, "not logged"), (.coach, "ok"), (.otherCoach, "unknown"), (.secondCoach, "not logged"),
            (.manager, "unknown"), (.lean, "not logged"), (.hr, "unknown"), (.admin, "ok"), (.owner, "ok"),
        ])
    func editAndDeleteCycle(who: Who, expected: String) throws {
        let fixture = try AccessFixture()
        let id = fixture.annBo[1]
        let answer =
            switch expected {
            case "not logged": Self.notLogged(fixture)
            case "unknown": "notFound: no coaching cycle '\(id.text)'. See 'kata cycle list'."
            default: "ok"
            }
        let store = fixture.store(who)
        #expect(outcome { try store.editCycle(id, CycleCorrection(minutes: 25), at: AccessFixture.now) } == answer)
        #expect(try fixture.owner.cycleDetail(id).cycle.minutes == (answer == "ok" ? 25 : 15))
        #expect(outcome { try store.deleteCycle(id) } == answer)
        #expect(try fixture.owner.cycles().count == (answer == "ok" ? 5 : 6))
    }

    @Test(
        "lets only the learner's coach (and admins) set, amend and close target conditions",
        arguments: [
            (Who.learner, "forbidden"), (.coach, "ok"), (.otherCoach, "unknown"), (.secondCoach, "unknown"),
            (.manager, "unknown"), (.lean, "forbidden"), (.hr, "unknown"), (.admin, "ok"), (.owner, "ok"),
        ])
    func targets(who: Who, expected: String) throws {
        let fixture = try AccessFixture()
        let store = fixture.store(who)
        let id = fixture.boTarget.id
        let refused = "forbidden: you do not coach bo."
        let answer =
            switch expected {
            case "forbidden": refused
            case "unknown": "notFound: no target condition '\(id.text)'. See 'kata target list'."
            default: "ok"
            }
        let new = try TargetCondition(
            learner: handle("bo"), focusProcess: "Paint booth", condition: "No runs", achieveBy: day("2026-12-18"),
            createdOn: AccessFixture.today)
        #expect(outcome { try store.addTarget(new) } == (expected == "ok" ? "ok" : refused))
        #expect(outcome { try store.amendTarget(id, on: AccessFixture.today, text: "Changeover in 15 min") } == answer)
        #expect(
            outcome { try store.closeTarget(id, as: .achieved, on: AccessFixture.today, reflection: nil) } == answer)
        #expect(try fixture.owner.target(id).status == (expected == "ok" ? .achieved : .active))
        #expect(try fixture.owner.targets(learner: handle("bo")).count == (expected == "ok" ? 2 : 1))
    }

    @Test(
        "lets the learner and their coach (and admins) record conditions and obstacles on the learner's storyboard",
        arguments: [
            (Who.learner, "ok"), (.coach, "ok"), (.otherCoach, "unknown"), (.secondCoach, "unknown"),
            (.manager, "unknown"), (.lean, "forbidden"), (.hr, "unknown"), (.admin, "ok"), (.owner, "ok"),
        ])
    func conditionsAndObstacles(who: Who, expected: String) throws {
        let fixture = try AccessFixture()
        let store = fixture.store(who)
        let target = fixture.boTarget.id
        func answer(_ kind: String, _ id: UUID, _ list: String) -> String {
            switch expected {
            case "forbidden": return "forbidden: you do not coach bo."
            case "unknown": return "notFound: no \(kind) '\(id.text)'. See '\(list)'."
            default: return "ok"
            }
        }
        let onTarget = answer("target condition", target, "kata target list")
        let onObstacle = answer("obstacle", fixture.boObstacle.id, "kata obstacle list")
        let condition = try CurrentCondition(target: target, date: AccessFixture.today, text: "35 min")
        #expect(outcome { try store.addCondition(condition, at: AccessFixture.now) } == onTarget)
        let obstacle = try Obstacle(target: target, text: "No spare dies", createdOn: AccessFixture.today)
        #expect(outcome { try store.addObstacle(obstacle) } == onTarget)
        #expect(outcome { try store.workObstacle(fixture.boObstacle.id) } == onObstacle)
        #expect(
            outcome { try store.closeObstacle(fixture.boObstacle.id, as: .overcome, on: AccessFixture.today) }
                == onObstacle)
        #expect(try fixture.owner.conditions(target: target).count == (expected == "ok" ? 2 : 1))
        #expect(try fixture.owner.obstacles(target: target).count == (expected == "ok" ? 2 : 1))
    }

    static func onlyObservers(of coach: String) -> String {
        "forbidden: only lean staff, 2nd coaches of \(coach) or an admin may record an observation of \(coach)."
    }

    @Test(
        "lets only 2nd coaches of a coach, lean staff and admins record observations of that coach",
        arguments: [
            (Who.learner, "bo", "ann", onlyObservers(of: "ann")), (.coach, "ann", "dan", onlyObservers(of: "dan")),
            (.otherCoach, "dan", "ann", onlyObservers(of: "ann")), (.secondCoach, "lena", "ann", "ok"),
            (.manager, "carl", "ann", onlyObservers(of: "ann")), (.lean, "lea", "ann", "ok"),
            (.hr, "hal", "ann", onlyObservers(of: "ann")), (.admin, "lena", "dan", "ok"), (.owner, "lena", "dan", "ok"),
            (
                .secondCoach, "lea", "ann",
                "forbidden: you may record observations only as their 2nd coach yourself, not as lea."
            ),
        ])
    func observations(who: Who, observer: String, coach: String, expected: String) throws {
        let fixture = try AccessFixture()
        let observation = try Observation(
            date: AccessFixture.today, secondCoach: handle(observer), coach: handle(coach))
        #expect(outcome { try fixture.store(who).addObservation(observation, at: AccessFixture.now) } == expected)
        #expect(try fixture.owner.observations().count == (expected == "ok" ? 3 : 2))
    }

    @Test("lets only lean staff and admins add challenges", arguments: Who.allCases)
    func challenges(who: Who) throws {
        let fixture = try AccessFixture()
        let allowed = [.lean, .admin, .owner].contains(who)
        #expect(
            outcome { try fixture.store(who).addChallenge(Challenge(title: "One-piece flow")) }
                == (allowed ? "ok" : "forbidden: only lean staff or an admin may add challenges."))
        #expect(try fixture.owner.challenges().count == (allowed ? 1 : 0))
    }

    static let adminOnly = [
        "add people", "change people", "pair people", "end pairings", "change the settings", "export the record",
        "import records", "check the record",
    ]

    @Test("lets only admins change people, pairings and settings, export, import and check", arguments: Who.allCases)
    func adminOnly(who: Who) throws {
        let fixture = try AccessFixture()
        let store = fixture.store(who)
        let exported = Exported()
        let answers = [
            outcome { try store.addPerson(Person(handle: handle("gus"), name: "Gus Grey")) },
            outcome { try store.editPerson(PersonChange(handle: handle("bo"), name: "Bo Chan")) },
            outcome {
                try store.addPairing(Pairing(coach: handle("lena"), learner: handle("eve"), since: AccessFixture.today))
            },
            outcome { try store.endPairing(coach: handle("ann"), learner: handle("bo"), on: AccessFixture.today) },
            outcome { try store.configure(SettingsChange(addHolidays: [day("2026-12-24")])) },
            outcome { try store.exportData(.jsonl, to: exported) },
            outcome {
                try store.importData(
                    ImportRequest(source: .bytes(exported.data), dryRun: true, today: AccessFixture.today))
            },
            outcome { try store.check() },
        ]
        let allowed = [.admin, .owner].contains(who)
        #expect(answers == Self.adminOnly.map { allowed ? "ok" : "forbidden: only an admin may \($0)." })
        #expect(try fixture.owner.people().count == (allowed ? 11 : 10))
        #expect(try fixture.owner.person(handle("bo"))?.name == (allowed ? "Bo Chan" : "Bo Chen"))
        #expect(
            try fixture.owner.pairings(coach: handle("ann"), learner: handle("bo")).first?.until
                == (allowed ? AccessFixture.today : nil))
        #expect(try fixture.owner.pairings(coach: handle("lena")).count == (allowed ? 1 : 0))
        #expect(try fixture.owner.settings().calendar.holidays.count == (allowed ? 1 : 0))
    }
}

/// An export sink that keeps what it is given.
final class Exported: ExportSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected = Data()

    var data: Data { lock.withLock { collected } }

    func write(_ data: Data) throws { lock.withLock { collected.append(data) } }
}
