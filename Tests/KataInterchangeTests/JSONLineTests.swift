import Foundation
import KataStore
import KataTestSupport
import Testing

@testable import KataInterchange

/// The importer's own JSON parser (`JSONLine`) and decoder (`JSONLineDecoder`): exactly the JSON
/// grammar, and never a record other than the one `JSONDecoder` gives for the same line.
@Suite("JSONLine: the importer's fast path")
struct JSONLineTests {
    private static func parse(_ text: String) -> JSONLine.Outcome { JSONLine.parse(Data(text.utf8)) }

    private static func object(_ text: String) -> JSONLineObject? { object(Data(text.utf8)) }

    private static func string(_ json: String) -> String? {
        guard case let .string(value)? = object(#"{"s":\#(json)}"#)?["s"] else { return nil }
        return value
    }

    @Test("keeps the properties in the order written, with their values")
    func properties() throws {
        let object = try #require(Self.object(#" { "kind" : "cycle","minutes":15 , "a":[1,{"b":null}],"t":true }  "#))
        #expect(object.names == ["kind", "minutes", "a", "t"])
        guard case .string("cycle")? = object["kind"], case .number("15")? = object["minutes"],
            case let .array(list)? = object["a"], list.count == 2, case .bool(true)? = object["t"]
        else {
            Issue.record("unexpected values: \(object.values)")
            return
        }
        #expect(object["missing"] == nil)
    }

    @Test("reads every escape of JSON, surrogate pairs included")
    func escapes() {
        #expect(Self.string(#""a\"b\\c\/d\b\f\n\r\t""#) == "a\"b\\c/d\u{8}\u{C}\n\r\t")
        #expect(Self.string(#""\u00e9\u00C9 \u2028 \ud83c\udfaf \u0000""#) == "éÉ \u{2028} 🎯 \u{0}")
        #expect(Self.string(#""plain ünïcödé 🎯""#) == "plain ünïcödé 🎯")
        #expect(Self.string(#""""#) == "")
    }

    @Test(
        "leaves to JSONDecoder what is not JSON in UTF-8",
        arguments: [
            #"{"s":"\ud800"}"#, #"{"s":"\ud800\u0041"}"#, #"{"s":"\udc00"}"#, #"{"s":"\x"}"#, #"{"s":"\u12"}"#,
            "{\"s\":\"tab\there\"}", #"{"s":"open"#, #"{"s":1,}"#, #"{"s":1} x"#, #"{"s":01}"#, #"{"s":1.}"#,
            #"{"s":.5}"#, #"{"s":1e}"#, #"{"s":+1}"#, #"{"s":tru}"#, #"{"s":NaN}"#, #"{s:1}"#, #"[1]"#, #""s""#, "",
            #"{"s":1"#, #"{"s" 1}"#, #"{"s":[1 2]}"#, #"{'s':1}"#,
            #"{"deep":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
        ])
    func unparsed(_ line: String) {
        guard case .unparsed = Self.parse(line) else {
            Issue.record("parsed: \(line)")
            return
        }
    }

    @Test("leaves text that is not UTF-8 to JSONDecoder")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let line = Data(#"{"s":""#.utf8) + Data(bytes) + Data(#""}"#.utf8)
            guard case .unparsed = JSONLine.parse(line) else {
                Issue.record("parsed \(bytes)")
                continue
            }
        }
    }

    @Test("a line that is not JSON is left to JSONDecoder even when a property repeats before the error")
    func repeatedThenMalformed() {
        for line in [#"{"a": 1, "a": 2, x"#, #"{"a":1,"a":2"#, #"{"o":{"p":1,"p":2},"#, #"{"a":1,"a":2} x"#] {
            guard case .unparsed = Self.parse(line) else {
                Issue.record("not left to JSONDecoder: \(line)")
                continue
            }
        }
    }

