import Foundation
import KataTestSupport
import Testing

@testable import KataStore

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
            #expect(InterchangeImport.path(keys) == path)
        }
    }

    /// Lines of random organisations, changed at random in ways that keep them JSON or break it.
    @Test("decodes the same record as JSONDecoder, or leaves the line to it", arguments: Array(UInt64(1)...8))
    func sameAsJSONDecoder(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let store = try PropertyRoundTripTests.organisation(&random)
        let lines = try PropertyRoundTripTests.export(store).split(separator: UInt8(ascii: "\n")).map { Data($0) }
        let strict = JSONDecoder()
        var taken = 0
        for line in lines {
            let fast = try? InterchangeRecord(from: JSONLineDecoder(value: .object(#require(Self.object(line)))))
            #expect(fast == (try strict.decode(InterchangeRecord.self, from: line)), "seed \(seed): \(line)")
            taken += fast == nil ? 0 : 1
        }
        #expect(taken == lines.count, "seed \(seed): every exported line takes the fast path")

        for _ in 0..<2_000 {
            let line = Self.mutate(lines.randomElement(using: &random)!, &random)
            let expected = Result { try strict.decode(InterchangeRecord.self, from: line) }
            if case .repeated = JSONLine.parse(line) { continue }
            switch (DecodedLines.decode(line, strict), expected) {
            case let (.success(got), .success(want)): #expect(got == want, "seed \(seed): \(Self.text(line))")
            case let (.failure(got), .failure(want)): #expect("\(got)" == "\(want)", "seed \(seed): \(Self.text(line))")
            case let (got, want):
                Issue.record("seed \(seed): \(got) where JSONDecoder gives \(want): \(Self.text(line))")
            }
        }
    }

    private static func object(_ line: Data) -> JSONLineObject? {
        guard case let .parsed(object) = JSONLine.parse(line) else { return nil }
        return object
    }

    private static func text(_ line: Data) -> String { String(decoding: line, as: UTF8.self) }

    /// One change: white space, an escaped letter, a number written otherwise, a field more, a
    /// null, a line cut short, or a byte replaced.
    private static func mutate(_ line: Data, _ random: inout SeededGenerator) -> Data {
        var bytes = [UInt8](line)
        let punctuation = bytes.indices.filter { [UInt8(ascii: ","), UInt8(ascii: ":")].contains(bytes[$0]) }
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            let space = [" ", "\t", "\r\n", "  \n "].randomElement(using: &random)!
            bytes.insert(contentsOf: Array(space.utf8), at: punctuation.randomElement(using: &random)! + 1)
        case 1:
            // A letter is always inside a string of the line (a name or a text value).
            let letters = bytes.indices.filter { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[$0]) }
            if let index = letters.randomElement(using: &random) {
                let escape = String(format: "\\u%04x", Int(bytes[index]))
                bytes.replaceSubrange(index...index, with: Array(escape.utf8))
            }
        case 2:
            let number = ["15.0", "1.5e1", "150E-1", "-0", "015", "1e400", "99999999999999999999", "12.5", "-3"]
                .randomElement(using: &random)!
            let field = [#""minutes":"#, #""value":"#].randomElement(using: &random)!
            let text = String(decoding: bytes, as: UTF8.self)
            if let range = text.range(of: field) {
                let end = text[range.upperBound...].firstIndex(where: { $0 == "," || $0 == "}" }) ?? text.endIndex
                bytes = Array((text[..<range.upperBound] + number + text[end...]).utf8)
            }
        case 3:
            let field = [#","extra":1"#, #","goSee":null"#, #","minutes":null"#, #","active":"yes""#]
                .randomElement(using: &random)!
            bytes.insert(contentsOf: Array(field.utf8), at: bytes.count - 1)
        case 4:
            bytes.removeLast(Int.random(in: 1...min(20, bytes.count), using: &random))
        case 5:
            bytes[Int.random(in: bytes.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
        case 6:
            bytes.insert(contentsOf: Array(#""kind":"person","#.utf8), at: 1)
        default:
            break
        }
        return Data(bytes)
    }
}
