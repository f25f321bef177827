import Foundation

/// The sign-in limits of DESIGN §10.2: after 10 failures for an account within 15 minutes, its
/// sign-ins answer 429 for 15 minutes (a correct password included); an address gets at most 100
/// failures in 15 minutes.
///
/// Accounts are counted by the handle as typed, whether or not it exists, so that the limit says
/// nothing about which handles do.
package actor SignInLimiter {
    static let window: TimeInterval = 15 * 60
    static let accountFailures = 10
    static let addressFailures = 100

    private var failuresByAccount: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]
    private var failuresByAddress: [String: [Date]] = [:]

    package init() {}

    /// The seconds to wait before `account` from `address` may try again; nil when it may now.
    package func wait(account: String, address: String, at now: Date) -> Int? {
        prune(at: now)
        var until: Date?
        if let locked = lockedUntil[account], locked > now { until = locked }
        if let failures = failuresByAddress[address], failures.count >= Self.addressFailures,
            let oldest = failures.first
        {
            until = max(until ?? .distantPast, oldest.addingTimeInterval(Self.window))
        }
        return until.map { Int($0.timeIntervalSince(now).rounded(.up)) }
    }

    /// Counts a failed sign-in; the tenth within the window locks the account.
    package func recordFailure(account: String, address: String, at now: Date) {
        failuresByAccount[account, default: []].append(now)
        failuresByAddress[address, default: []].append(now)
        if let count = failuresByAccount[account]?.count, count >= Self.accountFailures {
            lockedUntil[account] = now.addingTimeInterval(Self.window)
            failuresByAccount[account] = nil
        }
    }

    /// A sign-in succeeded: the account's failures so far are forgiven.
    package func recordSuccess(account: String) {
        failuresByAccount[account] = nil
    }

    private func prune(at now: Date) {
        let start = now.addingTimeInterval(-Self.window)
        failuresByAccount = Self.since(start, failuresByAccount)
        failuresByAddress = Self.since(start, failuresByAddress)
        lockedUntil = lockedUntil.filter { $0.value > now }
    }

    private static func since(_ start: Date, _ failures: [String: [Date]]) -> [String: [Date]] {
        failures.compactMapValues { dates in
            let kept = dates.filter { $0 > start }
            return kept.isEmpty ? nil : kept
        }
    }
}
