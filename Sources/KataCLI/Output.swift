import Foundation
import ImprovementKata
import KataExport

/// Renders listings as an aligned text table, JSON or CSV.
struct Listing {
    var columns: [String]
    var rows: [[String]]

    /// Aligned columns for the terminal, with a header line.
    func text() -> String {
        let table = ([columns] + rows).map { $0.map(\.terminalSafe) }
        var widths = columns.map(\.displayWidth)
        for row in table {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.displayWidth)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padded(to: widths[index])
            }.joined(separator: "  ").trimmedTrailing
        }
        return table.map(line).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row, formulas defused.
    func csv() -> String {
        CSVTable(header: columns, rows: rows).render()
    }
}

/// Encodes a value as pretty JSON with keys sorted, ending in a newline.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

extension String {
    /// The text with control characters (other than newline and tab) shown as `\u{1B}`, so that
    /// stored text cannot move the cursor or recolour a terminal; JSON and CSV output keep it as is.
    var terminalSafe: String {
        guard unicodeScalars.contains(where: \.isUnsafeInTerminal) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isUnsafeInTerminal {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Columns the text takes in a terminal (characters; wide scripts are rare in handles and names).
    var displayWidth: Int { count }

    func padded(to width: Int) -> String {
        displayWidth >= width ? self : self + String(repeating: " ", count: width - displayWidth)
    }

    var trimmedTrailing: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The text cut to `width` characters, with an ellipsis when cut.
    func truncated(to width: Int) -> String {
        count <= width ? self : String(prefix(max(0, width - 1))) + "…"
    }
}

extension Optional where Wrapped == String {
    /// The text or an empty string.
    var orEmpty: String { self ?? "" }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL, except newline and tab.
    var isUnsafeInTerminal: Bool {
        (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
