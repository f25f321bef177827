import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore

/// A small organisation built through the store's own operations, with text that is hard to
/// write as JSON or CSV: quotes, backslashes, control characters, emoji and right-to-left marks.
enum InterchangeFixture {
    static let today = Day("2026-11-20")!

    static func handle(_ text: String) -> Handle { try! Handle(validating: text) }

    static func day(_ text: String) -> Day { Day(text)! }

    /// Text a JSON or CSV writer must escape or quote.
    static let trickyText = "He said \"stop\", \\ then left;\ttab\nnew line\r\u{1}\u{1F} ✓ 🎉 \u{200F}שלום\u{200E}"

    static func organisation() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        let (carl, ann, eve, dora) = (handle("carl"), handle("ann"), handle("eve"), handle("dora"))
        try store.addPerson(Person(handle: carl, name: "Carl \"the coach\" Díaz", unit: "Assembly"))
        try store.addPerson(Person(handle: dora, name: "Dora 🎉 \u{200F}عربي", unit: "Lean office"))
        try store.addPerson(
            Person(handle: ann, name: "Ann \\ Lee", unit: "Assembly", reportsTo: carl, email: "ann@example.com"))
        try store.addPerson(Person(handle: eve, name: "Eve", unit: "Assembly", reportsTo: carl, active: false))
        let plant = try Challenge(title: "Zero defects by 2028", owner: dora, by: day("2028-01-31"))
        try store.addChallenge(plant)
        let line = try Challenge(title: "One-piece flow in final assembly", description: trickyText, parent: plant.id)
        try store.addChallenge(line)
        try store.addPairing(Pairing(coach: carl, learner: ann, secondCoach: dora, since: day("2026-09-01")))
        try store.addPairing(Pairing(coach: carl, learner: eve, since: day("2026-09-01"), until: day("2026-10-31")))

        let old = try TargetCondition(
            learner: eve, focusProcess: "Kitting", condition: "Kits complete at 7:00", achieveBy: day("2026-10-15"),
            createdOn: day("2026-09-15"))
        try store.addTarget(old)
        try store.closeTarget(old.id, as: .achieved, on: day("2026-10-14"), reflection: "Kanban works \"mostly\"")
        let target = try TargetCondition(
            learner: ann, focusProcess: "Final assembly", condition: "52 s takt, one-piece flow",
            achieveBy: day("2026-12-18"),
            challenge: line.id, outcomeMetrics: [try Metric(name: "cycle time", target: "≤ 52", unit: "s")],
            processMetrics: [try Metric(name: "stops per shift", target: "0")], createdOn: day("2026-11-02"))
        try store.addTarget(target)
        try store.amendTarget(
            target.id, on: day("2026-11-09"), text: "also on the night shift",
            processMetrics: [
                try Metric(name: "kanban cards late", target: "0")
            ])
        try store.addCondition(
            CurrentCondition(
                target: target.id, date: day("2026-11-03"), text: trickyText,
                metrics: [
                    try MetricValue(name: "cycle time", value: 58.5, unit: "s"),
                    try MetricValue(name: "stops", value: 3),
                ]))
        let waiting = try Obstacle(target: target.id, text: "Operators wait for parts", createdOn: day("2026-11-02"))
        try store.addObstacle(waiting)
        let escalation = try store.escalate(
            Escalation(
                obstacle: waiting.id, to: carl, causeUnit: "Logistics", loss: WeeklyLoss(amount: 1200.25, unit: "EUR"),
                basis: "4 \"stops\" a shift", fix: "Milk run", fixCost: .operating, toldOn: day("2026-11-03"),
                toldHow: "by kata"))
        for event in [
            try EscalationEvent(date: day("2026-11-04"), action: .declined, reason: "Budget"),
            try EscalationEvent(date: day("2026-11-05"), action: .reopened),
            try EscalationEvent(date: day("2026-11-06"), action: .resolved, verifiedOn: day("2026-11-09")),
        ] {
            _ = try store.recordEscalationEvent(escalation.id, event, today: day("2026-11-20"))
        }

        let now = Date(timeIntervalSince1970: 1_794_000_000)
        try store.logCycle(
            CycleEntry(
                date: day("2026-11-03"), coach: carl, learner: ann, minutes: 18, actualCondition: "58 s, 3 stops",
                newObstacle: "Screws run out at station 3", nextStep: "Kanban card for screws", expected: trickyText,
                goSee: day("2026-11-04")), at: now)
        let second = try store.logCycle(
            CycleEntry(
                date: day("2026-11-04"), coach: carl, learner: ann, secondCoach: dora, minutes: 22,
                actualCondition: "55 s", happened: "One stop: the card came late", learned: "Hang the card at 6:45",
                nextStep: "Hang the card at 6:45", expected: "No stop", goSee: day("2026-11-05"), asExpected: .partly),
            at: now)
        try store.addObservation(
            Observation(
                date: day("2026-11-04"), secondCoach: dora, coach: carl, cycle: second.cycle.id,
                notes: "Asked for the prediction \u{7} before the step", focus: "Let the learner answer",
                trigger: "When you want to give the answer"))
        _ = try store.recordWalk(
            Walk(
                walker: carl, date: day("2026-11-05"), learners: [ann, eve], mode: .goSee, with: dora,
                learned: trickyText, followUp: "Ask logistics about the 6:45 round"), at: now, today: today)
        try store.setWalkPlan(WalkPlan(walker: carl, every: 2, since: day("2026-09-01")))
        return store
    }

    /// The interchange JSONL of `store`.
    static func export(_ store: SQLiteStore, _ format: InterchangeFormat = .jsonl) throws -> Data {
        var data = Data()
        try store.exportData(format) { data.append($0) }
        return data
    }

    /// `contents` in a new temporary file, with `name`.
    static func file(_ contents: Data, name: String = "import.jsonl") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kata-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    static func file(_ lines: [String], name: String = "import.jsonl") throws -> String {
        try file(Data((lines.joined(separator: "\n") + "\n").utf8), name: name)
    }

    /// Imports `path` into `store` with the fixed today.
    @discardableResult
    static func importFile(_ path: String, into store: SQLiteStore, dryRun: Bool = false) throws -> ImportSummary {
        try store.importData(from: path, dryRun: dryRun, today: today)
    }

    /// The message of the KataError `work` throws, nil when it throws none.
    static func message(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch let error as KataError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    /// Rows that break a foreign key, as SQLite finds them.
    static func foreignKeyProblems(_ store: SQLiteStore) throws -> Int {
        try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
    }

    /// The ids of the records of `kind` in `lines`.
    static func lines(of kind: String, in export: Data) -> [String] {
        String(decoding: export, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("{\"kind\":\"\(kind)\"") }
    }
}
