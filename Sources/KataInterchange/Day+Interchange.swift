import ImprovementKata
import KataStore

extension Day {
    /// Parses a strict `YYYY-MM-DD` date that exists; nil for anything else.
    ///
    /// The same rule as `Day(_:)`, without its array allocation: an import parses millions of
    /// dates.
    package static func interchange(_ text: String) -> Day? {
        var text = text
        let parts: (Int, Int, Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            var values = (0, 0, 0)
            for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch index {
                case 0..<4: values.0 = values.0 * 10 + digit
                case 5..<7: values.1 = values.1 * 10 + digit
                default: values.2 = values.2 * 10 + digit
                }
            }
            return values
        }
        guard let (year, month, day) = parts else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`, as `description` writes it, without its intermediate strings.
    package var interchangeText: String {
        let (year, month, day) = components
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var values = [(year, 4), (month, 2), (day, 2)].makeIterator()
            var position = 0
            while let (value, width) = values.next() {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                position += width
                if position < 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
            }
            return 10
        }
    }
}
