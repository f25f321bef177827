/// Text bound for a cell of a spreadsheet, as the CSV exports write it.
public enum SpreadsheetCell {
    /// The cell with a leading apostrophe when a spreadsheet would read it as a formula
    /// (`=`, `@`, `+`, `-`, a tab or a carriage return first); a plain number such as -3 or +2.5
    /// stays a number.
    ///
    /// ```swift
    /// SpreadsheetCell.defused("=HYPERLINK(\"x\")")  // "'=HYPERLINK(\"x\")"
    /// SpreadsheetCell.defused("-3")                 // "-3"
    /// ```
    public static func defused(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + cell
        case "+", "-":
            return Double(cell) != nil ? cell : "'" + cell
        default:
            return cell
        }
    }
}
