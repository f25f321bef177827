import ImprovementKata

/// What the coach-the-coaches calculations (practice figures, roll-ups, review packets) need a
/// store to fetch, in kata's vocabulary.
///
/// A database store implements it with its own SQL; `CoachTheCoaches` works out the figures from
/// what it returns, so that every store reports the same figures (DESIGN §3, §6, §7). Each fetch
/// applies the caller's practice scope itself (an account that is neither lean nor admin sees
/// only the coaches in its scope) and reads one consistent snapshot.
///
/// ```swift
/// let facts = try await store.coachPractice(in: try Period(parsing: "2026-11"), filter: PracticeFilter())
/// facts.map(\.dailyCycles)  // cycles per day, for the figures of §6
/// ```
public protocol InsightSource: Sendable {
    /// Who calls; the review packets' access rule is decided on it.
    var caller: Caller { get }
    /// The same source working for `caller`.
    func scoped(to caller: Caller) -> Self
    /// The organisation's time zone, workweek and holidays.
    func settings() async throws -> OrganisationSettings

    // MARK: Practice

    /// Every coach the practice of `period` lists, sorted by handle (as SQLite compares text,
    /// bytes): coach in a pairing that overlaps the period or author of a cycle in it, admitted by
    /// `filter` and the caller's scope, with what their figures are worked out from.
    ///
    /// - Throws: `KataError.unknown` when the filter names a coach, 2nd coach or unit nobody has
    ///   (a coach outside the caller's scope counts as nobody).
    func coachPractice(in period: Period, filter: PracticeFilter) async throws -> [CoachPracticeFacts]
    /// The 2nd coaches of each coach (by handle) in pairings that overlap [from, to], sorted.
    func secondCoaches(from: Day, to: Day) async throws -> [String: [String]]
    /// The learners in pairings in force on the last day of `period` whose coach `filter` and the
    /// caller's scope admit, with their last cycle with that coach on or before that day.
    func pairedLearners(endOf period: Period, filter: PracticeFilter) async throws -> [PairedLearnerFacts]

    // MARK: Review packets

    /// The person with `handle` and whether they have ever coached (a pairing or a cycle as coach).
    ///
    /// - Throws: `KataError.unknown` when nobody has the handle.
    func reviewSubject(_ handle: Handle) async throws -> ReviewSubject
    /// A coach's latest cycle on or before the end of `period` (any history) and the 2nd-coach
    /// observations of them in it: what a packet without activity still says.
    func coachActivity(_ coach: Handle, in period: Period) async throws -> CoachActivity
    /// What the review packet of each coach in `coaches` holds besides the practice figures, in
    /// the order given, read from one snapshot; cycles per day only for those in `dailyCyclesOf`.
    ///
    /// - Throws: `KataError.unknown` for a coach nobody has.
    func reviewFacts(coaches: [Handle], in period: Period, dailyCyclesOf: Set<Handle>) async throws -> [ReviewFacts]
}
