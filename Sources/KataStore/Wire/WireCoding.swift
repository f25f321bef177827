import Foundation
import ImprovementKata

/// The one pair of coders of the API's bodies and answers (DESIGN §10.1): interchange field names,
/// dates `YYYY-MM-DD`, instants ISO 8601 UTC with `Z`, keys sorted, slashes as they are.
///
/// The server and the client both use them, so a record has one shape on the wire by construction.
///
/// ```swift
/// let data = try Wire.encoder.encode(entry)
/// let back = try Wire.decoder.decode(CycleEntry.self, from: data)
/// ```
public enum Wire {
    /// The encoder of every JSON body and answer.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as the API writes it: by `encoder`, with every id (a string that is a whole UUID) in
    /// lower case, as the wire contract has them (Foundation writes UUIDs in upper case).
    public static func encode(_ value: some Encodable) throws -> Data {
        lowercasingIDs(try encoder.encode(value))
    }

    /// `value` as one line of the API's JSON, for a message that shows a record ("?" if it cannot be
    /// encoded, which no seam type does).
    public static func text(of value: some Encodable) -> String {
        (try? encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }

    /// `json` with each string that is exactly a UUID in lower case; text that merely contains
    /// one is left as it is.
    static func lowercasingIDs(_ json: Data) -> Data {
        var bytes = [UInt8](json)
        let length = 36
        var index = 0
        var inString = false
        var start = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if index - start == length, isUUID(bytes[start..<index]) {
                        for position in start..<index where (65...70).contains(bytes[position]) {
                            bytes[position] += 32
                        }
                    }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                start = index + 1
            }
            index += 1
        }
        return Data(bytes)
    }

    private static func isUUID(_ text: ArraySlice<UInt8>) -> Bool {
        for (offset, byte) in text.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// The decoder of every JSON body and answer.
    public static let decoder: JSONDecoder = decoder(defaults: nil)

    /// A decoder whose bodies take `defaults` for the fields they may leave out (a cycle's coach
    /// and date, the handle of the person a `PATCH` names in its path).
    public static func decoder(defaults: Defaults?) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let defaults { decoder.userInfo[Defaults.key] = defaults }
        return decoder
    }

    /// What a body may leave out, filled in by the server from the request.
    public struct Defaults: Sendable, Equatable {
        /// The caller: a cycle's coach when the body names none.
        public var coach: Handle?
        /// The server's today: a cycle's date when the body gives none.
        public var date: Day?
        /// The handle the path names (`PATCH /api/v1/people/{handle}`).
        public var handle: Handle?

        public init(coach: Handle? = nil, date: Day? = nil, handle: Handle? = nil) {
            self.coach = coach
            self.date = date
            self.handle = handle
        }

        static let key: CodingUserInfoKey = {
            guard let key = CodingUserInfoKey(rawValue: "kata.wire.defaults") else { preconditionFailure() }
            return key
        }()

        /// The defaults a decoder was made with, if any.
        static func of(_ decoder: any Decoder) -> Defaults? { decoder.userInfo[key] as? Defaults }
    }
}
