import Foundation
import KataTestSupport
import Testing

/// Bad and hostile files given to `kata import`: each is either stored and exported exactly as
/// given, or refused with exit 65 and a message naming the line, writing nothing at all.
@Suite("hostile files to kata import")
struct FaultBadImportTests {
    /// What must come of a file.
    enum Outcome: Sendable {
        /// Imported; the record of `kind` named `key` exports with every field of the line as given.
        case stored(kind: String, key: String)
        /// Imported as a cycles CSV; the cycle exports with `actualCondition` exactly this text.
        case storedCell(String)
        /// Refused with exit 65 and a message holding this text.
        case refused(String)
        /// Not quite valid but unambiguous: either refused, or stored as `.stored` says.
        case storedOrRefused(kind: String, key: String)
        /// Imported, adding nothing.
        case nothing
    }

    struct Input: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var outcome: Outcome
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ outcome: Outcome) {
            self.init(name, Array(text.utf8), outcome)
        }

        init(_ name: String, _ bytes: [UInt8], _ outcome: Outcome) {
            self.name = name
            self.bytes = bytes
            self.outcome = outcome
        }

        /// The JSONL line of a stored record (the first line that is not blank).
        var line: String? {
            String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"])) }.first { !$0.isEmpty }
        }
    }

    static let cycleID = "7a000000-0000-4000-8000-0000000000c1"

    /// A cycle line of the team's coach and learner with `fields` added.
    static func cycle(_ fields: String) -> String {
        #"{"kind":"cycle","id":"\#(cycleID)","date":"2026-11-18","coach":"ann","learner":"bo"\#(fields)}"#
    }

    static func person(name: String, _ more: String = "") -> String {
        #"{"kind":"person","handle":"zed","name":"\#(name)"\#(more)}"#
    }

    static let hundredKB = String(repeating: "kanban 52s", count: 10_000)

    static let jsonl: [Input] = [
        // Stored exactly as given.
        Input(
            "SQL-looking text",
            person(name: "'; DROP TABLE cycle; --", #","unit":"Robert'); DELETE FROM person WHERE ('1'='1""#),
            .stored(kind: "person", key: "zed")),
        Input(
            "control characters as escapes", person(name: #"bell\u0007 esc\u001b[2J del\u007f\ttab\r\nend"#),
            .stored(kind: "person", key: "zed")),
        Input(
            "right-to-left marks and emoji", person(name: "\u{202E}txt.exe\u{202C} 👩🏽‍🔧 שלום \u{200F}عربي Zoe\u{308}"),
            .stored(kind: "person", key: "zed")),
        Input(
            "line separators and noncharacters as they are",
            person(name: "a\u{2028}b\u{2029}c\u{85}d\u{FFFF}\u{10FFFF}"),
            .stored(kind: "person", key: "zed")),
        Input("a field of 100 kB", person(name: hundredKB), .stored(kind: "person", key: "zed")),
        Input(
            "a field of 100 kB of emoji", person(name: String(repeating: "ü🎯", count: 16_667)),
            .stored(kind: "person", key: "zed")),
        Input(
            "a cycle with hostile text", cycle(#","actualCondition":"=HYPERLINK(\"x\") %s \\u0000 \"q\"""#),
            .stored(kind: "cycle", key: cycleID)),
        Input(
            "a cycle with 100 kB of text", cycle(#","actualCondition":"\#(hundredKB) ü""#),
            .stored(kind: "cycle", key: cycleID)),
        Input("a cycle with empty text", cycle(#","actualCondition":"""#), .stored(kind: "cycle", key: cycleID)),
        Input(
            "a cycle on 9999-12-31", cycle("").replacingOccurrences(of: "2026-11-18", with: "9999-12-31"),
            .refused("line 1: field 'date': the date 9999-12-31 is after today")),
        Input(
            "a UTF-8 byte order mark, CRLF line ends and blank lines",
            [0xEF, 0xBB, 0xBF] + Array(("\r\n" + person(name: "Zed") + "\r\n\r\n").utf8),
            .stored(kind: "person", key: "zed")),
        Input("an empty file", "", .nothing),
        Input("blank lines only", "\n\n   \n", .nothing),

        // Malformed JSON.
        Input(
            "a truncated line", #"{"kind":"person","handle":"zed","name":"x""#, .refused("line 1: is not valid JSON")),
        Input(
            "a trailing comma", #"{"kind":"person","handle":"zed","name":"x",}"#,
            .storedOrRefused(kind: "person", key: "zed")),
        Input("single quotes", "{'kind':'person','handle':'zed','name':'x'}", .refused("line 1")),
        Input("two objects on a line", person(name: "x") + person(name: "y"), .refused("line 1")),
        Input("NaN", cycle(#","minutes":NaN"#), .refused("line 1")),
        Input("a number too large", cycle(#","minutes":1e400"#), .refused("line 1")),
        Input(
            "nested 100,000 deep", person(name: "x", #","unit":"# + String(repeating: "[", count: 100_000)),
            .refused("line 1")),
        Input(
            "an object nested 10,000 deep",
            person(
                name: "x",
                #","unit":"# + String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
            ), .refused("line 1")),
        Input("a raw NUL byte in a string", Array(person(name: "a\u{0}b").utf8), .refused("line 1")),
        Input("an escaped NUL", person(name: #"a\u0000b"#), .refused("NUL")),
        Input("an escaped lone surrogate", person(name: #"a\ud800b"#), .refused("line 1")),
        Input("an unknown field", person(name: "x", #","salary":1"#), .refused("'salary'")),
        Input("a number for text", #"{"kind":"person","handle":"zed","name":1}"#, .refused("field 'name'")),
        Input("null for a required field", #"{"kind":"person","handle":"zed","name":null}"#, .refused("field 'name'")),
        Input("no kind", #"{"handle":"zed","name":"x"}"#, .refused("field 'kind'")),
        Input("an unknown kind", #"{"kind":"manager","handle":"zed","name":"x"}"#, .refused("'manager'")),

        // Values out of range.
        Input(
            "the year 0000", cycle("").replacingOccurrences(of: "2026-11-18", with: "0000-01-01"),
            .refused("field 'date'")),
        Input(
            "the year 10000", cycle("").replacingOccurrences(of: "2026-11-18", with: "10000-01-01"),
            .refused("field 'date'")),
        Input(
            "29 February 2026", cycle("").replacingOccurrences(of: "2026-11-18", with: "2026-02-29"),
            .refused("field 'date'")),
        Input(
            "a timestamp for a date", cycle("").replacingOccurrences(of: "2026-11-18", with: "2026-11-18T09:00:00Z"),
            .refused("field 'date'")),
        Input("minus one minute", cycle(#","minutes":-1"#), .refused("minutes")),
        Input("a day and a minute", cycle(#","minutes":1441"#), .refused("minutes")),
        Input("minutes as text", cycle(#","minutes":"5""#), .refused("minutes")),
        Input("a handle in capitals", #"{"kind":"person","handle":"ZED","name":"x"}"#, .refused("field 'handle'")),
        Input(
            "a handle with a right-to-left mark", "{\"kind\":\"person\",\"handle\":\"zed\u{200F}\",\"name\":\"x\"}",
            .refused("field 'handle'")),
        Input(
            "a coach nobody knows", cycle("").replacingOccurrences(of: #""ann""#, with: #""'; DROP TABLE person; --""#),
            .refused("field 'coach'")),

        // Encodings.
        Input(
            "Latin-1 bytes", Array(#"{"kind":"person","handle":"zed","name":"Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8),
            .refused("line 1")),
        Input(
            "invalid UTF-8",
            Array(#"{"kind":"person","handle":"zed","name":"a"#.utf8) + [0xFF, 0xFE] + Array(#"b"}"#.utf8),
            .refused("line 1")),
        Input(
            "an overlong UTF-8 sequence",
            Array(#"{"kind":"person","handle":"zed","name":"a"#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),
            .refused("line 1")),
        Input(
            "a surrogate encoded in UTF-8",
            Array(#"{"kind":"person","handle":"zed","name":"a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
            .refused("line 1")),
        Input("UTF-16 with a byte order mark", [0xFF, 0xFE] + utf16LE(person(name: "Zed") + "\n"), .refused("UTF-16")),
        Input(
            "UTF-16 big-endian with a byte order mark", [0xFE, 0xFF] + utf16BE(person(name: "Zed") + "\n"),
            .refused("UTF-16")
        ),
        Input("UTF-16 without a byte order mark", utf16LE(person(name: "Zed") + "\n"), .refused("UTF-16")),

        // One bad line among good ones.
        Input(
            "3,000 good lines, then a bad one",
            (0..<3_000).map { #"{"kind":"person","handle":"p\#($0)","name":"P \#($0)"}"# }.joined(separator: "\n")
                + "\n" + #"{"kind":"person","handle":"p3000","name":"x","age":40}"#, .refused("line 3001")),
        Input(
            "good lines, then a reference to nothing",
            person(name: "Zed") + "\n" + cycle("").replacingOccurrences(of: #""bo""#, with: #""zed""#) + "\n"
                + cycle("").replacingOccurrences(of: "c1", with: "c2").replacingOccurrences(
                    of: #""bo""#, with: #""nobody""#),
            .refused("line 3")),
    ]

    static let csv: [Input] = [
        Input(
            "SQL in a cell", "date,coach,learner,actualCondition\n2026-11-18,ann,bo,'; DROP TABLE cycle; --\n",
            .storedCell("'; DROP TABLE cycle; --")),
        Input(
            "quotes, commas and line breaks in a cell",
            "date,coach,learner,actualCondition\r\n2026-11-18,ann,bo,\"a,b\r\n\"\"c\"\" \u{202E}x 🎉\"\r\n",
            .storedCell("a,b\r\n\"c\" \u{202E}x 🎉")),
        Input(
            "a cell of 100 kB", "date,coach,learner,actualCondition\n2026-11-18,ann,bo,\(hundredKB)\n",
            .storedCell(hundredKB)),
        Input(
            "a formula", "date,coach,learner,actualCondition\n2026-11-18,ann,bo,\"=HYPERLINK(\"\"x\"\")\"\n",
            .storedCell("=HYPERLINK(\"x\")")),
        Input("a header alone", "date,coach,learner\n", .nothing),
        Input(
            "Latin-1 bytes", Array("date,coach,learner,actualCondition\n2026-11-18,ann,bo,Caf".utf8) + [0xE9, 0x0A],
            .refused("row 2: is not UTF-8")),
        Input(
            "a NUL byte in a cell",
            Array("date,coach,learner,actualCondition\n2026-11-18,ann,bo,a".utf8) + [0, 0x62, 0x0A], .refused("NUL")),
        Input(
            "UTF-16", [0xFF, 0xFE] + utf16LE("date,coach,learner\n2026-11-18,ann,bo\n"),
            .refused("is UTF-16 text; kata reads UTF-8")),
        Input(
            "text after a closing quote", "date,coach,learner,actualCondition\n2026-11-18,ann,bo,\"a\"b\"\n",
            .refused("row 2")),
        Input(
            "a quote never closed", "date,coach,learner,actualCondition\n2026-11-18,ann,bo,\"cut off here\n",
            .refused("row 2")),
        Input("a cell beyond the header", "date,coach,learner\n2026-11-18,ann,bo,extra\n", .refused("row 2")),
        Input("a column twice", "date,coach,learner,date\n2026-11-18,ann,bo,2026-11-19\n", .refused("appears twice")),
        Input("an unknown column", "date,coach,learner,salary\n2026-11-18,ann,bo,1\n", .refused("'salary'")),
        Input("no learner column", "date,coach\n2026-11-18,ann\n", .refused("learner")),
        Input("29 February 2026", "date,coach,learner\n2026-02-29,ann,bo\n", .refused("row 2")),
        Input("the year 10000", "date,coach,learner\n10000-01-01,ann,bo\n", .refused("row 2")),
        Input("minus one minute", "date,coach,learner,minutes\n2026-11-18,ann,bo,-1\n", .refused("row 2")),
        Input(
            "a good row, then a bad one", "date,coach,learner\n2026-11-18,ann,bo\n2026-11-19,ann,nobody\n",
            .refused("row 3")),
    ]

    static func utf16LE(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func utf16BE(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    @Test("interchange JSONL: stored exactly as given, or refused with its line and nothing written", arguments: jsonl)
    func interchange(_ input: Input) async throws {
        try await check(input, file: "records.jsonl")
    }

    @Test("a cycles CSV: stored exactly as given, or refused with its row and nothing written", arguments: csv)
    func sheet(_ input: Input) async throws {
        try await check(input, file: "cycles.csv")
    }

    @Test("random bytes are refused, never a crash or a write", arguments: 0..<8)
    func randomBytes(_ seed: Int) async throws {
        var random = SeededGenerator(seed: UInt64(seed))
        var bytes = (0..<Int.random(in: 1...65_536, using: &random)).map { _ in
            UInt8.random(in: 0...255, using: &random)
        }
        if seed % 2 == 1 { bytes[0] = UInt8(ascii: "{") }
        try await check(Input("random", bytes, .refused("")), file: "random.bin")
    }

    @Test("an id in capitals is the same id (RFC 4122), kept in canonical lower case")
    func idInCapitals() async throws {
        let kata = try await TeamTemplate.runner().kata
        let path = kata.folder.appendingPathComponent("capitals.jsonl").path
        let upper = Self.cycle("").replacingOccurrences(of: Self.cycleID, with: Self.cycleID.uppercased())
        try Data(upper.utf8).write(to: URL(fileURLWithPath: path))
        #expect(await kata.run("import", path).exitCode == 0)
        #expect(await kata.run("export", "data").output.contains(#""id":"\#(Self.cycleID)""#))
        #expect(await kata.run("import", path).output.contains("0 records added, 1 unchanged"))
    }

    @Test(
        "a field given twice in one object is refused with its path, and nothing is written",
        arguments: [
            (#"{"kind":"person","handle":"zed","name":"Zed","name":"Zoe"}"#, "field 'name': is given twice"),
            (
                #"{"kind":"condition","id":"\#(cycleID)","target":"\#(cycleID)","date":"2026-11-18","text":"x","#
                    + #""metrics":[{"name":"a","value":1,"value":2}]}"#,
                "field 'metrics[0].value': is given twice"
            ),
        ])
    func fieldTwice(line: String, message: String) async throws {
        let kata = try await TeamTemplate.runner().kata
        let path = kata.folder.appendingPathComponent("twice.jsonl").path
        try Data(line.utf8).write(to: URL(fileURLWithPath: path))
        let before = try kata.digest()
        let result = await kata.run("import", path)
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("twice.jsonl line 1: \(message)"))
        #expect(try kata.digest() == before)
    }

    private func check(_ input: Input, file: String) async throws {
        let kata = try await TeamTemplate.runner().kata
        let path = kata.folder.appendingPathComponent(file)
        try Data(input.bytes).write(to: path)
        let before = try kata.digest()
        let result = await kata.run("import", path.path)
        var outcome = input.outcome
        if case .storedOrRefused(let kind, let key) = outcome {
            outcome = result.exitCode == 0 ? .stored(kind: kind, key: key) : .refused("line 1")
        }
        switch outcome {
        case .storedOrRefused: break
        case .refused(let message):
            #expect(result.exitCode == 65, "\(result.output)")
            #expect(result.errors.hasPrefix("kata: \(file)"), "\(result.errors.prefix(300))")
            #expect(message.isEmpty || result.errors.contains(message), "\(result.errors.prefix(300))")
            #expect(!result.errors.contains("SQLite error"))
            #expect(try kata.digest() == before)
        case .nothing:
            #expect(result.exitCode == 0, "\(result.errors)")
            #expect(try kata.digest() == before)
        case .stored(let kind, let key):
            #expect(result.exitCode == 0, "\(result.errors.prefix(300))")
            let given = try JSONValue.parse(try #require(input.line))
            let exported = try JSONValue.lines(await kata.run("export", "data").output).first {
                $0["kind"]?.text == kind && ($0["handle"] ?? $0["id"])?.text == key
            }
            let record = try #require(exported, "no \(kind) \(key) in the export")
            guard case .object(let fields) = given else { throw FixtureError(message: "not an object") }
            for (field, value) in fields {
                #expect(record[field]?.texts == value.texts, "\(field) is not as given")
                #expect(record[field] == value, "\(field) is not as given")
            }
            #expect(await kata.run("check").exitCode == 0)
        case .storedCell(let text):
            #expect(result.exitCode == 0, "\(result.errors.prefix(300))")
            let cycles = try JSONValue.lines(await kata.run("export", "data").output).filter {
                $0["kind"]?.text == "cycle" && $0["date"]?.text == "2026-11-18"
            }
            #expect(cycles.count == 1)
            #expect(cycles.first?["actualCondition"]?.texts == [Array(text.utf8)])
            #expect(await kata.run("check").exitCode == 0)
        }
    }
}
