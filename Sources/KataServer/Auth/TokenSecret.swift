import Crypto
import Foundation

/// The secret of an API token: `kata_` and 64 lower-case hex digits (256 random bits).
///
/// The secret is shown once, to the one who signed in; the server keeps only `sha256Hex(secret)`.
enum TokenSecret {
    static let prefix = "kata_"

    /// A new secret from the system's cryptographic random source.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + hex(bytes)
    }

    /// Whether `text` has the form of a secret (so that anything else is refused before a look-up).
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == prefix.utf8.count + 64 && text.hasPrefix(prefix)
            && text.utf8.dropFirst(prefix.utf8.count).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The SHA-256 of the secret's UTF-8 bytes, in lower-case hex: what the server stores.
    static func sha256Hex(_ secret: String) -> String {
        hex(SHA256.hash(data: Data(secret.utf8)))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
