import Foundation
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataInterchange

/// The importer's fast path (`JSONLine`, `JSONLineDecoder`) against `JSONDecoder`, on the lines of
/// exported random organisations, changed at random.
@Suite("JSONLine: the importer's fast path on exported lines")
struct JSONLineExportTests {
    /// Lines of random organisations, changed at random in ways that keep them JSON or break it.
    @Test("decodes the same record as JSONDecoder, or leaves the line to it", arguments: Array(UInt64(1)...8))
    func sameAsJSONDecoder(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let store = try await PropertyRoundTripTests.organisation(&random)
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
            let parsed = JSONLine.parse(line)
            if case .repeated = parsed { continue }
            if case let .parsed(object) = parsed, JSONLineValue.object(object).unkeptNumber() != nil {
                // A number too large or too close to zero for a Double: JSONDecoder refuses the line
                // as not JSON at all, or takes 1e-400 for 0 minutes. The importer refuses it,
                // naming the field.
                guard case let .failure(DecodingError.dataCorrupted(context)) = DecodedLines.decode(line, strict) else {
                    Issue.record("seed \(seed): not refused: \(Self.text(line))")
                    continue
                }
                #expect(!context.codingPath.isEmpty, "seed \(seed): \(Self.text(line))")
                continue
            }
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
            let number = [
                "15.0", "1.5e1", "150E-1", "-0", "015", "1e400", "99999999999999999999", "12.5", "-3", "1e-400",
                "-2.5E-330", "0e-400", "0.000e-999", "1e-320",
            ].randomElement(using: &random)!
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
