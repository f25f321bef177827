import Foundation

/// The field a decoding error names, as a reader writes it: `outcomeMetrics[0].name`.
package enum FieldPath {
    /// The coding path as text: names joined by dots, list positions in brackets.
    package static func text(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
