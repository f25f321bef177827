import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import Testing

@Suite("Cycles CSV from a spreadsheet")
struct InterchangeSheetTests {
    typealias F = InterchangeFixture

    /// A sheet as a spreadsheet saves it: byte order mark, CRLF, quoted cells with commas, quotes
    /// and a line break, header names in another letter case, an empty trailing column.
    static let sheet =
        "\u{FEFF}Date,Coach,Learner,Minutes,actualCondition,Step,Expected,Happened,Learned,GoSee,\r\n"
        + "2026-11-10,carl,ann,15,\"55 s, 2 stops\",\"Move the \"\"kanban\"\" card\nto the line\",No stop,\"One stop, card late\",Hang it at 6:45,2026-11-11,\r\n"
        + "2026-11-11,carl,ann,12,'=54 s,Hang the card at 6:45,No stop,,,2026-11-12,\r\n"
        + ",,,,,,,,,,\r\n"
        + "2026-11-12,carl,eve,10,Kitting is fine,,,,,,\r\n"

    /// The fixture with ann's last step reviewed, so that a sheet may plan her next one (as
    /// `cycle log` requires).
    private func organisation() throws -> SQLiteStore {
        let store = try F.organisation()
        try store.logCycle(
            CycleEntry(
                date: F.day("2026-11-05"), coach: F.handle("carl"), learner: F.handle("ann"), happened: "No stop",
                learned: "The card at 6:45 works"))
        return store
    }

    private func sheetFile(_ text: String = sheet) throws -> String {
        try F.file(Data(text.utf8), name: "cycles.csv")
    }

    @Test("a spreadsheet's cycles CSV imports with its quotes, commas, line breaks and byte order mark")
    func imports() throws {
        let store = try organisation()
        let summary = try F.importFile(sheetFile(), into: store)
        #expect(summary.format == .csv)
        #expect(summary.added == [.cycle: 3, .experiment: 2])
        let ann = try store.cycles().filter { $0.learner == F.handle("ann") && $0.date >= F.day("2026-11-10") }
            .sorted { $0.date < $1.date }
        #expect(ann.map(\.actualCondition) == ["55 s, 2 stops", "=54 s"])
        #expect(ann.map(\.minutes) == [15, 12])
        let target = try store.targets(learner: F.handle("ann"))[0]
        #expect(ann.allSatisfy { $0.target == target.id })
        let storyboard = try store.storyboard(learner: F.handle("ann"))
        let step = try #require(storyboard.experiments.first { $0.id == ann[0].planned })
        #expect(step.step == "Move the \"kanban\" card\nto the line")
        #expect(step.expected == "No stop")
        #expect(step.happened == "One stop, card late")
        #expect(step.learned == "Hang it at 6:45")
        #expect(step.plannedOn == F.day("2026-11-10") && step.goSee == F.day("2026-11-11"))
        #expect(step.closedOn == F.day("2026-11-11"))
        let open = try #require(storyboard.experiments.first { $0.id == ann[1].planned })
        #expect(open.closedOn == nil && open.expected == "No stop")
        let eve = try #require(store.cycles().first { $0.learner == F.handle("eve") && $0.date == F.day("2026-11-12") })
        #expect(eve.target == nil && eve.planned == nil)
        #expect(try F.foreignKeyProblems(store) == 0)
    }

    @Test("the same sheet imported again adds nothing, and its rows get the same ids in any database")
    func reimport() throws {
        let store = try organisation()
        try F.importFile(sheetFile(), into: store)
        let export = try F.export(store)
        let again = try F.importFile(sheetFile(), into: store)
        #expect(again.totalAdded == 0 && again.totalUnchanged == 5)
        #expect(try F.export(store) == export)
        let other = try organisation()
        try F.importFile(sheetFile(), into: other)
        let ids = { (store: SQLiteStore) in try Set(store.cycles().filter { $0.date >= F.day("2026-11-10") }.map(\.id))
        }
        #expect(try ids(other) == ids(store))
    }

