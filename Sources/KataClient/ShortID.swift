import Foundation
import ImprovementKata

/// The one of `records` whose id starts with `prefix` (any case), as listings show ids shortened.
///
/// - Throws: `KataError.unknown` when none does (or `prefix` is empty), `.ambiguous` when several do.
public func record<Record>(
    _ prefix: String, in records: [Record], id: (Record) -> UUID, kind: String, hint: String
) throws -> Record {
    let wanted = prefix.lowercased()
    let matches = wanted.isEmpty ? [] : records.filter { id($0).text.hasPrefix(wanted) }
    guard let first = matches.first else { throw KataError.unknown(kind: kind, reference: prefix, hint: hint) }
    guard matches.count == 1 else {
        throw KataError.ambiguous(kind: kind, prefix: prefix, matches: matches.map { id($0).text })
    }
    return first
}
