import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes review packets as JSON in the `kata-review/1` format that
/// `Schema/JSON/review-v1.schema.json` describes: one packet as one object, or every coach's
/// packets as one object with a `packets` list.
public enum ReviewJSONRenderer {
    /// One packet, pretty printed, ending in a newline.
    public static func render(_ packet: ReviewPacket) throws -> String {
        try encode(packet)
    }

    /// Every packet of a `--all` export as one document.
    ///
    /// The same text as encoding the collection whole, made packet by packet: `JSONEncoder` holds
    /// a tree of the whole value while it writes, five times the size of the text (400 MB for the
    /// packets of 2,000 coaches over a year), where one packet at a time takes a few hundred kB.
    public static func render(_ collection: ReviewCollection) throws -> String {
        var shell = collection
        shell.packets = []
        let frame = Array(try encode(shell).utf8)
        let opening = Array(#""packets" : ["#.utf8)
        guard !collection.packets.isEmpty,
            let start = frame.indices.first(where: { frame[$0...].starts(with: opening) }),
            let end = frame[(start + opening.count)...].firstIndex(of: UInt8(ascii: "]"))
        else { return try encode(collection) }
        var text = Array(frame[..<(start + opening.count)])
        for (index, packet) in collection.packets.enumerated() {
            text.append(contentsOf: Array((index == 0 ? "\n    " : ",\n    ").utf8))
            // Nested two levels deep: every line of the packet moves in by four spaces, but for the
            // empty line the encoder writes inside an empty list. JSON text holds no line breaks of
            // its own (they are escaped), so every line break is the encoder's.
            let json = [UInt8](try data(packet))
            if index == 0 { text.reserveCapacity(frame.count + collection.packets.count * json.count * 11 / 10) }
            var runStart = 0
            while let newline = json[runStart...].firstIndex(of: UInt8(ascii: "\n")) {
                text.append(contentsOf: json[runStart...newline])
                // A packet ends with "}", so a line break always has a byte after it.
                if json[newline + 1] != UInt8(ascii: "\n") { text.append(contentsOf: Self.indent) }
                runStart = newline + 1
            }
            text.append(contentsOf: json[runStart...])
        }
        text.append(contentsOf: Array("\n  ".utf8))
        text.append(contentsOf: frame[end...])
        return String(decoding: text, as: UTF8.self)
    }

    private static let indent: [UInt8] = Array("    ".utf8)

    private static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try data(value), as: UTF8.self) + "\n"
    }

    private static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Only a figure that is not a number (NaN) gets here.
            throw KataError.failure("the review packet could not be written as JSON: \(error).")
        }
    }
}
