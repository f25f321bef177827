import Foundation
import GRDB
import GRDBSQLite
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// Imports interchange JSONL: one record per line, blank lines skipped.
    ///
    /// Lines are decoded on a second thread while this one writes.
    func importLines(_ reader: LineReader, progress: (Int, Int64) -> Void) throws {
        let lines = DecodedLines(reader)
        lines.start()
        defer { lines.stop() }
        var records = 0
        var reported = 0
        var batch: DecodedLines.Batch?
        while true {
            batch = try lines.next(finished: batch.take())
            guard let batch else { break }
            // SQLite locks the connection for each call; held once for the batch, those locks are
            // a recursive mutex taken again by its owner, without an atomic operation.
            let mutex = sqlite3_db_mutex(db.sqliteConnection)
            sqlite3_mutex_enter(mutex)
            defer { sqlite3_mutex_leave(mutex) }
            for item in batch.items {
                let origin = Origin(line: item.line, raw: item.raw)
                switch item.record {
                case let .success(record): try apply(record, origin)
                case let .failure(error): throw describe(error, origin)
                }
            }
            records += batch.items.count
            if records - reported >= 16_384 {
                reported = records
                progress(records, batch.bytesRead)
            }
        }
        try finish()
        progress(records, reader.bytesRead)
    }

    /// Words for a decoding error: the field, what is wrong with it and what was expected.
    func describe(_ error: any Error, _ origin: Origin) -> KataError {
        guard let error = error as? DecodingError else {
            if let error = error as? KataError { return problem(origin, field: nil, error.description) }
            return problem(origin, field: nil, "cannot be read: \(error.localizedDescription)")
        }
        switch error {
        case let .keyNotFound(key, context):
            let path = Self.path(context.codingPath + [key])
            if path == "kind" {
                let kinds = InterchangeKind.allCases.map(\.rawValue).joined(separator: ", ")
                return problem(origin, field: "kind", "is missing; every line names its kind: one of \(kinds).")
            }
            return problem(origin, field: path, "is missing; it is required.")
        case let .valueNotFound(type, context):
            return problem(
                origin, field: Self.path(context.codingPath), "is null; expected \(Self.describe(type)).")
        case let .typeMismatch(type, context):
            if context.codingPath.isEmpty {
                return problem(origin, field: nil, "is not a JSON object; each line holds one record as {...}.")
            }
            let found = Self.value(at: context.codingPath, in: origin.raw).map { "\($0) is not valid; " } ?? ""
            return problem(origin, field: Self.path(context.codingPath), "\(found)expected \(Self.describe(type)).")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty { return malformed(origin) }
            let path = Self.path(context.codingPath)
            if context.debugDescription.hasPrefix("Parsed JSON number") {
                let found = Self.value(at: context.codingPath, in: origin.raw).map { "\($0) is not valid; " } ?? ""
                return problem(origin, field: path, "\(found)expected a whole number.")
            }
            return problem(origin, field: path, context.debugDescription + ".")
        @unknown default:
            return problem(origin, field: nil, "cannot be read.")
        }
    }

    /// Words for a line the decoder could not parse.
    ///
    /// The decoder says the same for a number that does not fit its field (`"minutes": 12.5`), so
    /// parse again to tell the two apart.
    private func malformed(_ origin: Origin) -> KataError {
        do {
            let object = try JSONSerialization.jsonObject(with: origin.raw ?? Data(), options: [.fragmentsAllowed])
            if let minutes = (object as? [String: Any])?["minutes"],
                let data = try? JSONSerialization.data(withJSONObject: minutes, options: [.fragmentsAllowed])
            {
                return problem(
                    origin, field: "minutes",
                    "\(String(decoding: data, as: UTF8.self)) is not valid; expected a whole number of minutes.")
            }
            return problem(origin, field: nil, "holds a number that does not fit its field.")
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return problem(
                origin, field: nil,
                "is not valid JSON\(detail.map { " (\($0))" } ?? ""); each line holds one record as {...}.")
        }
    }

    /// A coding path as a reader writes it: `outcomeMetrics[0].name`.
    static func path(_ codingPath: [any CodingKey]) -> String { FieldPath.text(codingPath) }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text in quotes"
        case is [Any].Type: return "a list [...]"
        default: return "an object {...}"
        }
    }

    /// The value at `codingPath` of the line, as JSON text; only on the way to an error message.
    private static func value(at codingPath: [any CodingKey], in line: Data?) -> String? {
        guard let line, var value = try? JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])
        else { return nil }
        for key in codingPath {
            if let index = key.intValue, let list = value as? [Any], list.indices.contains(index) {
                value = list[index]
            } else if let object = value as? [String: Any], let next = object[key.stringValue] {
                value = next
            } else {
                return nil
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