    @Test("compares property names by their UTF-8 bytes, as JSON does, not as equal Swift strings")
    func namesByBytes() throws {
        // A precomposed and a decomposed é; K and the Kelvin sign; Å and the Ångström sign.
        for (first, second) in [("\u{E9}", "e\u{301}"), ("K", "\u{212A}"), ("\u{C5}", "\u{212B}")] {
            #expect(first == second, "equal as Swift strings")
            let object = try #require(Self.object("{\"\(first)\":1,\"\(second)\":2}"))
            #expect(object.names.count == 2)
            guard case .number("1")? = object[first], case .number("2")? = object[second] else {
                Issue.record("values mixed up: \(object.values)")
                continue
            }
        }
        guard case .repeated = Self.parse("{\"e\u{301}\":1,\"e\u{301}\":2}") else {
            Issue.record("the same bytes twice are a repeat")
            return
        }
    }

    @Test("a number that a Double would turn into 0 or infinity is never decoded as one")
    func unkeptNumbers() throws {
        for text in ["1e-400", "-1e-400", "4.9e-330", "1e400", "-1.5E+309"] {
            #expect(throws: JSONLineDecoder.Miss.self) { try JSONLineValue.number(text).double() }
            let line = Data(
                #"{"kind":"condition","id":"5a000000-0000-4000-8000-000000000001","target":"5a000000-0000-4000-8000-000000000002","date":"2026-11-10","text":"t","metrics":[{"name":"x","value":\#(text)}]}"#
                    .utf8)
            guard case let .failure(DecodingError.dataCorrupted(context)) = DecodedLines.decode(line, JSONDecoder())
            else {
                Issue.record("\(text) decoded")
                continue
            }
            #expect(FieldPath.text(context.codingPath) == "metrics[0].value")
            #expect(context.debugDescription.hasPrefix(text))
        }
        for text in ["0", "0e-400", "-0.0", "1e-320", "2.2250738585072014e-308"] {
            #expect(try JSONLineValue.number(text).double() == Double(text))
        }
    }

    /// The package's folder.
    private static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The fuzz target's seed corpus (every line of Examples/*.jsonl) and its past findings
    /// (Fuzz/findings/), as `Fuzz/run` feeds them to the fuzzer.
    static func fuzzInputs() throws -> [(name: String, input: Data)] {
        let files = FileManager.default
        var inputs: [(String, Data)] = []
        for name in try files.contentsOfDirectory(atPath: package.appendingPathComponent("Examples").path).sorted()
        where name.hasSuffix(".jsonl") {
            let lines = try Data(contentsOf: package.appendingPathComponent("Examples/\(name)"))
                .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            inputs += lines.enumerated().map { ("Examples/\(name) line \($0.offset + 1)", Data($0.element)) }
        }
        let findings = package.appendingPathComponent("Fuzz/findings")
        for name in try files.contentsOfDirectory(atPath: findings.path).sorted() {
            inputs.append(("Fuzz/findings/\(name)", try Data(contentsOf: findings.appendingPathComponent(name))))
        }
        return inputs
    }

    @Test("the fuzz target's seed corpus and every past finding keep the parser's promises")
    func fuzzCorpus() throws {
        let inputs = try Self.fuzzInputs()
        #expect(inputs.count(where: { $0.name.hasPrefix("Fuzz/findings/") }) >= 5)
        #expect(inputs.count(where: { $0.name.hasPrefix("Examples/") }) >= 20)
        for (name, input) in inputs {
            #expect(JSONLine.brokenPromise(input) == nil, "\(name)")
        }
    }

    @Test("names a property given twice, nested ones with their path")
    func repeated() {
        let cases = [
            (#"{"name":"A","name":"B"}"#, "name"),
            (#"{"a":1,"m":[{"x":1},{"v":1,"v":2}]}"#, "m[1].v"),
            (#"{"o":{"p":{"q":1,"q":1}}}"#, "o.p.q"),
        ]
        for (line, path) in cases {
            guard case let .repeated(keys) = Self.parse(line) else {
                Issue.record("not refused: \(line)")
                continue
            }
            #expect(FieldPath.text(keys) == path)
        }
    }

    private static func object(_ line: Data) -> JSONLineObject? {
        guard case let .parsed(object) = JSONLine.parse(line) else { return nil }
        return object
    }

}
