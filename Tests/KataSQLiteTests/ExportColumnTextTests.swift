import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import Testing

/// The export reads column text straight from SQLite's buffer (`InterchangeWriter.field(_:utf8:)`).
@Suite("Export: column text as SQLite holds it")
struct ExportColumnTextTests {
    /// SQLite keeps whatever bytes a TEXT column was given; the export reads them straight from
    /// SQLite's buffer and writes them as a Swift string of the column would hold them.
    @Test(
        "column text that is not UTF-8, or holds a NUL, is written as a Swift string would hold it",
        arguments: [
            ("61FF62", "a\u{FFFD}b"), ("610062", "a"), ("C3A9", "é"), ("E282", "\u{FFFD}"), ("", ""),
        ])
    func rawColumnText(hex: String, expected: String) throws {
        let store = try InterchangeFixture.organisation()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE cycle SET actualCondition = CAST(x'\(hex)' AS TEXT)")
        }
        let lines = InterchangeFixture.lines(of: "cycle", in: try InterchangeFixture.export(store))
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["actualCondition"] as? String == expected, "\(line)")
        }
    }
}
