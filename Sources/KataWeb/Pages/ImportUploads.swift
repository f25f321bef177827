import Foundation
import ImprovementKata
import KataServer
import KataStore

/// The files of the import page that passed their dry run, each kept in its private spool folder
/// under a random id until the admin who uploaded it confirms the import, for at most an hour.
///
/// ```swift
/// let id = web.uploads.keep(spool, for: visitor.account.handle, at: now)
/// …
/// guard let spool = web.uploads.take(id, for: visitor.account.handle, at: now) else { … }
/// ```
///
/// An id is the admin's alone: another account presenting it finds nothing, as if it did not
/// exist. What is kept is forgotten, and its file removed, once taken or an hour old.
final class ImportUploads: @unchecked Sendable {
    /// How long a checked file waits for its confirmation.
    static let lifetime: TimeInterval = 3_600

    private struct Kept {
        var account: Handle
        var at: Date
        var spool: SpoolFile
    }

    private let lock = NSLock()
    private var kept: [String: Kept] = [:]

    /// Keeps `spool` for `account` and returns its new id: 32 random hex digits.
    func keep(_ spool: SpoolFile, for account: Handle, at now: Date) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
        sweep(at: now)
        lock.withLock { kept[id] = Kept(account: account, at: now, spool: spool) }
        return id
    }

    /// The file kept under `id` for `account`, no longer kept (it is the caller's to remove); nil
    /// for an id unknown, expired or another account's.
    func take(_ id: String, for account: Handle, at now: Date) -> SpoolFile? {
        sweep(at: now)
        return lock.withLock {
            guard let entry = kept[id], entry.account == account else { return nil }
            kept[id] = nil
            return entry.spool
        }
    }

    /// Removes the files kept longer than `lifetime`.
    func sweep(at now: Date) {
        let expired = lock.withLock {
            let old = kept.filter { now.timeIntervalSince($0.value.at) > Self.lifetime }
            for id in old.keys { kept[id] = nil }
            return old.values.map(\.spool)
        }
        for spool in expired { spool.remove() }
    }

    /// How many files are kept: for tests.
    var count: Int { lock.withLock { kept.count } }
}
