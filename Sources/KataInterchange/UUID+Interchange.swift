import Foundation
import KataStore

extension UUID {
    /// Parses the canonical form `8-4-4-4-12` hexadecimal digits, either case; nil for anything
    /// else.
    ///
    /// Written out because `UUID(uuidString:)` is several times slower on Linux, and an import
    /// parses millions of ids.
    package init?(interchange text: String) {
        var text = text
        let halves: (UInt64, UInt64)? = text.withUTF8 { bytes in
            guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
                bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
            else { return nil }
            var high: UInt64 = 0
            var low: UInt64 = 0
            var digits = 0
            for index in 0..<36 where index != 8 && index != 13 && index != 18 && index != 23 {
                let nibble = UUID.hexValues[Int(bytes[index])]
                guard nibble < 16 else { return nil }
                if digits < 16 {
                    high = high << 4 | UInt64(nibble)
                } else {
                    low = low << 4 | UInt64(nibble)
                }
                digits += 1
            }
            return (high, low)
        }
        guard let (high, low) = halves else { return nil }
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * index)) }
        self.init(
            uuid: (
                byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
                byte(high, 6), byte(high, 7), byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3), byte(low, 4),
                byte(low, 5), byte(low, 6), byte(low, 7)
            ))
    }

    /// The value of each byte as a hexadecimal digit, 255 for bytes that are not one.
    private static let hexValues: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: return UInt8(byte - 0x30)
        case 0x41...0x46: return UInt8(byte - 0x41 + 10)
        case 0x61...0x66: return UInt8(byte - 0x61 + 10)
        default: return 255
        }
    }

    /// The id as the interchange format and the database write it: lower-case canonical text.
    package var interchangeText: String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            write(into: UnsafeMutableRawBufferPointer(buffer))
            return 36
        }
    }

    /// Writes the 36 bytes of the interchange text at the start of `buffer`.
    package func write(into buffer: UnsafeMutableRawBufferPointer) {
        var position = 0
        withUnsafeBytes(of: uuid) { raw in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { hex in
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    buffer[position] = hex[Int(byte >> 4)]
                    buffer[position + 1] = hex[Int(byte & 0x0f)]
                    position += 2
                }
            }
        }
    }
}
