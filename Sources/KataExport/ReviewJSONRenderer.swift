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
    public static func render(_ collection: ReviewCollection) throws -> String {
        try encode(collection)
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Only a figure that is not a number (NaN) gets here.
            throw KataError.failure("the review packet could not be written as JSON: \(error).")
        }
    }
}
