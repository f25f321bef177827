import Foundation
import GRDB
import ImprovementKata
import KataStore
import Testing

@testable import KataSQLite

@Suite("Interchange round trip, order and idempotence")
struct InterchangeRoundTripTests {
    typealias F = InterchangeFixture

    @Test("export, import into an empty database and export again gives the same bytes")
    func roundTrip() throws {
        let first = try F.export(F.organisation())
        let copy = try SQLiteStore.inMemory()
        let summary = try F.importFile(F.file(first), into: copy)
        let lineCount = first.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(summary.totalAdded == lineCount)
        #expect(summary.totalUnchanged == 0)
        #expect(summary.added[.cycle] == 2 && summary.added[.experiment] == 2 && summary.added[.person] == 4)
        #expect(try F.export(copy) == first)
        #expect(try F.foreignKeyProblems(copy) == 0)
    }

    @Test("every field of every record comes back as it was")
    func fieldsComeBack() throws {
        let original = try F.organisation()
        let copy = try SQLiteStore.inMemory()
        try F.importFile(F.file(F.export(original)), into: copy)
        #expect(try copy.people() == original.people())
        #expect(try copy.pairings() == original.pairings())
        #expect(try copy.challenges() == original.challenges())
        let targets = try original.targets()
        #expect(try copy.targets() == targets)
        #expect(targets.contains { $0.amendments.count == 1 && $0.processMetrics.count == 2 })
        #expect(targets.contains { $0.status == .achieved && $0.reflection == "Kanban works \"mostly\"" })
        for target in targets {
            #expect(try copy.conditions(target: target.id) == original.conditions(target: target.id))
        }
        #expect(try copy.obstacles() == original.obstacles())
        #expect(try copy.cycles() == original.cycles())
        #expect(try copy.observations() == original.observations())
        let escalations = try original.escalations(EscalationFilter())
        #expect(escalations.map(\.events.count) == [3])
        #expect(try copy.escalations(EscalationFilter()) == escalations)
        #expect(try copy.walks() == original.walks())
        #expect(try copy.walks().first?.learners.map(\.rawValue) == ["ann", "eve"])
        #expect(try copy.walkPlans() == original.walkPlans())
        let storyboard = try original.storyboard(learner: F.handle("ann"))
        #expect(try copy.storyboard(learner: F.handle("ann")) == storyboard)
        #expect(storyboard.experiments.map(\.asExpected) == [.partly, nil], "asExpected comes back with the result")
    }

    @Test("the export lists the kinds in dependency order, each ordered by its key")
    func stableOrder() throws {
        let store = try F.organisation()
        try store.configure(
            timeZone: "Europe/Berlin", workweek: nil, addHolidays: [F.day("2026-12-24"), F.day("2026-12-25")])
        let text = String(decoding: try F.export(store), as: UTF8.self)
        var kinds: [String] = []
        var keys: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let kind = object["kind"] as! String
            if kinds.last != kind { kinds.append(kind) }
            keys[kind, default: []].append(
                (object["id"] ?? object["handle"] ?? object["key"] ?? object["date"] ?? object["walker"]) as! String)
        }
        #expect(kinds == InterchangeKind.allCases.map(\.rawValue))
        for (kind, list) in keys { #expect(list == list.sorted(), "\(kind)") }
    }

    @Test("lines in any order import to the same database", arguments: [0, 1, 2, 3])
    func anyOrder(seed: Int) throws {
        let export = try F.export(F.organisation())
        var lines = String(decoding: export, as: UTF8.self).split(separator: "\n").map(String.init)
        if seed == 0 {
            lines.reverse()
        } else {
            var generator = InterchangeShuffle(seed: UInt64(seed))
            lines.shuffle(using: &generator)
        }
        let copy = try SQLiteStore.inMemory()
        let summary = try F.importFile(F.file(lines), into: copy)
        #expect(summary.totalAdded == lines.count)
        #expect(try F.export(copy) == export)
        #expect(try F.foreignKeyProblems(copy) == 0)
    }

    @Test("importing the same file twice changes nothing")
    func idempotent() throws {
        let store = try F.organisation()
        let export = try F.export(store)
        let path = try F.file(export)
        let summary = try F.importFile(path, into: store)
        #expect(summary.totalAdded == 0)
        #expect(summary.totalUnchanged == export.filter { $0 == UInt8(ascii: "\n") }.count)
        #expect(try F.export(store) == export)
    }

