import Foundation
import ImprovementKata
import KataStore

/// Assembles HR review packets from what a store fetched, one per coach, for one period.
///
/// The practice figures come from the caller (the same `PracticeSummary` that `kata practice`
/// shows), so a packet never disagrees with the practice view. Everything else the store fetches, in
/// one snapshot, and only about the coach: their learners (under pseudonyms unless
/// `privacy.learnerNames`), the target conditions their cycles worked on, the 2nd-coach
/// observations of them, and the cycles they received as a learner. Free text is left out unless
/// `privacy.notes`.
///
/// ```swift
/// let builder = ReviewPacketBuilder(store: store, period: q3, now: Date(), kataVersion: "0.1.0")
/// let packet = try await builder.packet(practice: summaryOfAnn)
/// ```
public struct ReviewPacketBuilder: Sendable {
    /// Where the facts come from: any store's `InsightSource`.
    public var store: any InsightSource
    /// The period asked for.
    public let period: Period
    /// The day the packet is made, in the organisation's time zone.
    ///
    /// A period reaching past it is counted only up to it; nil counts the whole period.
    public let today: Day?
    /// The days the packet counts: the period, cut at `today` when it reaches past it (DESIGN §6).
    ///
    /// A period that starts after today is refused by the practice computation before it gets here.
    let counted: Period
    public var privacy: ReviewPrivacy
    /// The instant the packet is made; stated in the packet.
    public var now: Date
    public var kataVersion: String

    public init(
        store: any InsightSource, period: Period, today: Day? = nil, privacy: ReviewPrivacy = ReviewPrivacy(),
        now: Date,
        kataVersion: String
    ) {
        self.store = store
        self.period = period
        self.today = today
        counted = today.flatMap { try? period.counted(upTo: $0) } ?? period
        self.privacy = privacy
        self.now = now
        self.kataVersion = kataVersion
    }

    /// The period as the packet states it, with `until` when it was cut.
    var reviewPeriod: ReviewPeriod {
        ReviewPeriod(period, until: counted == period ? nil : counted.to)
    }

    /// The person with `handle`, refused unless they have ever coached.
    ///
    /// A coach is someone with a pairing as coach or a logged cycle as coach at any time; a packet
    /// about anyone else would be empty by construction.
    public func requireCoach(_ handle: Handle) async throws -> Person {
        let subject = try await store.reviewSubject(handle)
        guard subject.hasCoached else {
            throw KataError.ruleBroken(
                "\(subject.person.name) (\(handle)) has never coached: no pairing as coach and no cycle logged, so "
                    + "there is nothing to review. Start a pairing with 'kata pair add --coach \(handle) --learner …'.")
        }
        return subject.person
    }

    /// The practice figures of a coach whom the practice computation does not list for the period
    /// (no pairing as coach overlapping it and no cycle in it): no workdays, no cycles, a week row
    /// of zeros for every ISO week of the period, and the last cycle from all history, so that
    /// such a coach still gets a packet saying there was no activity.
    public func summaryWithoutActivity(for coach: Person) async throws -> PracticeSummary {
        let activity = try await store.coachActivity(coach.handle, in: counted)
        let lastCycle = activity.lastCycle
        return PracticeSummary(
            coach: coach.handle.rawValue, name: coach.name, unit: coach.unit, cycles: 0, learners: 0, workdays: 0,
            coachedDays: 0, cadence: 0, longestStreak: 0, currentStreak: 0, longestGap: 0, lastCycle: lastCycle,
            daysSinceLastCycle: lastCycle.map { $0.days(to: counted.to) }, averageMinutes: nil, cyclesOver20Minutes: 0,
            predictionRate: nil, observations: activity.observations,
            weekly: counted.weeks.map { WeeklyPractice(week: $0.description, cycles: 0, coachedDays: 0) })
    }

