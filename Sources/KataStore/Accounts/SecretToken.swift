import Crypto

/// A secret kata hands out once and keeps only as a hash: an API token, a session id, a
/// set-password link (DESIGN §10.2).
///
/// 256 random bits from the system's generator, written `kata_` and 64 lower-case hex digits.
/// Its `description` hides it, so that printing or logging one by mistake shows nothing secret;
/// `text` is for the one place that hands it out.
///
/// ```swift
/// let token = SecretToken.random()
/// store.addToken(apiToken, sha256: token.sha256)   // the store sees the hash only
/// print(token.text)                                // shown once, to its owner
/// ```
public struct SecretToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What every token starts with, so that a leaked one is easy to recognise and search for.
    public static let prefix = "kata_"

    /// The token as handed out: `kata_` and 64 lower-case hex digits.
    public let text: String

    /// A new token of 256 random bits.
    public static func random() -> SecretToken {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4).map { _ in generator.next() as UInt64 }
        return SecretToken(checked: prefix + words.map(hex).joined())
    }

    /// The token in `text` as someone presented it, or nil when it does not have the form of one.
    public init?(presented text: String) {
        let digits = text.utf8.dropFirst(SecretToken.prefix.utf8.count)
        guard text.hasPrefix(SecretToken.prefix), digits.count == 64,
            digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.text = text
    }

    private init(checked text: String) { self.text = text }

    /// The SHA-256 of the token as 64 lower-case hex digits: what the server keeps and looks up.
    public var sha256: String { SecretToken.sha256(of: text) }

    /// The SHA-256 of `text` (its UTF-8 bytes) as 64 lower-case hex digits.
    public static func sha256(of text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Never the token itself.
    public var description: String { SecretToken.prefix + "…(hidden)" }
    public var debugDescription: String { description }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
