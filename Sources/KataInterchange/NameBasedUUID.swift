import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so that the same
/// spreadsheet row gets the same id on every run and every machine.
package enum NameBasedUUID {
    /// The namespace of ids kata derives from cycles CSV rows.
    package static let sheetNamespace = UUID(
        uuid: (
            0x6b, 0x61, 0x74, 0x61, 0x2d, 0x63, 0x73, 0x76, 0x9a, 0x1e, 0x4c, 0x0d, 0x8e, 0x21, 0x5f, 0x37
        ))

    /// The version 5 UUID of `name` in `namespace`.
    package static func make(_ name: String, in namespace: UUID = sheetNamespace) -> UUID {
        var message = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        message.append(contentsOf: name.utf8)
        // SHA-1 only because RFC 9562 prescribes it for name-based UUIDs; never for security.
        var digest = Array(Insecure.SHA1.hash(data: message))
        digest[6] = (digest[6] & 0x0f) | 0x50
        digest[8] = (digest[8] & 0x3f) | 0x80
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7], digest[8],
                digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }
}
