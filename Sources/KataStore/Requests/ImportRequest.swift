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
