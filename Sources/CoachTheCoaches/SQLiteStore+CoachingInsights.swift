import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// The SQLite file's practice and review figures, computed here from what it holds.
///
/// The conformance is declared in this module, not in KataSQLite, because the practice queries
/// still live here beside the calculations they feed.
extension SQLiteStore: CoachingInsights {
    public func practice(_ request: PracticeRequest) throws -> PracticeAnswer {
        let report = try practiceReport(
            for: request.period, filter: request.filter, today: request.today,
            includeDailyCycles: request.includeDailyCycles)
        let groups = try request.grouping.map { try practiceGroups(report, by: $0, below: request.below) }
        let left =
            request.learnersLeftLongest
            ? try learnersLeftLongest(
                in: request.today.map { try request.period.counted(upTo: $0) } ?? request.period, filter: request.filter
            )
            : []
        return PracticeAnswer(report: report, groups: groups, learnersLeftLongest: left)
    }

    /// Review packets, which are HR's (DESIGN §10.3).
    ///
    /// An account without `hr` or `admin` may make only its own; once allowed, a packet covers the
    /// whole of the coach's practice, whatever the caller's practice scope.
    public func reviews(_ request: ReviewRequest) throws -> ReviewCollection {
        guard case let .account(handle, roles) = caller else { return try packets(request) }
        if roles.isDisjoint(with: [.hr, .admin]) && request.coach != handle {
            let whose = request.coach.map { "\($0)'s review packet" } ?? "the review packets of every coach"
            throw KataError.forbidden("only HR, an admin or the coach may make \(whose).")
        }
        return try scoped(to: .owner).packets(request)
    }

    private func packets(_ request: ReviewRequest) throws -> ReviewCollection {
        let builder = ReviewPacketBuilder(
            store: self, period: request.period, today: request.today, privacy: request.privacy, now: request.now,
            kataVersion: request.kataVersion)
        guard let coach = request.coach else {
            return try builder.collection(practices: practiceReport(for: request.period, today: request.today).coaches)
        }
        let person = try builder.requireCoach(coach)
        let summaries = try practiceReport(
            for: request.period, filter: PracticeFilter(coach: coach), today: request.today
        ).coaches
        // Not listed for the period (no pairing overlapping it, no cycle in it): a packet that says so.
        let practice = try summaries.first { $0.coach == coach.rawValue } ?? builder.summaryWithoutActivity(for: person)
        return try builder.collection(practices: [practice])
    }
}
