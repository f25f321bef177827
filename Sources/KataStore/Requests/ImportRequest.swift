import Foundation
import ImprovementKata

/// An import (`kata import`, `POST /api/v1/import`): the bytes to read and how.
public struct ImportRequest: Sendable {
    /// Where the bytes are.
    public enum Source: Sendable, Equatable {
        /// A file on the machine of the store that imports it: the user's file for a database
        /// file, the spooled upload on a server.
        case file(URL)
        /// Bytes in memory.
        case bytes(Data)
        /// Bytes that come in pieces, read once from first to last: records made up as they are
        /// imported (`kata demo`), an upload as it arrives. Memory stays flat however long it is.
        case stream(ImportStream)
    }

    public var source: Source
    /// Check everything and report, writing nothing.
    public var dryRun: Bool
    /// The day against which dates are checked ("not after today").
    public var today: Day?
    /// Called now and then while a large import runs (locally only; a server does not call back).
    public var progress: (@Sendable (ImportProgress) -> Void)?

    public init(
        source: Source, dryRun: Bool = false, today: Day? = nil, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) {
        self.source = source
        self.dryRun = dryRun
        self.today = today
        self.progress = progress
    }
}

/// Bytes that come in pieces, read once from first to last, by whoever imports them.
///
/// A reference, so that the one reader takes each piece once; two sources are equal when they
/// hold the same stream. `next` is called on the importing store's reading thread, never on two
/// threads at once.
///
/// ```swift
/// let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: "export.jsonl"))
/// let request = ImportRequest(source: .stream(ImportStream { try file.read(upToCount: 1 << 16) }))
/// ```
public final class ImportStream: Sendable, Equatable {
    /// About how many bytes the stream will give, where known: for progress, and so that a store
    /// can tell a large load from a small one.
    public let expectedBytes: Int64?
    private let next: @Sendable () throws -> Data?

    /// A stream whose pieces `next` gives, one per call, nil at the end.
    public init(expectedBytes: Int64? = nil, next: @escaping @Sendable () throws -> Data?) {
        self.expectedBytes = expectedBytes
        self.next = next
    }

    /// The next piece, nil at the end; throws what `next` threw.
    public func nextPiece() throws -> Data? { try next() }

    public static func == (lhs: ImportStream, rhs: ImportStream) -> Bool { lhs === rhs }
}
