import Foundation

/// JSON as the wire contract spells it: interchange field names, instants in ISO 8601 UTC with `Z`.
public enum WireJSON {
    /// An encoder for request bodies (keys sorted, so that a body queued twice is the same bytes).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(instantText(date))
        }
        return encoder
    }

    /// A decoder for answers; instants may carry fractions of a second.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = instant(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO 8601 instant")
            }
            return date
        }
        return decoder
    }

    /// `2026-11-20T09:00:00Z`.
    public static func instantText(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    /// The instant of `2026-11-20T09:00:00Z` or `2026-11-20T09:00:00.123Z`, nil for other text.
    public static func instant(_ text: String) -> Date? {
        let whole = Date.ISO8601FormatStyle()
        return (try? whole.parse(text)) ?? (try? whole.time(includingFractionalSeconds: true).parse(text))
    }
}
