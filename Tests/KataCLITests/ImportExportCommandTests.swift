import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("kata import and kata export data")
struct ImportExportCommandTests {
    typealias F = ImportExportFixture

    /// A runner with the fixture imported.
    private func organisation() async throws -> KataRunner {
        let kata = try await KataRunner()
        let result = await kata.run("import", try F.file(kata))
        #expect(result.exitCode == 0, "\(result.errors)")
        return kata
    }

    @Test("import reports what it added per kind and how long it took; export gives the records back")
    func importThenExport() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("import", try F.file(kata))
        #expect(result.exitCode == 0)
        #expect(result.errors.isEmpty)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Imported "))
        #expect(lines[0].contains("organisation.jsonl (interchange JSONL) in "))
        #expect(lines[0].hasSuffix(" s: 19 records added, 0 unchanged."))
        #expect(
            lines.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
                == [
                    "records added unchanged", "people 4 0", "challenges 2 0", "pairings 2 0", "target conditions 2 0",
                    "current conditions 1 0", "obstacles 2 0", "experiments 2 0", "coaching cycles 2 0",
                    "observations 1 0", "escalations 1 0",
                ])
        let export = await kata.run("export", "data")
        #expect(export.exitCode == 0)
        let exported = export.output.split(separator: "\n").map(String.init)
        // The database's calendar first (its time zone and workweek), then the 19 records.
        #expect(exported.count == 21)
        #expect(exported[0] == #"{"kind":"setting","key":"timeZone","value":"UTC"}"#)
        #expect(exported[1] == #"{"kind":"setting","key":"workweek","value":"mon,tue,wed,thu,fri"}"#)
        #expect(
            exported.contains(
                #"{"kind":"person","handle":"ann","name":"Ann \\ Lee","unit":"Assembly","reportsTo":"carl","active":true}"#
            ))
        #expect(exported.contains(F.lines[8]))
        #expect(exported.contains(F.lines[13]))
        #expect(exported.contains(F.lines[16]))
        #expect(exported.last == F.lines.last)
    }

    @Test("export, import into an empty database and export again gives the same bytes")
    func roundTrip() async throws {
        let kata = try await organisation()
        let first = await kata.run("export", "data").output
        let empty = try await KataRunner()
        let path = empty.folder.appendingPathComponent("round.jsonl").path
        try Data(first.utf8).write(to: URL(fileURLWithPath: path))
        #expect(await empty.run("import", path).exitCode == 0)
        #expect(await empty.run("export", "data").output == first)
    }

    /// A bad line and what the message must say about it.
    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var says: [String]
        var testDescription: String { name }
    }

    static let badLines: [Bad] = [
        Bad(
            name: "escalation: a cost class not in the list",
            line:
                #"{"kind":"escalation","id":"7b000000-0000-4000-8000-000000000001","obstacle":"7a000000-0000-4000-8000-00000000000d","to":"carl","fixCost":"cheap","toldOn":"2026-11-10"}"#,
            says: ["line 3: field 'fixCost'", "'cheap'"]),
        Bad(
            name: "escalation: a second open one of the same obstacle",
            line:
                #"{"kind":"escalation","id":"7b000000-0000-4000-8000-000000000001","obstacle":"7a000000-0000-4000-8000-000000000006","to":"dora","toldOn":"2026-11-10"}"#,
            says: ["line 3: field 'obstacle'", "is still open"]),
        Bad(
            name: "escalation: an event before the decider was told",
            line:
                #"{"kind":"escalation","id":"7b000000-0000-4000-8000-000000000001","obstacle":"7a000000-0000-4000-8000-00000000000d","to":"carl","toldOn":"2026-11-10","events":[{"date":"2026-11-09","action":"accepted"}]}"#,
            says: ["line 3:", "the decider was told on 2026-11-10"]),
        Bad(
            name: "escalation: a decline without its reason",
            line:
                #"{"kind":"escalation","id":"7b000000-0000-4000-8000-000000000001","obstacle":"7a000000-0000-4000-8000-00000000000d","to":"carl","toldOn":"2026-11-10","events":[{"date":"2026-11-11","action":"declined"}]}"#,
            says: ["line 3:", "missing reason"]),
        Bad(
            name: "escalation: a loss without its unit",
            line:
                #"{"kind":"escalation","id":"7b000000-0000-4000-8000-000000000001","obstacle":"7a000000-0000-4000-8000-00000000000d","to":"carl","lossPerWeek":500,"toldOn":"2026-11-10"}"#,
            says: ["line 3:", "lossUnit"]),
        Bad(name: "malformed JSON", line: #"{"kind":"person","handle":"zoe""#, says: ["line 3:", "not valid JSON"]),
        Bad(name: "unknown kind", line: #"{"kind":"team","id":"x"}"#, says: ["line 3: field 'kind'", "'team'"]),
        Bad(
            name: "unknown field", line: #"{"kind":"person","handle":"zoe","name":"Zoe","team":"A"}"#,
            says: ["line 3: field 'team'"]),
        Bad(
            name: "missing required field", line: #"{"kind":"person","handle":"zoe"}"#,
            says: ["line 3: field 'name'", "missing"]),
        Bad(
            name: "impossible date",
            line:
                #"{"kind":"cycle","id":"7b000000-0000-4000-8000-000000000001","date":"2026-11-31","coach":"carl","learner":"ann"}"#,
            says: ["line 3: field 'date'", "'2026-11-31'"]),
        Bad(
            name: "wrong type",
            line:
                #"{"kind":"cycle","id":"7b000000-0000-4000-8000-000000000001","date":"2026-11-10","coach":"carl","learner":"ann","minutes":"twenty"}"#,
            says: ["line 3: field 'minutes'", "\"twenty\""]),
        Bad(
            name: "unknown person",
            line:
                #"{"kind":"cycle","id":"7b000000-0000-4000-8000-000000000001","date":"2026-11-10","coach":"carl","learner":"zed"}"#,
            says: ["line 3: field 'learner': no person 'zed'"]),
        Bad(
            name: "unknown record",
            line:
                #"{"kind":"observation","id":"7b000000-0000-4000-8000-000000000001","date":"2026-11-10","secondCoach":"dora","coach":"carl","cycle":"7b000000-0000-4000-8000-0000000000ff"}"#,
            says: ["line 3: field 'cycle': no coaching cycle '7b000000-0000-4000-8000-0000000000ff'"]),
        Bad(
            name: "two active target conditions",
            line:
                #"{"kind":"target","id":"7b000000-0000-4000-8000-000000000001","learner":"ann","focusProcess":"Final assembly","condition":"Other","achieveBy":"2026-12-30","createdOn":"2026-11-10"}"#,
            says: [
                "line 3: field 'status'",
                "ann already has an active target condition for focus process 'Final assembly'",
            ]),
    ]

    @Test(
        "a bad line fails the import with exit 65, naming the line and the field; the database is unchanged",
        arguments: badLines)
    func refused(bad: Bad) async throws {
        let kata = try await organisation()
        let before = await kata.run("export", "data").output
        let path = try F.file(
            kata,
            [
                #"{"kind":"person","handle":"newcomer","name":"New"}"#,
                #"{"kind":"person","handle":"other","name":"Other"}"#, bad.line,
            ],
            name: "bad.jsonl")
        let result = await kata.run("import", path)
        #expect(result.exitCode == 65)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("kata: bad.jsonl line 3"), "\(result.errors)")
        for fragment in bad.says { #expect(result.errors.contains(fragment), "\(result.errors)") }
        #expect(await kata.run("export", "data").output == before)
    }

    @Test("a file that does not exist is exit 66")
    func missingFile() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("import", kata.folder.appendingPathComponent("nothing.jsonl").path)
        #expect(result.exitCode == 66)
        #expect(result.errors.contains("nothing.jsonl does not exist"))
    }

    @Test("importing the same file again changes nothing")
    func idempotent() async throws {
        let kata = try await organisation()
        let before = await kata.run("export", "data").output
        let again = await kata.run("import", try F.file(kata))
        #expect(again.exitCode == 0)
        #expect(again.output.split(separator: "\n")[0].hasSuffix(" s: 0 records added, 19 unchanged."))
        #expect(await kata.run("export", "data").output == before)
    }

    @Test("a record that exists with other content is a conflict: exit 65, both versions shown, nothing written")
    func conflict() async throws {
        let kata = try await organisation()
        let before = await kata.run("export", "data").output
        let changed = F.lines[16].replacingOccurrences(of: #""minutes":22"#, with: #""minutes":25"#)
        let path = try F.file(
            kata, [#"{"kind":"person","handle":"newcomer","name":"New"}"#, changed], name: "other.jsonl")
        let result = await kata.run("import", path)
        #expect(result.exitCode == 65)
        #expect(
            result.errors.contains(
                "other.jsonl line 2: coaching cycle \(F.cycle) is in the database already with different content"))
        #expect(result.errors.contains("in the database: " + F.lines[16]))
        #expect(result.errors.contains("in the file:     " + changed))
        #expect(await kata.run("export", "data").output == before)
    }

    @Test("--dry-run reports what would be added and writes nothing")
    func dryRun() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("import", "--dry-run", try F.file(kata))
        #expect(result.exitCode == 0)
        #expect(result.output.contains("19 records would be added, 0 are unchanged. Nothing was written."))
        #expect(result.output.contains("would add"))
        // Only the new database's calendar.
        #expect(
            await kata.run("export", "data").output.split(separator: "\n").allSatisfy {
                $0.contains(#""kind":"setting""#)
            })
    }

    @Test("the summary puts one record and one unchanged record in the singular")
    func singular() async throws {
        let kata = try await KataRunner()
        let person = #"{"kind":"person","handle":"zed","name":"Zed"}"#
        let path = kata.folder.appendingPathComponent("one.jsonl")
        try Data((person + "\n").utf8).write(to: path)
        let dry = await kata.run("import", "--dry-run", path.path)
        #expect(
            dry.output.contains(": 1 record would be added, 0 are unchanged. Nothing was written."), "\(dry.output)")
        #expect(await kata.run("import", path.path).output.contains(": 1 record added, 0 unchanged."))
        let again = await kata.run("import", "--dry-run", path.path)
        #expect(again.output.contains(": 0 records would be added, 1 is unchanged."), "\(again.output)")
    }

    @Test("a row repeated in a cycles CSV is reported as repeated, not as unchanged")
    func repeatedRow() async throws {
        let kata = try await organisation()
        let path = kata.folder.appendingPathComponent("cycles.csv")
        try Data("date,coach,learner,minutes\n2026-11-10,carl,eve,12\n2026-11-10,carl,eve,12\n".utf8).write(to: path)
        let result = await kata.run("import", path.path)
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains(": 1 record added, 0 unchanged."), "\(result.output)")
        #expect(
            result.output.contains(
                "1 row repeats an earlier row of the file exactly; each is the same coaching cycle, counted once above."
            ))
    }

    @Test("a progress indicator goes to standard error on a terminal only")
    func progress() async throws {
        let kata = try await KataRunner()
        let quiet = await kata.run("import", "--dry-run", try F.file(kata))
        #expect(quiet.errors.isEmpty)
        let terminal = await kata.run(["import", "--dry-run", try F.file(kata)], terminal: true)
        #expect(terminal.errors.contains("\rImporting "))
        #expect(terminal.errors.contains("19 records"))
        #expect(terminal.errors.hasSuffix("\r\u{1B}[K"))
        #expect(!terminal.output.contains("Importing"))
    }

    @Test("export --out writes a file private to its owner, the same as standard output, and nothing else")
    func exportToFile() async throws {
        let kata = try await organisation()
        let stdout = await kata.run("export", "data").output
        let folder = kata.folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("kata.jsonl").path
        let result = await kata.run("export", "data", "--out", path)
        #expect(result.exitCode == 0)
        #expect(result.output == "Exported 21 records to \(path).\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kata.jsonl"])
        let again = await kata.run("export", "data", "--format", "csv", "--out", path)
        #expect(again.output == "Exported 2 coaching cycles to \(path).\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id,date,coach,learner,"))
    }

    @Test("export --out into a folder that does not exist fails and leaves nothing behind")
    func exportToMissingFolder() async throws {
        let kata = try await organisation()
        let result = await kata.run(
            "export", "data", "--out", kata.folder.appendingPathComponent("no/such/file.jsonl").path)
        #expect(result.exitCode == 1)
        #expect(result.errors.contains("cannot write in"))
    }

    @Test("export data --format csv writes the cycles CSV, which imports back unchanged")
    func csv() async throws {
        let kata = try await organisation()
        let result = await kata.run("export", "data", "--format", "csv")
        #expect(result.exitCode == 0)
        let rows = result.output.components(separatedBy: "\r\n")
        #expect(
            rows[0]
                == "id,date,coach,learner,secondCoach,minutes,target,actualCondition,obstacle,reviewed,planned,step,expected,happened,learned,goSee,asExpected"
        )
        #expect(rows.count == 4 && rows[3].isEmpty)
        #expect(rows.contains { $0.contains("\"No stop \"\"at all\"\"\",One stop,Hang it earlier,2026-11-04,") })
        let path = kata.folder.appendingPathComponent("cycles.csv").path
        try Data(result.output.utf8).write(to: URL(fileURLWithPath: path))
        let back = await kata.run("import", path)
        #expect(back.exitCode == 0)
        #expect(back.output.contains("(cycles CSV)"))
        #expect(back.output.contains("0 records added, 4 unchanged."))
    }

    @Test("a CSV that is not UTF-8 is refused with exit 65")
    func notUTF8() async throws {
        let kata = try await organisation()
        let path = kata.folder.appendingPathComponent("latin1.csv")
        try Data("date,coach,learner,actualCondition\n2026-11-10,carl,ann,caf".utf8 + [0xE9, 0x0A]).write(to: path)
        let result = await kata.run("import", path.path)
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("latin1.csv row 2: is not UTF-8 text"), "\(result.errors)")
    }

    @Test("kata export lists data among its subcommands")
    func help() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("export", "--help")
        #expect(result.output.contains("data"))
        #expect(result.output.contains("Write every record in the interchange format"))
    }
}
