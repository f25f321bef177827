import Foundation
import GRDB

/// Copies a server's write-ahead log back into the database file on a connection of its own,
/// once a second, instead of inside the commit that happens to fill it.
///
/// SQLite checkpoints by itself when a commit leaves more than 1,000 pages in the log: that commit
/// (and with group commit, every caller waiting on it) then waits for the copy and its `fsync`. A
/// passive checkpoint from another connection copies what no reader still needs without taking
/// the write lock, so writers go on meanwhile. Processes other than the server (a `kata` command
/// on the same file) keep SQLite's own checkpoints.
final class WALCheckpointer: @unchecked Sendable {
    private let timer: any DispatchSourceTimer

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "kata.sqlite.checkpoint", qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler {
            // A failed checkpoint leaves the log as it was; the next one tries again.
            try? connection.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        }
        timer.resume()
        self.timer = timer
    }

    deinit {
        timer.cancel()
    }
}
