import Foundation
import ImprovementKata

/// The cadence below which `kata practice --below` flags a coach, written the way people write a
/// share: `60`, `60%` or `0.6` all mean 60 % of workdays.
enum PracticeThreshold {
    /// The fraction of workdays `text` names: a number with `%`, or above 1, is a percentage; a
    /// number from 0 to 1 without `%` is a fraction.
    ///
    /// - Throws: `KataError.invalidValue` naming `--below` and the text as typed.
    static func parse(_ text: String) throws -> Double {
        let invalid = KataError.invalidValue(
            field: "--below", value: text, expected: "a share of workdays from 0 to 100 %, such as 60, 60% or 0.6")
        var number = text.trimmingCharacters(in: .whitespaces)
        let isPercent = number.hasSuffix("%")
        if isPercent { number = String(number.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(number), value.isFinite
        else { throw invalid }
        let fraction = isPercent || value > 1 ? value / 100 : value
        guard (0...1).contains(fraction) else { throw invalid }
        return fraction
    }
}
