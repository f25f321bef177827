import Foundation
import KataStore
import KataTestSupport
import Testing

@testable import KataSQLite

@Suite("stored timestamps")
struct TimestampTests {
    @Test("a timestamp is written as ISO8601DateFormatter writes it, in UTC, for instants given to the millisecond")
    func sameAsFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SeededGenerator(seed: 10)
        let instants =
            [0, 1, -1, 86_399.999, 1_795_251_600, 1_795_251_600.25, -86_400.5, 253_402_300_799.999]
            + (0..<500).map { _ in
                Double(Int.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)) / 1000
            }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(SQLiteStore.isoTimestamp(date) == formatter.string(from: date), "\(seconds)")
        }
    }
}
