import Foundation

/// The two formats of kata data: interchange JSONL and the cycles CSV of a spreadsheet.
public enum InterchangeFormat: String, Sendable, CaseIterable, Codable {
    /// Interchange JSONL, version 1: every record, one JSON object per line (DESIGN §8).
    case jsonl
    /// The cycles CSV: one coaching cycle per row, with the step it planned.
    case csv
}

/// What an import did (or, for a dry run, would do): records added and unchanged per kind, and
/// the time it took.
public struct ImportSummary: Sendable, Equatable, Codable {
    public var format: InterchangeFormat
    public var dryRun: Bool
    public var added: [InterchangeKind: Int]
    public var unchanged: [InterchangeKind: Int]
    /// Rows of a cycles CSV that repeat an earlier row of the same file exactly: counted once,
    /// as the one record they give, and left out here.
    public var repeatedRows: Int
    /// Seconds from opening the file to the end of the transaction.
    public var seconds: Double

    public init(
        format: InterchangeFormat, dryRun: Bool, added: [InterchangeKind: Int] = [:],
        unchanged: [InterchangeKind: Int] = [:], repeatedRows: Int = 0,
        seconds: Double = 0
    ) {
        self.format = format
        self.dryRun = dryRun
        self.added = added
        self.unchanged = unchanged
        self.repeatedRows = repeatedRows
        self.seconds = seconds
    }

    /// Records added (or that would be added) in all.
    public var totalAdded: Int { added.values.reduce(0, +) }

    /// Records that were in the database already, unchanged, in all.
    public var totalUnchanged: Int { unchanged.values.reduce(0, +) }
}

/// How far an import has got, for a progress indicator.
public struct ImportProgress: Sendable {
    /// Records read so far.
    public var records: Int
    /// Bytes of the file read so far.
    public var bytesRead: Int64
    /// The size of the file.
    public var totalBytes: Int64
    public init(records: Int, bytesRead: Int64, totalBytes: Int64) {
        self.records = records
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    /// The share of the file read, from 0 to 1.
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1 }
}
