import Foundation
import KataStore

/// A JSON property name of an interchange line.
///
/// A struct rather than an enum of known names, so that decoding sees every property of a line
/// and can refuse the ones it does not know instead of silently dropping them.
struct FieldKey: CodingKey, Hashable, Sendable {
    let stringValue: String

    init(stringValue: String) { self.stringValue = stringValue }
    init(_ name: String) { stringValue = name }
    init?(intValue: Int) { nil }
    var intValue: Int? { nil }
}