    /// The packet of the coach `practice` is about.
    public func packet(practice: PracticeSummary) async throws -> ReviewPacket {
        guard let packet = try await packets(practices: [practice]).first else {
            throw KataError.failure("no review packet was made for \(practice.coach).")
        }
        return packet
    }

    /// One packet per summary, in the order given, read from one snapshot of the store.
    public func packets(practices: [PracticeSummary]) async throws -> [ReviewPacket] {
        let settings = try await store.settings()
        let calendar = ReviewCalendar(
            workweek: settings.calendar.workweek.map(\.rawValue).sorted(),
            holidays: settings.calendar.holidays.filter(counted.contains).sorted())
        let generatedAt = ReviewPacketBuilder.timestamp(now)
        let coaches = try practices.map { try Handle(validating: $0.coach, field: "coach") }
        // The per-day counts are fetched only for a summary that came without them (decoded from
        // JSON, say).
        let withoutDays = Set(zip(practices, coaches).filter { $0.0.dailyCycles.isEmpty && $0.0.cycles > 0 }.map(\.1))
        let facts = try await store.reviewFacts(coaches: coaches, in: counted, dailyCyclesOf: withoutDays)
        guard facts.count == practices.count else {
            throw KataError.failure("the store gave \(facts.count) review facts for \(practices.count) coaches.")
        }
        var packets: [ReviewPacket] = []
        for (practice, facts) in zip(practices, facts) {
            var packet = packet(practice: practice, facts: facts, calendar: calendar, generatedAt: generatedAt)
            // The coach's own growth as a learner: the packet is about them, so no learner is compared.
            packet.ownDevelopment.growth = try await (store as? any GrowthSource)?.growth(
                of: facts.coach, in: counted)
            packet.escalationsToDecide = try await escalationsToDecide(facts.coach, calendar: settings.calendar)
            packets.append(packet)
        }
        return packets
    }

    /// The escalations put to `decider`, as `kata losses --to` counts them for the packet's period.
    private func escalationsToDecide(_ decider: Handle, calendar: WorkCalendar) async throws -> DeciderEscalations {
        guard let escalations = store as? any EscalationService else { return .none }
        let asked = try await escalations.escalations(EscalationFilter(to: decider))
        guard !asked.isEmpty else { return .none }
        return DeciderEscalations(
            LossReport(escalations: asked, period: counted, today: counted.to, calendar: calendar))
    }

    /// The packets of every summary together, for `--all`.
    public func collection(practices: [PracticeSummary]) async throws -> ReviewCollection {
        ReviewCollection(
            generatedAt: ReviewPacketBuilder.timestamp(now), kataVersion: kataVersion, period: reviewPeriod,
            packets: try await packets(practices: practices))
    }

    private func packet(
        practice: PracticeSummary, facts: ReviewFacts, calendar: ReviewCalendar, generatedAt: String
    ) -> ReviewPacket {
        // Pseudonyms follow the handles' order over everyone the packet mentions as a learner.
        let learnerHandles = Set(facts.learners.map(\.handle) + facts.coachedTargets.map(\.learner))
        let names = Dictionary(
            facts.learners.map { ($0.handle, $0.name) } + facts.coachedTargets.map { ($0.learner, $0.learnerName) },
            uniquingKeysWith: { first, _ in first })
        let labels = labelling(learnerHandles.sorted(), names: names, role: "Learner")

        let learners = facts.learners.map { partner in
            CoachingPartner(
                label: labels[partner.handle, default: ""], handle: privacy.learnerNames ? partner.handle : nil,
                cycles: partner.cycles, lastCycle: partner.lastCycle)
        }
        let targets = facts.coachedTargets.map { target in
            let (status, closedOn, later) = LaterOutcome.asOf(
                counted.to, status: target.status, closedOn: target.closedOn)
            return CoachedTargetCondition(
                learner: labels[target.learner, default: ""], focusProcess: note(target.focusProcess),
                setOn: target.createdOn, achieveBy: target.achieveBy, status: status, closedOn: closedOn,
                later: later, cycles: target.cycles, condition: note(target.condition),
                reflection: note(target.reflection))
        }
        let observed = facts.observations.map { observation in
            ReviewObservation(
                date: observation.date,
                observer: ReviewPerson(handle: observation.secondCoach, name: observation.secondCoachName),
                focus: observation.focus.nonBlank, trigger: observation.trigger.nonBlank,
                notes: note(observation.notes))
        }
        let own = ownDevelopment(facts)
        return ReviewPacket(
            generatedAt: generatedAt, kataVersion: kataVersion, period: reviewPeriod,
            coach: ReviewPerson(handle: facts.coach.rawValue, name: facts.name, unit: facts.unit),
            privacy: privacy,
            emptyPeriod: practice.cycles == 0 && learners.isEmpty && observed.isEmpty && own.cyclesReceived == 0,
            practice: practice,
            calendar: ReviewCalendar(
                workweek: calendar.workweek, holidays: calendar.holidays, spanFrom: practice.activeSpan?.start,
                spanTo: practice.activeSpan?.end),
            dailyCycles: dailyCycles(practice, facts),
            learners: learners, observations: observed, targetConditions: targets, ownDevelopment: own)
    }

