import Foundation
import ImprovementKata
import KataStore

/// The coach-the-coaches figures of any store: practice (DESIGN §6), its roll-ups and the
/// learners left longest, and HR review packets (§7), worked out from what the store's
/// `InsightSource` fetches.
///
/// A store conforming to both `InsightSource` and `CoachingInsights` answers with these figures
/// without writing them again (see the default below), so the SQLite file and PostgreSQL agree.
///
/// ```swift
/// let figures = CoachingFigures(store)
/// let report = try await figures.practiceReport(for: try Period(parsing: "2026-Q3"))
/// report.coaches.map(\.cadence)
/// ```
public struct CoachingFigures<Source: InsightSource>: CoachingInsights {
    public var source: Source

    public init(_ source: Source) {
        self.source = source
    }

    public func practice(_ request: PracticeRequest) async throws -> PracticeAnswer {
        let report = try await practiceReport(
            for: request.period, filter: request.filter, today: request.today,
            includeDailyCycles: request.includeDailyCycles)
        let groups: [PracticeGroup]? =
            if let grouping = request.grouping {
                try await practiceGroups(report, by: grouping, below: request.below)
            } else {
                nil
            }
        let left =
            request.learnersLeftLongest
            ? try await learnersLeftLongest(
                in: request.today.map { try request.period.counted(upTo: $0) } ?? request.period, filter: request.filter
            )
            : []
        return PracticeAnswer(report: report, groups: groups, learnersLeftLongest: left)
    }

    /// Review packets, which are HR's (DESIGN §10.3).
    ///
    /// An account without `hr` or `admin` may make only its own; once allowed, a packet covers the
    /// whole of the coach's practice, whatever the caller's practice scope.
    public func reviews(_ request: ReviewRequest) async throws -> ReviewCollection {
        guard case let .account(handle, roles) = source.caller else { return try await packets(request) }
        if roles.isDisjoint(with: [.hr, .admin]) && request.coach != handle {
            let whose = request.coach.map { "\($0)'s review packet" } ?? "the review packets of every coach"
            throw KataError.forbidden("only HR, an admin or the coach may make \(whose).")
        }
        return try await CoachingFigures(source.scoped(to: .owner)).packets(request)
    }

    private func packets(_ request: ReviewRequest) async throws -> ReviewCollection {
        let builder = ReviewPacketBuilder(
            store: source, period: request.period, today: request.today, privacy: request.privacy, now: request.now,
            kataVersion: request.kataVersion)
        guard let coach = request.coach else {
            return try await builder.collection(
                practices: practiceReport(for: request.period, today: request.today).coaches)
        }
        let person = try await builder.requireCoach(coach)
        let summaries = try await practiceReport(
            for: request.period, filter: PracticeFilter(coach: coach), today: request.today
        ).coaches
        // Not listed for the period (no pairing overlapping it, no cycle in it): a packet that says so.
        guard let practice = summaries.first(where: { $0.coach == coach.rawValue }) else {
            return try await builder.collection(practices: [builder.summaryWithoutActivity(for: person)])
        }
        return try await builder.collection(practices: [practice])
    }
}

extension CoachingInsights where Self: InsightSource {
    /// The practice report of the store's facts, worked out by `CoachingFigures`.
    public func practice(_ request: PracticeRequest) async throws -> PracticeAnswer {
        try await CoachingFigures(self).practice(request)
    }

    /// The review packets of the store's facts, worked out by `CoachingFigures`.
    public func reviews(_ request: ReviewRequest) async throws -> ReviewCollection {
        try await CoachingFigures(self).reviews(request)
    }
}
