import Foundation

/// How figures are written in CSV cells: rounded, without float noise.
///
/// A spreadsheet shows `0.4813`, not `0.48125000000000007`; JSON keeps the full values.
public enum CSVNumber {
    /// A share (cadence, prediction rate) rounded to four decimal places: `0.4813`, `1`.
    public static func share(_ value: Double) -> String {
        rounded(value, places: 4)
    }

    /// Minutes rounded to one decimal place: `17.5`, `20`.
    public static func minutes(_ value: Double) -> String {
        rounded(value, places: 1)
    }

    /// `value` rounded half away from zero to `places` decimals, without trailing zeros.
    static func rounded(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let text = String(format: "%.\(places)f", value)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }
}
