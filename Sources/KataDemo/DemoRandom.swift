import KataStore

/// The demo's source of chance: xoshiro256** seeded through SplitMix64.
///
/// Every choice the demo makes, ids included, comes from one of these, so a seed always gives the
/// same organisation. The demo does not use Swift's `random(in:using:)` or `shuffled(using:)`:
/// how they draw from a generator is not promised across Swift versions, and the same seed must
/// keep giving the same database.
struct DemoRandom {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `stream` of `seed`: independent streams let a coach's history stay the
    /// same whatever is drawn for the other coaches.
    init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = mixer.next()
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// A number in `0..<count` (Lemire's multiply-shift; the tiny bias does not matter here).
    mutating func below(_ count: Int) -> Int {
        precondition(count > 0, "nothing to choose from")
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A number in `range`.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// The indices `0..<count` in a random order (Fisher–Yates).
    mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        var index = count - 1
        while index > 0 {
            indices.swapAt(index, below(index + 1))
            index -= 1
        }
        return indices
    }

    /// A random (version 4) UUID as lower-case text, the form the database stores.
    mutating func uuidText() -> String {
        let high = (next() & ~0xF000) | 0x4000
        let low = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        for (word, nibbles) in [(high, 0..<16), (low, 16..<32)] {
            for nibble in nibbles {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                let shift = UInt64(60 - 4 * (nibble % 16))
                bytes[position] = digits[Int((word >> shift) & 0xF)]
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SplitMix64, which spreads a seed over xoshiro's 256 bits of state.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
