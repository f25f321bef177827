import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

/// Writes the coaching cycles of a database as a cycles CSV, ordered by id, with the step each
/// cycle planned.
///
/// RFC 4180 with CRLF line ends, as spreadsheets expect: a cell is quoted when it holds a quote,
/// a comma or a line break, and its quotes are doubled. Written here rather than through the CSV
/// library's writer, which hands the stream one byte at a time and takes minutes for a million
/// rows; the same library reads the file back. Rows go out in pieces of about a megabyte, so
/// memory stays flat.
struct CycleSheetExporter {
    let db: Database
    let sink: (Data) throws -> Void

    /// Writes the header and one row per cycle; returns the number of cycles.
    func writeAll() throws -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        append(row: CycleSheet.columns, to: &buffer)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.date, c.coach, c.learner, c.secondCoach, c.minutes, c.target, c.actualCondition,
                    c.obstacle, c.reviewed, c.planned, e.step, e.expected, e.happened, e.learned, e.goSee, e.asExpected
                FROM cycle c LEFT JOIN experiment e ON e.id = c.planned ORDER BY c.id
                """)
        var count = 0
        let minutes = CycleSheet.columns.firstIndex(of: "minutes")
        while let row = try rows.next() {
            append(
                row: (0..<CycleSheet.columns.count).map { index in
                    index == minutes
                        ? (row[index] as Int?).map(String.init) ?? ""
                        : SpreadsheetCell.defused(row[index] as String? ?? "")
                }, to: &buffer)
            count += 1
            if buffer.count >= 1 << 20 {
                try sink(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(Data(buffer)) }
        return count
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n"): return true
        default: return false
        }
    }

    private func append(row: [String], to buffer: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            let quoted = cell.utf8.contains(where: Self.needsQuotes)
            guard quoted else {
                buffer.append(contentsOf: cell.utf8)
                continue
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in cell.utf8 {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }
}