    /// The per-day counts of the practice summary, or those the store fetched when the summary
    /// came without them.
    private func dailyCycles(_ practice: PracticeSummary, _ facts: ReviewFacts) -> [DailyCycles] {
        let counts = practice.dailyCycles.isEmpty && practice.cycles > 0 ? facts.dailyCycles : practice.dailyCycles
        return counts.filter { counted.contains($0.key) && $0.value > 0 }
            .map { DailyCycles(date: $0.key, cycles: $0.value) }
            .sorted { $0.date < $1.date }
    }

    private func ownDevelopment(_ facts: ReviewFacts) -> OwnDevelopment {
        let labels = labelling(
            facts.ownCoaches.map(\.handle),
            names: Dictionary(facts.ownCoaches.map { ($0.handle, $0.name) }, uniquingKeysWith: { a, _ in a }),
            role: "Coach")
        let coaches = facts.ownCoaches.map { partner in
            CoachingPartner(
                label: labels[partner.handle, default: ""], handle: privacy.learnerNames ? partner.handle : nil,
                cycles: partner.cycles, lastCycle: partner.lastCycle)
        }
        let ownTargets = facts.ownTargets.map { target in
            let (status, closedOn, later) = LaterOutcome.asOf(
                counted.to, status: target.status, closedOn: target.closedOn)
            return OwnTargetCondition(
                focusProcess: note(target.focusProcess), setOn: target.createdOn, achieveBy: target.achieveBy,
                status: status, closedOn: closedOn, later: later, cycles: target.cycles,
                condition: note(target.condition), reflection: note(target.reflection))
        }
        return OwnDevelopment(
            cyclesReceived: coaches.reduce(0) { $0 + $1.cycles }, daysCoached: facts.ownCoachedDays, coaches: coaches,
            targetConditions: ownTargets)
    }

    /// Labels for people in `handles` order: their names when the packet names people, otherwise
    /// "Learner A", "Learner B", … ("Learner AA" after "Learner Z").
    private func labelling(_ handles: [String], names: [String: String], role: String) -> [String: String] {
        var labels: [String: String] = [:]
        for (index, handle) in handles.enumerated() {
            labels[handle] =
                privacy.learnerNames ? names[handle, default: handle] : role + " " + ReviewPacketBuilder.letters(index)
        }
        return labels
    }

    /// Free text, kept only when the packet includes notes.
    private func note(_ text: String?) -> String? {
        privacy.notes ? text.nonBlank : nil
    }

    /// Spreadsheet-column letters: 0 → A, 25 → Z, 26 → AA.
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }

    /// The instant in UTC, ISO 8601 to the second (`2026-12-01T09:00:00Z`).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
