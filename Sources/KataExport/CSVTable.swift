import CSV
import Foundation
import ImprovementKata

/// A CSV document with a header row, written per RFC 4180 for spreadsheets.
///
/// Cells a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) are defused with a leading apostrophe, which spreadsheets hide and which keeps
/// the text as written. Numbers are left alone so that figures stay numbers.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text, CRLF line ends, every row as wide as the header.
    public func render() -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header.map(SpreadsheetCell.defused))
            for row in rows {
                var cells = row.map(SpreadsheetCell.defused)
                if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
                try writer.write(row: cells)
            }
            writer.stream.close()
        } catch {
            return ""
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
