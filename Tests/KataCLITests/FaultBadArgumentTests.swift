import Foundation
import KataTestSupport
import Testing

/// Hostile values in every argument of every command: each is either stored and returned exactly
/// as given, or refused with exit 64 or 65 and a message, writing nothing. A crash would end the
/// test run.
@Suite("hostile arguments to every command")
struct FaultBadArgumentTests {
    /// A value that is hard to store, escape or show.
    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var value: String
        /// Whether refusing it would be a bug: plain text any field must take.
        var mustStore: Bool
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(
            name: "SQL, JSON, CSV, formula and format syntax",
            value: #"'; DROP TABLE cycle; -- Robert"); DELETE FROM person WHERE ('1'='1 {"kind":"person"}, "a,b"; "#
                + #"""q"" \ =HYPERLINK("http://x") %s %n {0} $(id) \u0000 \ud800"#,
            mustStore: true),
        Hostile(
            name: "control characters", value: "bell\u{7}esc\u{1B}[2J del\u{7F} tab\tcr\rlf\nend", mustStore: false),
        Hostile(
            name: "right-to-left marks, emoji and combining marks",
            value: "\u{202E}txt.exe\u{202C} \u{200F}שלום\u{200E} مرحبا 👩🏽‍🔧 🎉 🇯🇵 Zoe\u{308} Z\u{338}\u{322}a",
            mustStore: true),
        Hostile(
            name: "100 kB of ASCII and emoji", value: String(repeating: "kanban 52s ü🎯 ", count: 5_600) + "end",
            mustStore: true),
        Hostile(
            name: "invisible and special code points",
            value: "\u{FEFF}zero\u{200B}width\u{2060} a\u{2028}b\u{2029}c\u{85}d x\u{FFFE}\u{FFFF}\u{10FFFF}",
            mustStore: false),
    ]

    /// A command that stores free text, `{}` standing for the value; `view` prints it back as JSON.
    struct TextField: Sendable {
        var name: String
        var arguments: [String]
        var view: [String]?
    }

    /// Every free-text argument, run in this order on a copy of `TeamTemplate` ({target} is bo's
    /// target condition, {cycle} the cycle that planned the open step).
    static let fields: [TextField] = [
        TextField(
            name: "person --name", arguments: ["person", "add", "p1", "--name", "{}"], view: ["person", "show", "p1"]),
        TextField(
            name: "person --unit", arguments: ["person", "add", "p2", "--name", "P", "--unit", "{}"],
            view: ["person", "show", "p2"]),
        TextField(
            name: "person --email", arguments: ["person", "add", "p3", "--name", "P", "--email", "{}"],
            view: ["person", "show", "p3"]),
        TextField(
            name: "person edit --name", arguments: ["person", "edit", "carl", "--name", "{}"],
            view: ["person", "show", "carl"]),
        TextField(name: "challenge title", arguments: ["challenge", "add", "{}"], view: ["challenge", "list"]),
        TextField(
            name: "challenge --description", arguments: ["challenge", "add", "Flow", "--description", "{}"],
            view: ["challenge", "list"]),
        TextField(
            name: "target --focus-process",
            arguments: [
                "target", "add", "--learner", "carl", "--focus-process", "{}", "--condition", "C",
                "--achieve-by", "2026-12-31",
            ], view: ["target", "list", "--learner", "carl"]),
        TextField(
            name: "target --condition",
            arguments: [
                "target", "add", "--learner", "carl", "--focus-process", "F2", "--condition", "{}",
                "--achieve-by", "2026-12-31",
            ], view: ["target", "list", "--learner", "carl"]),
        TextField(
            name: "target --outcome target",
            arguments: [
                "target", "add", "--learner", "carl", "--focus-process", "F3", "--condition", "C",
                "--achieve-by", "2026-12-31", "--outcome", "m: {}",
            ], view: ["target", "list", "--learner", "carl"]),
        TextField(
            name: "target amend --text", arguments: ["target", "amend", "{target}", "--text", "{}"],
            view: ["target", "show", "{target}"]),
        TextField(
            name: "condition --text", arguments: ["condition", "add", "--target", "{target}", "--text", "{}"], view: nil
        ),
        TextField(
            name: "condition --metric unit",
            arguments: ["condition", "add", "--target", "{target}", "--text", "T", "--metric", "m=1 {}"], view: nil),
        TextField(
            name: "obstacle text", arguments: ["obstacle", "add", "--target", "{target}", "{}"],
            view: ["obstacle", "list"]),
        TextField(
            name: "cycle --actual", arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--actual", "{}"],
            view: ["cycle", "list"]),
        TextField(
            name: "cycle --happened",
            arguments: [
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "{}", "--learned", "L",
                "--next-step", "S", "--expect", "E",
            ], view: nil),
        TextField(
            name: "cycle --learned",
            arguments: [
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "H", "--learned", "{}",
                "--next-step", "S", "--expect", "E",
            ], view: nil),
        TextField(
            name: "cycle --next-step and --expect",
            arguments: [
                "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "H", "--next-step", "{}",
                "--expect", "{}",
            ], view: nil),
        TextField(
            name: "cycle --new-obstacle",
            arguments: ["cycle", "log", "--coach", "ann", "--learner", "bo", "--new-obstacle", "{}"],
            view: ["obstacle", "list"]),
        TextField(
            name: "cycle edit --actual", arguments: ["cycle", "edit", "{cycle}", "--actual", "{}"],
            view: ["cycle", "show", "{cycle}"]),
        TextField(
            name: "observe --notes --focus --trigger",
            arguments: [
                "observe", "--coach", "ann", "--second-coach", "lena", "--notes", "{}", "--focus", "{}", "--trigger",
                "{}",
            ], view: nil),
        TextField(
            name: "target close --reflection",
            arguments: ["target", "close", "{target}", "--achieved", "--reflection", "{}"],
            view: ["target", "show", "{target}"]),
    ]

    @Test("free text is stored and returned exactly, or refused with a message and no write", arguments: hostile)
    func freeText(_ hostile: Hostile) async throws {
        let (kata, target, cycle) = try await TeamTemplate.runner()
        for field in Self.fields {
            func fill(_ argument: String) -> String {
                argument == "{}"
                    ? hostile.value
                    : argument.replacingOccurrences(of: "{}", with: hostile.value)
                        .replacingOccurrences(of: "{target}", with: target)
                        .replacingOccurrences(of: "{cycle}", with: cycle)
            }
            let before = try kata.digest()
            let result = await kata.run(field.arguments.map(fill))
            if result.exitCode == 0 {
                // Read back through the command's own JSON view, else through the interchange export.
                let view = field.view.map { $0.map(fill) + ["--format", "json"] } ?? ["export", "data"]
                let shown = await kata.run(view)
                #expect(shown.exitCode == 0, "\(field.name): \(shown.errors)")
                let texts =
                    field.view == nil
                    ? try JSONValue.lines(shown.output).flatMap(\.texts) : try JSONValue.parse(shown.output).texts
                #expect(texts.contains(Array(hostile.value.utf8)), "\(field.name): not returned as given")
            } else {
                #expect(!hostile.mustStore, "\(field.name) refused plain text: \(result.errors)")
                #expect([64, 65].contains(result.exitCode), "\(field.name): exit \(result.exitCode)")
                #expect(result.errors.hasPrefix("kata: ") || result.errors.hasPrefix("Error: "), "\(field.name)")
                #expect(try kata.digest() == before, "\(field.name) wrote part of what it refused")
            }
        }
        #expect(await kata.run("check").exitCode == 0)
    }

    /// What goes in a slot: each kind has values of its own besides the common ones.
    enum Kind: Sendable {
        case handle, id, date, number, period, choice
    }

    /// A command with `{}` where a handle, id, date, number, period or choice goes.
    struct Slot: Sendable, CustomTestStringConvertible {
        var kind: Kind
        var arguments: [String]
        var testDescription: String { arguments.joined(separator: " ") }

        init(_ kind: Kind, _ arguments: String...) {
            self.kind = kind
            self.arguments = arguments
        }

        /// Whether the command writes to the database.
        var writes: Bool {
            let verbs = ["add", "edit", "end", "amend", "close", "work", "log", "delete", "observe", "init"]
            return arguments.contains { verbs.contains($0) }
        }
    }

    static let slots: [Slot] = [
        Slot(.handle, "person", "add", "{}", "--name", "N"),
        Slot(.handle, "person", "add", "p9", "--name", "N", "--reports-to", "{}"),
        Slot(.handle, "person", "show", "{}"),
        Slot(.handle, "pair", "add", "--coach", "{}", "--learner", "carl"),
        Slot(.date, "pair", "add", "--coach", "lena", "--learner", "carl", "--since", "{}"),
        Slot(.date, "pair", "end", "--coach", "ann", "--learner", "bo", "--on", "{}"),
        Slot(.handle, "pair", "list", "--coach", "{}"),
        Slot(.handle, "challenge", "add", "T", "--owner", "{}"),
        Slot(.date, "challenge", "add", "T", "--by", "{}"),
        Slot(.id, "challenge", "add", "T", "--parent", "{}"),
        Slot(
            .handle, "target", "add", "--learner", "{}", "--focus-process", "F", "--condition", "C", "--achieve-by",
            "+4w"),
        Slot(
            .date, "target", "add", "--learner", "carl", "--focus-process", "F", "--condition", "C", "--achieve-by",
            "{}"),
        Slot(
            .id, "target", "add", "--learner", "carl", "--focus-process", "F", "--condition", "C", "--achieve-by",
            "+4w",
            "--challenge", "{}"),
        Slot(.id, "target", "show", "{}"),
        Slot(.choice, "target", "list", "--status", "{}"),
        Slot(.id, "target", "amend", "{}", "--text", "T"),
        Slot(.id, "condition", "add", "--target", "{}", "--text", "T"),
        Slot(.date, "condition", "add", "--target", "{target}", "--text", "T", "--date", "{}"),
        Slot(.number, "condition", "add", "--target", "{target}", "--text", "T", "--metric", "m={}"),
        Slot(.id, "obstacle", "add", "--target", "{}", "T"),
        Slot(.id, "obstacle", "work", "{}"),
        Slot(.handle, "cycle", "log", "--coach", "{}", "--learner", "bo"),
        Slot(.handle, "cycle", "log", "--coach", "ann", "--learner", "{}"),
        Slot(.date, "cycle", "log", "--coach", "ann", "--learner", "bo", "--date", "{}"),
        Slot(.number, "cycle", "log", "--coach", "ann", "--learner", "bo", "--minutes", "{}"),
        Slot(.id, "cycle", "log", "--coach", "ann", "--learner", "bo", "--obstacle", "{}"),
        Slot(
            .date, "cycle", "log", "--coach", "ann", "--learner", "bo", "--happened", "H", "--next-step", "S",
            "--go-see", "{}"),
        Slot(.date, "cycle", "list", "--from", "{}"),
        Slot(.number, "cycle", "list", "--limit", "{}"),
        Slot(.id, "cycle", "show", "{}"),
        Slot(.id, "cycle", "edit", "{}", "--minutes", "5"),
        Slot(.date, "cycle", "edit", "{cycle}", "--date", "{}"),
        Slot(.id, "cycle", "delete", "{}"),
        Slot(.handle, "storyboard", "{}"),
        Slot(
            .id, "observe", "--coach", "ann", "--second-coach", "lena", "--cycle", "{}", "--notes", "N", "--focus", "F",
            "--trigger", "T"),
        Slot(
            .date, "observe", "--coach", "ann", "--second-coach", "lena", "--date", "{}", "--notes", "N", "--focus",
            "F",
            "--trigger", "T"),
        Slot(.handle, "due", "--coach", "{}"),
        Slot(.date, "due", "--date", "{}"),
        Slot(.handle, "practice", "--coach", "{}"),
        Slot(.choice, "practice", "--unit", "{}"),
        Slot(.period, "practice", "--period", "{}"),
        Slot(.date, "practice", "--from", "{}"),
        Slot(.date, "practice", "--to", "{}"),
        Slot(.number, "practice", "--below", "{}"),
        Slot(.choice, "practice", "--by", "{}"),
        Slot(.handle, "export", "review", "--coach", "{}", "--format", "json"),
        Slot(.date, "export", "review", "--all", "--to", "{}", "--format", "json"),
        Slot(.period, "export", "review", "--coach", "ann", "--period", "{}", "--format", "json"),
        Slot(.choice, "export", "review", "--coach", "ann", "--format", "{}"),
        Slot(.choice, "export", "data", "--format", "{}"),
        Slot(.choice, "init", "--time-zone", "{}"),
        Slot(.choice, "init", "--workweek", "{}"),
        Slot(.date, "init", "--holiday", "{}"),
        Slot(.number, "demo", "--db", "{folder}/demo.sqlite", "--coaches", "{}"),
        Slot(.number, "demo", "--db", "{folder}/demo.sqlite", "--days", "{}"),
        Slot(.number, "demo", "--db", "{folder}/demo.sqlite", "--seed", "{}"),
    ]

    /// Values no slot takes: refused by every command that writes.
    static let garbage: [String] = [
        "", "'; DROP TABLE cycle; --", "a\u{1B}[2J\n\u{202E}b\u{200F} 😀", String(repeating: "a", count: 100_000),
    ]

    /// Values of each kind, bad or at the edge; a command takes those that are valid for it.
    static func values(_ kind: Kind) -> [String] {
        switch kind {
        case .handle: return ["ANN", "../../etc/passwd", "nobody"]
        case .id: return ["7a000000-0000-4000-8000-00000000000X", "7A000000-0000-4000-8000-000000000009", "7a"]
        case .date:
            return [
                "0000-01-01", "10000-01-01", "2026-02-29", "２０２６-01-01", "+999999999999w", "0001-01-01", "9999-12-31",
            ]
        case .number: return ["-1", "1441", "nan", "99999999999999999999", "５"]
        case .period: return ["0000", "10000", "2026-W54", "2026-Q5", "2026-13"]
        case .choice: return ["JSON", "xml", "nobody", "mon-sun-mon"]
        }
    }

    @Test(
        "a bad handle, id, date, number, period or choice is refused with a message, never half-written",
        arguments: slots)
    func identifierSlots(_ slot: Slot) async throws {
        let (kata, target, cycle) = try await TeamTemplate.runner()
        var before = try kata.digest()
        for value in Self.garbage + Self.values(slot.kind) {
            let arguments = slot.arguments.map {
                $0.replacingOccurrences(of: "{}", with: value).replacingOccurrences(of: "{target}", with: target)
                    .replacingOccurrences(of: "{cycle}", with: cycle)
                    .replacingOccurrences(of: "{folder}", with: kata.folder.path)
            }
            let label = "\(slot.testDescription) with '\(value.prefix(40))'"
            let result = await kata.run(arguments)
            if result.exitCode == 0 {
                #expect(
                    !(slot.writes && Self.garbage.contains(value)),
                    "\(label) was accepted: \(result.output.prefix(200))")
                before = try kata.digest()
            } else {
                #expect([64, 65].contains(result.exitCode), "\(label): exit \(result.exitCode)")
                #expect(!result.errors.isEmpty, "\(label): no message")
                #expect(!result.errors.contains("SQLite error"), "\(label): \(result.errors)")
                #expect(!result.errors.contains("constraint failed"), "\(label): \(result.errors)")
                #expect(try kata.digest() == before, "\(label) wrote part of what it refused")
            }
        }
        #expect(await kata.run("check").exitCode == 0)
    }
}
