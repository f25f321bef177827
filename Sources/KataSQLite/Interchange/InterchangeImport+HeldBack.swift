import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// Keeps a record in a temporary table until the end of the file.
    func holdBack(_ record: InterchangeRecord, _ origin: Origin) throws {
        if heldBack == 0 {
            try db.execute(sql: "DROP TABLE IF EXISTS temp.interchange_held_back")
            try db.execute(
                sql: """
                    CREATE TEMP TABLE interchange_held_back (
                        rank INTEGER NOT NULL, line INTEGER NOT NULL, json BLOB NOT NULL, derived TEXT NOT NULL)
                    """)
        }
        heldBack += 1
        let json = try origin.raw ?? JSONEncoder().encode(record)
        try db.cachedStatement(
            sql: "INSERT INTO temp.interchange_held_back (rank, line, json, derived) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [record.kind.rank, origin.line, json, origin.derived.sorted().joined(separator: ",")])
    }

    /// Applies the held-back records kind by kind in dependency order, so that everything they
    /// refer to is in place; a reference still missing now is an error naming its line.
    func applyHeldBack() throws {
        guard heldBack > 0 else { return }
        let decoder = JSONDecoder()
        for kind in InterchangeKind.allCases {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT line, json, derived FROM temp.interchange_held_back WHERE rank = ? ORDER BY line",
                arguments: [kind.rank])
            while let row = try rows.next() {
                let json: Data = row[1]
                let derived: String = row[2]
                let fields = Set(derived.split(separator: ",").map(String.init))
                let origin = Origin(line: row[0], raw: fields.isEmpty ? json : nil, derived: fields)
                try apply(try DecodedLines.decode(json, decoder).get(), origin, replaying: true)
            }
        }
        try db.execute(sql: "DROP TABLE temp.interchange_held_back")
        heldBack = 0
    }
}
