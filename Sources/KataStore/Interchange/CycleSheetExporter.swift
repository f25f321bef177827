import CSV
import Foundation
import GRDB
import ImprovementKata

/// Writes the coaching cycles of a database as a cycles CSV, ordered by id, with the step each
/// cycle planned.
///
/// Rows go through the CSV library's writer in batches, so memory stays flat.
struct CycleSheetExporter {
    let db: Database
    let sink: (Data) throws -> Void

    /// Writes the header and one row per cycle; returns the number of cycles.
    func writeAll() throws -> Int {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.date, c.coach, c.learner, c.secondCoach, c.minutes, c.target, c.actualCondition,
                    c.obstacle, c.reviewed, c.planned, e.step, e.expected, e.happened, e.learned, e.goSee
                FROM cycle c LEFT JOIN experiment e ON e.id = c.planned ORDER BY c.id
                """)
        var batch: [[String]] = [CycleSheet.columns]
        var count = 0
        while let row = try rows.next() {
            batch.append(
                (0..<CycleSheet.columns.count).map { index in
                    switch (row[index] as DatabaseValue).storage {
                    case .null: return ""
                    case let .int64(value): return String(value)
                    case let .string(text): return CycleSheet.defuse(text)
                    case let .double(value): return String(value)
                    case let .blob(data): return CycleSheet.defuse(String(decoding: data, as: UTF8.self))
                    }
                })
            count += 1
            if batch.count >= 1000 {
                try flush(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try flush(batch)
        return count
    }

    private func flush(_ batch: [[String]]) throws {
        guard !batch.isEmpty else { return }
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in batch { try writer.write(row: row) }
            writer.stream.close()
        } catch {
            throw KataError.failure("could not write the cycles CSV.")
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw KataError.failure("could not write the cycles CSV.")
        }
        try sink(data + Data("\r\n".utf8))
    }
}
