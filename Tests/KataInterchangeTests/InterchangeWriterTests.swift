import Foundation
import ImprovementKata
import KataStore
import Testing

@testable import KataInterchange

@Suite("Interchange writing and its building blocks")
struct InterchangeWriterTests {
    /// One line with a `text` property, as the writer writes it.
    private func line(_ text: String) throws -> String {
        var data = Data()
        let writer = InterchangeWriter { data.append($0) }
        writer.beginLine(kind: "note")
        writer.field("text", text)
        try writer.endLine()
        try writer.flush()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "text reads back exactly as it was written",
        arguments: [
            "plain", "", "quote \" and backslash \\", "tab\tnew line\ncarriage return\r",
            "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
            "emoji 🎉👩🏽‍🔧", "right-to-left \u{200F}שלום\u{200E} mark", "slash / stays",
            "He said \"stop\", \\ then left;\ttab\nnew line\r\u{1}\u{1F} ✓ 🎉 \u{200F}שלום\u{200E}",
        ])
    func textRoundTrip(text: String) throws {
        let json = try line(text)
        #expect(json.hasSuffix("}\n"))
        #expect(!json.dropLast().contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["text"] as? String == text)
        #expect(object?["kind"] as? String == "note")
    }

    @Test("escapes are the short ones JSON defines, and \\u00XX for other control characters")
    func escapes() throws {
        #expect(
            try line("\"\\/\n\r\t\u{8}\u{C}\u{1}\u{1F}é") == #"{"kind":"note","text":"\"\\/\n\r\t\b\f\u0001\u001fé"}"#
                + "\n")
    }

    @Test("numbers: whole ones without a fraction, others in the shortest form that reads back the same")
    func numbers() throws {
        var data = Data()
        let writer = InterchangeWriter { data.append($0) }
        writer.beginLine(kind: "n")
        writer.field("a", number: 52)
        writer.field("b", number: 58.5)
        writer.field("c", number: 0.1)
        writer.field("d", number: -1e-7)
        writer.field("e", integer: 15)
        writer.field("f", bool: false)
        writer.field("g", nil)
        try writer.endLine()
        try writer.flush()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == #"{"kind":"n","a":52,"b":58.5,"c":0.1,"d":-1e-07,"e":15,"f":false}"# + "\n")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((object?["d"] as? NSNumber)?.doubleValue == -1e-7)
    }

    @Test("the writer hands on whole lines in large pieces")
    func flushes() throws {
        var pieces: [Data] = []
        let writer = InterchangeWriter(flushSize: 100) { pieces.append($0) }
        for index in 0..<10 {
            writer.beginLine(kind: "n")
            writer.field("text", String(repeating: "x", count: 40) + String(index))
            try writer.endLine()
        }
        try writer.flush()
        #expect(pieces.count == 5)
        #expect(pieces.allSatisfy { $0.last == UInt8(ascii: "\n") })
    }

    @Test("ids read and write in canonical lower-case form; anything else is refused")
    func ids() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(id.interchangeText == id.uuidString.lowercased())
            #expect(UUID(interchange: id.interchangeText) == id)
            #expect(UUID(interchange: id.uuidString) == id)
        }
        for bad in [
            "", "0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5", "0b8f0c6e8a3b-4f4e-9a55-6f2e1c3d4b5a0",
            "0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5g",
            "{0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5a}", "0b8f0c6e-8a3b-4f4e-9a55-6f2e1c3d4b5é",
        ] {
            #expect(UUID(interchange: bad) == nil, "\(bad)")
        }
    }

    @Test("dates read and write as Day does, and impossible ones are refused")
    func dates() {
        for ordinal in stride(from: -800_000, to: 2_900_000, by: 997) {
            let day = Day(ordinal: ordinal)
            guard (1...9999).contains(day.year) else { continue }
            #expect(day.interchangeText == day.description)
            #expect(Day.interchange(day.description) == day)
        }
        for bad in [
            "2026-02-30", "2026-13-01", "2026-00-10", "2026-2-03", "2026-02-03T00:00", "26-02-03", "２０２６-02-03",
        ] {
            #expect(Day.interchange(bad) == nil, "\(bad)")
        }
        #expect(Day.interchange("2024-02-29") == Day("2024-02-29"))
    }

    @Test("name-based UUIDs match the published test value of RFC 9562")
    func nameBasedUUIDs() {
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        #expect(
            NameBasedUUID.make("www.example.com", in: dns).interchangeText == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }
}