    @Test("a record whose id exists with other content is a conflict, shown in both versions; nothing is written")
    func conflict() throws {
        let store = try F.organisation()
        let export = try F.export(store)
        let cycle = F.lines(of: "cycle", in: export)[0]
        let changed = cycle.replacingOccurrences(of: #""minutes":"#, with: #""minutes":1"#)
        #expect(changed != cycle)
        let newcomer = #"{"kind":"person","handle":"zoe","name":"Zoe"}"#
        let path = try F.file([newcomer, changed])
        let message = F.message { try F.importFile(path, into: store) }
        #expect(message?.contains("import.jsonl line 2: coaching cycle") == true)
        #expect(message?.contains("in the database: " + cycle) == true)
        #expect(message?.contains("in the file:     " + changed) == true)
        #expect(try store.person(F.handle("zoe")) == nil)
        #expect(try F.export(store) == export)
    }

    @Test("a dry run counts what would be added and writes nothing")
    func dryRun() throws {
        let export = try F.export(F.organisation())
        let empty = try SQLiteStore.inMemory()
        let summary = try F.importFile(F.file(export), into: empty, dryRun: true)
        #expect(summary.dryRun)
        #expect(summary.totalAdded == export.filter { $0 == UInt8(ascii: "\n") }.count)
        #expect(try F.export(empty).isEmpty)
    }

    @Test("an imported experiment's prediction and result count as recorded at the start of their days (UTC)")
    func experimentTimestamps() throws {
        let copy = try SQLiteStore.inMemory()
        try F.importFile(F.file(F.export(F.organisation())), into: copy)
        let rows = try copy.read { db in
            try Row.fetchAll(
                db, sql: "SELECT plannedOn, plannedAt, closedOn, closedAt FROM experiment ORDER BY plannedOn")
        }
        #expect(rows.map { $0["plannedAt"] as String } == ["2026-11-03T00:00:00.000Z", "2026-11-04T00:00:00.000Z"])
        #expect(rows.map { $0["closedAt"] as String? } == ["2026-11-04T00:00:00.000Z", nil])
    }

    @Test("left-out status, createdOn and active are defaults for a new record and as stored for one that exists")
    func defaults() throws {
        let store = try F.organisation()
        let ann = try store.targets(learner: F.handle("ann"))[0]
        let lines = [
            #"{"kind":"person","handle":"eve","name":"Eve","unit":"Assembly","reportsTo":"carl"}"#,
            #"{"kind":"target","id":"0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5a","learner":"ann","focusProcess":"Packing","condition":"Boxes sealed in 30 s","achieveBy":"2026-12-31"}"#,
            #"{"kind":"obstacle","id":"1b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5a","target":"\#(ann.id.uuidString)","text":"Tape runs out"}"#,
        ]
        let summary = try F.importFile(F.file(lines), into: store)
        #expect(summary.unchanged[.person] == 1)
        let packing = try store.target(UUID(uuidString: "0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5a")!)
        #expect(packing.status == .active && packing.createdOn == F.today)
        let tape = try store.obstacles(target: ann.id).first { $0.text == "Tape runs out" }
        #expect(tape?.status == .parked && tape?.createdOn == F.today)
        try store.closeTarget(packing.id, as: .dropped, on: F.today, reflection: nil)
        let again = try F.importFile(F.file(lines), into: store)
        #expect(again.totalUnchanged == 3)
    }

    @Test("a large import builds the indexes it set aside again, exactly as the schema wrote them")
    func suspendedIndexes() throws {
        let store = try F.organisation()
        let schema = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        }
        let dropped = try store.write { db -> Int in
            let indexes = try SuspendedIndexes(db, expectedRecords: 1_000_000)
            let left = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index'")!
            try indexes.restore(db)
            return schema.filter { $0["type"] == "index" }.count - left
        }
        // Every non-unique index of 0001 and the three practice indexes of 0002.
        #expect(dropped == 11)
        let after = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        }
        #expect(after == schema)
        let unique = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE UNIQUE%'")
        }
        #expect(Set(unique) == ["escalation_one_live", "obstacle_one_working", "target_one_active"])
    }
}

/// A small deterministic random number generator (SplitMix64), so that shuffles repeat.
struct InterchangeShuffle: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
