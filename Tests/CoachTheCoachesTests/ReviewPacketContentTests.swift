import CoachTheCoaches
import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// What the printed packets hold, checked in every format through `kata export review`.
@Suite("Review packet content")
struct ReviewPacketContentTests {
    let kata: KataRunner
    let formats = ["json", "csv", "md", "html"]
    /// Free text of cycles, target conditions and observations that a default packet must not show.
    let freeText = [
        "Changeover", "NOTE-TEXT", "Asked Q2 well", "It went as planned", "Setup matters", "Try A",
        "Fewer stops",
    ]

    init() async throws {
        kata = try await KataRunner(today: "2026-11-20")
        let store = try kata.store()
        try PracticeFixture.populate(store)
        try store.addObservation(
            Observation(
                date: day("2026-11-05"), secondCoach: handle("dora"), coach: handle("ann"), notes: "NOTE-TEXT",
                focus: "FOCUS-POINT", trigger: "TRIGGER-TEXT"))
    }

    func packet(_ format: String, _ flags: String...) async -> String {
        let result = await kata.run(
            ["export", "review", "--coach", "ann", "--from", "2026-11-02", "--to", "2026-11-15", "--format", format]
                + flags)
        #expect(result.exitCode == 0, "\(result.errors)")
        return result.output
    }

    /// The statement as each format writes text.
    func written(_ statement: String, _ format: String) -> String {
        switch format {
        case "json": return statement.replacingOccurrences(of: "/", with: "\\/")
        case "html": return statement.replacingOccurrences(of: "'", with: "&#39;")
        case "md":
            return statement.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "#", with: "\\#")
        default: return statement
        }
    }

    @Test("a default packet holds what its privacy statement says it holds, and none of what needs a flag")
    func defaultPacket() async throws {
        let statement = ReviewPrivacy().statement
        #expect(statement.contains("focus point and trigger"))
        #expect(statement.contains("Left out unless asked for: the names and handles of learners"))
        #expect(
            statement.contains(
                "focus processes, target condition texts, reflections and observation notes (--include-notes)"))
        #expect(statement.contains("The free text of coaching cycles"))
        for format in formats {
            let text = await packet(format)
            #expect(text.contains(written(statement, format)) || text.contains(statement), "\(format) states it")
            // What it says is included is there: the 2nd coach's feedback.
            #expect(text.contains("FOCUS-POINT") && text.contains("TRIGGER-TEXT") || format == "csv", "\(format)")
            // What it says needs a flag is not.
            for secret in freeText + ["Lee Example", "Kim Example"] {
                #expect(!text.contains(secret), "a default \(format) packet shows \(secret)")
            }
        }
    }

    @Test("with --include-notes and --include-learners the statement says so and the texts are there")
    func optedIn() async throws {
        let statement = ReviewPrivacy(learnerNames: true, notes: true).statement
        #expect(
            statement.contains(
                "focus processes, target condition texts, reflections and observation notes (--include-notes)"))
        #expect(!statement.contains("Left out"))
        for format in ["json", "md", "html"] {
            let text = await packet(format, "--include-notes", "--include-learners")
            #expect(text.contains(written(statement, format)) || text.contains(statement), "\(format) states it")
            for shown in ["Changeover", "NOTE-TEXT", "Lee Example"] {
                #expect(text.contains(shown), "\(format) with the flags shows \(shown)")
            }
            // Never: the free text of the cycles themselves.
            for never in ["It went as planned", "Setup matters", "Try A"] {
                #expect(!text.contains(never), "\(format) shows cycle text \(never)")
            }
        }
    }

    @Test("a packet for a period that reaches past today says in every format that the period is not over")
    func periodNotOver() async throws {
        let note = "counted to 2026-11-20, the period is not over"
        for format in formats {
            let result = await kata.run("export", "review", "--coach", "ann", "--period", "2026-11", "--format", format)
            #expect(result.exitCode == 0)
            switch format {
            case "json":
                #expect(result.output.contains("\"until\" : \"2026-11-20\""))
            case "csv":
                #expect(result.output.contains(",2026-11-01,2026-11-30,2026-11-20,"))
            default:
                #expect(result.output.contains("2026-11-01 to 2026-11-30, " + note), "\(format)")
            }
        }
        let past = await kata.run("export", "review", "--coach", "ann", "--period", "2026-10", "--format", "md").output
        #expect(!past.contains("not over"))
    }

    @Test("the printed HTML packet repeats a header naming the coach on every page")
    func runningHeader() async throws {
        let html = await packet("html")
        #expect(
            html.contains(
                "<table class=\"sheet\"><thead><tr><td><div class=\"running\">Coaching practice review: Ann Example "
                    + "(ann), 2026-11-02 to 2026-11-15</div></td></tr></thead><tbody><tr><td>"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("@media print {\n    .running { display: block;"))
        #expect(html.components(separatedBy: "<table class=\"sheet\">").count == 2)
    }
}

@Suite("Practice text at 80 columns")
struct PracticeWidthTests {
    @Test("the practice view of the demo organisation fits 80 columns and shows every handle whole")
    func demo() async throws {
        let kata = try await KataRunner(today: "2026-12-02")
        let path = kata.folder.appendingPathComponent("demo.sqlite").path
        #expect(await kata.run("demo", "--coaches", "40", "--days", "200", "--db", path).exitCode == 0)
        let handles = try SQLiteStore.open(path: path, create: false).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT coach FROM pairing ORDER BY coach")
        }
        #expect(handles.contains("hassan.zimmermann"))
        for arguments in [
            ["--period", "2026"], ["--period", "2026-Q3"], ["--period", "2026", "--by", "unit"],
            ["--period", "2026", "--by", "second-coach"], [], ["--from", "2025-01-01", "--to", "2026-11-30"],
            ["--coach", "hassan.zimmermann", "--calendar", "--period", "2026"],
        ] {
            let result = await kata.run(["practice", "--db", path] + arguments)
            #expect(result.exitCode == 0)
            let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
            let wide = lines.filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(arguments): \(wide)")
            let cut = lines.filter { $0.contains("…") && !$0.contains("▁ none … █") }
            #expect(cut.isEmpty, "\(arguments) cuts \(cut)")
            if arguments.contains("--calendar") { continue }
            let starts = Set(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" })
            for handle in handles {
                #expect(starts.contains(handle), "\(arguments): \(handle) is not shown whole")
            }
        }
    }

    @Test("a handle too long for its column stands on a line of its own, never cut")
    func longHandle() async throws {
        let kata = try await KataRunner(today: "2026-11-20")
        let store = try kata.store()
        try PracticeFixture.populate(store)
        let long = "alexandra.von-hohenzollern"
        try store.addPerson(Person(handle: handle(long), name: "Max von H", unit: "Assembly"))
        try PracticeFixture.pair(store, long, "sue", since: "2026-10-01")
        try PracticeFixture.cycle(store, "2026-11-03", long, "sue")
        let result = await kata.run("practice", "--from", "2026-11-02", "--to", "2026-11-15")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        // Alone over its figures, which would not fit beside it; whole before its sparkline.
        #expect(lines.filter { $0 == long }.count == 1)
        #expect(lines.contains { $0.hasPrefix(long + "  ▂") })
        #expect(lines.contains("            1      1/9      11%     1    0    7    12     —    0"))
        #expect(lines.contains("ann         6      3/9      33%     2    1    5     3   50%    1"))
    }
}
