import Foundation
import KataStore

/// The cycles CSV: one coaching cycle per row, for moving to and from a spreadsheet.
///
/// The header holds the cycle fields of the interchange format plus the step planned in the
/// cycle (`step`, `expected`, `happened`, `learned`, `goSee`, `asExpected`). A cell that a spreadsheet would
/// run as a formula is written with a leading apostrophe, which the import takes off again.
package enum CycleSheet {
    /// The columns, in the order an export writes them.
    package static let columns =
        CycleRecord.fields + ["step", "expected", "happened", "learned", "goSee", "asExpected"]

    /// The columns a row must have.
    package static let required = ["date", "coach", "learner"]

    /// The cell as written before `SpreadsheetCell.defused`.
    package static func restore(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first else { return cell }
        switch second {
        case "=", "@", "\t", "\r", "+", "-": return String(cell.dropFirst())
        default: return cell
        }
    }
}