    @Test("the cycles CSV export imports back into the same database as unchanged")
    func exportAndBack() throws {
        let store = try organisation()
        try F.importFile(sheetFile(), into: store)
        let csv = try F.export(store, .csv)
        let text = String(decoding: csv, as: UTF8.self)
        #expect(
            text.hasPrefix(
                "id,date,coach,learner,secondCoach,minutes,target,actualCondition,obstacle,reviewed,planned,step,expected,happened,learned,goSee,asExpected\r\n"
            ))
        #expect(text.contains(",'=54 s,"))
        let summary = try F.importFile(F.file(csv, name: "export.csv"), into: store)
        #expect(summary.totalAdded == 0)
        #expect(summary.unchanged[.cycle] == 6)
    }

    @Test("a cycles CSV export rebuilds the cycles and steps of another database, rows in any order")
    func rebuildsCycles() throws {
        let original = try organisation()
        let csv = try F.export(original, .csv)
        let rest = String(decoding: try F.export(original), as: UTF8.self).split(separator: "\n")
            .filter { !$0.contains(#""kind":"cycle""#) && !$0.contains(#""kind":"experiment""#) }
            .filter { !$0.contains(#""kind":"observation""#) }.map(String.init)
        let copy = try SQLiteStore.inMemory()
        try F.importFile(F.file(rest), into: copy)
        var rows = String(decoding: csv, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Latest first: the cycle that reviews a step comes before the row that planned it.
        rows = [rows[0]] + rows.dropFirst().sorted { $0.split(separator: ",")[1] > $1.split(separator: ",")[1] }
        let summary = try F.importFile(
            F.file(Data(rows.joined(separator: "\r\n").utf8), name: "cycles.csv"), into: copy)
        #expect(summary.added == [.cycle: 3, .experiment: 2])
        #expect(try copy.cycles() == original.cycles())
        #expect(
            try copy.storyboard(learner: F.handle("ann")).experiments
                == original.storyboard(learner: F.handle("ann")).experiments)
        #expect(try F.foreignKeyProblems(copy) == 0)
    }

    @Test("rows and columns that cannot be read are refused, naming the row and the column")
    func refused() throws {
        let store = try organisation()
        let before = try F.export(store)
        let header = "date,coach,learner,minutes,step,goSee\n"
        let cases: [(String, String)] = [
            (
                header + "2026-11-10,carl,ann,15,,\n2026-02-30,carl,ann,,,\n",
                "cycles.csv row 3: field 'date': '2026-02-30'"
            ),
            (header + "2026-11-10,carl,ann,twenty,,\n", "row 2: field 'minutes': 'twenty'"),
            (header + "2026-11-10,carl,zed,,,\n", "row 2: field 'learner': no person 'zed'"),
            (header + "2026-11-10,carl,ann,,,2026-11-11\n", "row 2: field 'step': is empty, but the row has goSee"),
            (
                header + "2026-11-10,carl,dora,,Try it,\n",
                "row 2: field 'target': is empty and dora has no target condition"
            ),
            ("date,coach,learner,mood\n2026-11-10,carl,ann,happy\n", "row 1: field 'mood': is not a column"),
            ("date,coach\n2026-11-10,carl\n", "row 1: the header row has no column learner"),
            (header + "2026-11-10,carl,ann,,,,surplus\n", "row 2: has a value in column 7"),
        ]
        for (text, expected) in cases {
            let message = F.message { try F.importFile(sheetFile(text), into: store) }
            #expect(message?.contains(expected) == true, "\(message ?? "no error") should say \(expected)")
        }
        #expect(try F.export(store) == before)
    }

    @Test("a file whose first character is not '{' is read as a CSV, one that starts with '{' as JSONL")
    func detection() throws {
        let store = try organisation()
        let csv = try F.importFile(F.file(Data("\n  date,coach,learner\n2026-11-16,carl,ann\n".utf8)), into: store)
        #expect(csv.format == .csv && csv.added == [.cycle: 1])
        let jsonl = try F.importFile(
            F.file(Data("\u{FEFF}\n  {\"kind\":\"person\",\"handle\":\"zoe\",\"name\":\"Zoe\"}\n".utf8), name: "x.csv"),
            into: store)
        #expect(jsonl.format == .jsonl && jsonl.added == [.person: 1])
    }
}
