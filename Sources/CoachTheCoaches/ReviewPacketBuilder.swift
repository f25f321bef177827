import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore

/// Assembles HR review packets from the store, one per coach, for one period.
///
/// The practice figures come from the caller (the same `PracticeSummary` that `kata practice`
/// shows), so a packet never disagrees with the practice view. Everything else is read here, in
/// one snapshot of the database, and only about the coach: their learners (under pseudonyms unless
/// `privacy.learnerNames`), the target conditions their cycles worked on, the 2nd-coach
/// observations of them, and the cycles they received as a learner. Free text is left out unless
/// `privacy.notes`.
///
/// ```swift
/// let builder = ReviewPacketBuilder(store: store, period: q3, now: Date(), kataVersion: "0.1.0")
/// let packet = try builder.packet(practice: summaryOfAnn)
/// ```
public struct ReviewPacketBuilder: Sendable {
    public var store: SQLiteStore
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
        store: SQLiteStore, period: Period, today: Day? = nil, privacy: ReviewPrivacy = ReviewPrivacy(), now: Date,
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
    public func requireCoach(_ handle: Handle) throws -> Person {
        let person = try store.requiredPerson(handle, as: "coach")
        let coached = try store.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ?1) OR EXISTS (SELECT 1 FROM cycle WHERE coach = ?1)
                    """,
                arguments: [handle]) ?? false
        }
        guard coached else {
            throw KataError.ruleBroken(
                "\(person.name) (\(handle)) has never coached: no pairing as coach and no cycle logged, so there is "
                    + "nothing to review. Start a pairing with 'kata pair add --coach \(handle) --learner …'.")
        }
        return person
    }

    /// The practice figures of a coach whom the practice computation does not list for the period
    /// (no pairing as coach overlapping it and no cycle in it): no workdays, no cycles, a week row
    /// of zeros for every ISO week of the period, and the last cycle from all history, so that
    /// such a coach still gets a packet saying there was no activity.
    public func summaryWithoutActivity(for coach: Person) throws -> PracticeSummary {
        let (lastCycle, observations) = try store.read { db in
            (
                try Day.fetchOne(
                    db, sql: "SELECT max(date) FROM cycle WHERE coach = ? AND date <= ?",
                    arguments: [coach.handle, counted.to]),
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM observation WHERE coach = ? AND date BETWEEN ? AND ?",
                    arguments: [coach.handle, counted.from, counted.to]) ?? 0
            )
        }
        return PracticeSummary(
            coach: coach.handle.rawValue, name: coach.name, unit: coach.unit, cycles: 0, learners: 0, workdays: 0,
            coachedDays: 0, cadence: 0, longestStreak: 0, currentStreak: 0, longestGap: 0, lastCycle: lastCycle,
            daysSinceLastCycle: lastCycle.map { $0.days(to: counted.to) }, averageMinutes: nil, cyclesOver20Minutes: 0,
            predictionRate: nil, observations: observations,
            weekly: counted.weeks.map { WeeklyPractice(week: $0.description, cycles: 0, coachedDays: 0) })
    }

    /// The packet of the coach `practice` is about.
    public func packet(practice: PracticeSummary) throws -> ReviewPacket {
        guard let packet = try packets(practices: [practice]).first else {
            throw KataError.failure("no review packet was made for \(practice.coach).")
        }
        return packet
    }

    /// One packet per summary, in the order given, read from one snapshot of the database.
    public func packets(practices: [PracticeSummary]) throws -> [ReviewPacket] {
        let settings = try store.settings()
        let calendar = ReviewCalendar(
            workweek: settings.calendar.workweek.map(\.rawValue).sorted(),
            holidays: settings.calendar.holidays.filter(counted.contains).sorted())
        let generatedAt = ReviewPacketBuilder.timestamp(now)
        return try store.read { db in
            let ownTargets = try ownTargetRows(of: practices.map(\.coach), db)
            return try practices.map { practice in
                try packet(
                    practice: practice, calendar: calendar, generatedAt: generatedAt,
                    ownTargets: ownTargets[practice.coach] ?? [], db)
            }
        }
    }

    /// The target conditions active on some day of the period of every learner in `handles`, by
    /// learner, oldest first.
    ///
    /// One pass over the target table for the whole batch: target conditions are not indexed by
    /// learner alone, so a query per coach would read the table once per coach (about 20 ms each
    /// on a database of 2,000 coaches).
    private func ownTargetRows(of handles: [String], _ db: Database) throws -> [String: [Row]] {
        let list = String(decoding: try JSONEncoder().encode(handles), as: UTF8.self)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM target
                WHERE createdOn <= ? AND (closedOn IS NULL OR closedOn >= ?)
                    AND learner IN (SELECT value FROM json_each(?))
                ORDER BY learner, createdOn, focusProcess, id
                """,
            arguments: [counted.to, counted.from, list])
        return Dictionary(grouping: rows) { $0["learner"] as String }
    }

    /// The packets of every summary together, for `--all`.
    public func collection(practices: [PracticeSummary]) throws -> ReviewCollection {
        ReviewCollection(
            generatedAt: ReviewPacketBuilder.timestamp(now), kataVersion: kataVersion, period: reviewPeriod,
            packets: try packets(practices: practices))
    }

    private func packet(
        practice: PracticeSummary, calendar: ReviewCalendar, generatedAt: String, ownTargets: [Row], _ db: Database
    ) throws -> ReviewPacket {
        let coach = try Handle(validating: practice.coach, field: "coach")
        guard
            let person = try Row.fetchOne(db, sql: "SELECT name, unit FROM person WHERE handle = ?", arguments: [coach])
        else {
            throw KataError.unknown(kind: "coach", reference: coach.rawValue, hint: "See 'kata person list'.")
        }
        let learnerRows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.learner AS handle, p.name, count(*) AS cycles, max(c.date) AS lastCycle
                FROM cycle c JOIN person p ON p.handle = c.learner
                WHERE c.coach = ? AND c.date BETWEEN ? AND ?
                GROUP BY c.learner ORDER BY c.learner
                """,
            arguments: [coach, counted.from, counted.to])
        let targetRows = try Row.fetchAll(
            db,
            sql: """
                SELECT t.learner, p.name, t.focusProcess, t.condition, t.achieveBy, t.status, t.createdOn, t.closedOn,
                    t.reflection, count(*) AS cycles
                FROM cycle c JOIN target t ON t.id = c.target JOIN person p ON p.handle = t.learner
                WHERE c.coach = ? AND c.date BETWEEN ? AND ?
                GROUP BY t.id ORDER BY t.learner, t.createdOn, t.focusProcess, t.id
                """,
            arguments: [coach, counted.from, counted.to])

        // Pseudonyms follow the handles' order over everyone the packet mentions as a learner.
        let learnerHandles = Set(
            learnerRows.map { $0["handle"] as String } + targetRows.map { $0["learner"] as String })
        let names = Dictionary(
            learnerRows.map { ($0["handle"] as String, $0["name"] as String) }
                + targetRows.map { ($0["learner"] as String, $0["name"] as String) },
            uniquingKeysWith: { first, _ in first })
        let labels = labelling(learnerHandles.sorted(), names: names, role: "Learner")

        let learners = try learnerRows.map { row in
            CoachingPartner(
                label: labels[row["handle"], default: ""], handle: privacy.learnerNames ? row["handle"] : nil,
                cycles: row["cycles"], lastCycle: try day(row, "lastCycle"))
        }
        let targets = try targetRows.map { row in
            let (status, closedOn, later) = LaterOutcome.asOf(
                counted.to, status: row["status"], closedOn: row["closedOn"])
            return CoachedTargetCondition(
                learner: labels[row["learner"], default: ""], focusProcess: note(row["focusProcess"]),
                setOn: try day(row, "createdOn"), achieveBy: try day(row, "achieveBy"), status: status,
                closedOn: closedOn, later: later, cycles: row["cycles"], condition: note(row["condition"]),
                reflection: note(row["reflection"]))
        }
        let observed = try observations(of: coach, db)
        let own = try ownDevelopment(of: coach, targets: ownTargets, db)
        return ReviewPacket(
            generatedAt: generatedAt, kataVersion: kataVersion, period: reviewPeriod,
            coach: ReviewPerson(handle: coach.rawValue, name: person["name"], unit: person["unit"]),
            privacy: privacy,
            emptyPeriod: practice.cycles == 0 && learners.isEmpty && observed.isEmpty && own.cyclesReceived == 0,
            practice: practice,
            calendar: ReviewCalendar(
                workweek: calendar.workweek, holidays: calendar.holidays, spanFrom: practice.activeSpan?.start,
                spanTo: practice.activeSpan?.end),
            dailyCycles: try dailyCycles(practice, coach, db),
            learners: learners, observations: observed, targetConditions: targets, ownDevelopment: own)
    }

    /// The per-day counts of the practice summary; read from the store only when the summary came
    /// without them (it was decoded from JSON, say).
    private func dailyCycles(_ practice: PracticeSummary, _ coach: Handle, _ db: Database) throws -> [DailyCycles] {
        var counts = practice.dailyCycles
        if counts.isEmpty && practice.cycles > 0 {
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT date, count(*) AS cycles FROM cycle WHERE coach = ? AND date BETWEEN ? AND ? GROUP BY date",
                arguments: [coach, counted.from, counted.to])
            for row in rows { counts[try day(row, "date")] = row["cycles"] }
        }
        return counts.filter { counted.contains($0.key) && $0.value > 0 }
            .map { DailyCycles(date: $0.key, cycles: $0.value) }
            .sorted { $0.date < $1.date }
    }

    private func observations(of coach: Handle, _ db: Database) throws -> [ReviewObservation] {
        return try Row.fetchAll(
            db,
            sql: """
                SELECT o.date, o.secondCoach, p.name, o.focus, o."trigger", o.notes
                FROM observation o JOIN person p ON p.handle = o.secondCoach
                WHERE o.coach = ? AND o.date BETWEEN ? AND ?
                ORDER BY o.date, o.rowid
                """,
            arguments: [coach, counted.from, counted.to]
        ).map { row in
            ReviewObservation(
                date: try day(row, "date"), observer: ReviewPerson(handle: row["secondCoach"], name: row["name"]),
                focus: (row["focus"] as String?).nonBlank, trigger: (row["trigger"] as String?).nonBlank,
                notes: note(row["notes"]))
        }
    }

    private func ownDevelopment(of coach: Handle, targets: [Row], _ db: Database) throws -> OwnDevelopment {
        let coachRows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.coach AS handle, p.name, count(*) AS cycles, max(c.date) AS lastCycle
                FROM cycle c JOIN person p ON p.handle = c.coach
                WHERE c.learner = ? AND c.date BETWEEN ? AND ?
                GROUP BY c.coach ORDER BY c.coach
                """,
            arguments: [coach, counted.from, counted.to])
        let days =
            try Int.fetchOne(
                db, sql: "SELECT count(DISTINCT date) FROM cycle WHERE learner = ? AND date BETWEEN ? AND ?",
                arguments: [coach, counted.from, counted.to]) ?? 0
        let labels = labelling(
            coachRows.map { $0["handle"] as String },
            names: Dictionary(
                coachRows.map { ($0["handle"] as String, $0["name"] as String) }, uniquingKeysWith: { a, _ in a }),
            role: "Coach")
        let coaches = try coachRows.map { row in
            CoachingPartner(
                label: labels[row["handle"], default: ""], handle: privacy.learnerNames ? row["handle"] : nil,
                cycles: row["cycles"], lastCycle: try day(row, "lastCycle"))
        }
        let cyclesByTarget = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db,
                sql: """
                    SELECT target, count(*) AS cycles FROM cycle
                    WHERE learner = ? AND date BETWEEN ? AND ? AND target IS NOT NULL GROUP BY target
                    """,
                arguments: [coach, counted.from, counted.to]
            ).map { ($0["target"] as String, $0["cycles"] as Int) })
        let ownTargets = try targets.map { row in
            let (status, closedOn, later) = LaterOutcome.asOf(
                counted.to, status: row["status"], closedOn: row["closedOn"])
            return OwnTargetCondition(
                focusProcess: note(row["focusProcess"]), setOn: try day(row, "createdOn"),
                achieveBy: try day(row, "achieveBy"), status: status, closedOn: closedOn, later: later,
                cycles: cyclesByTarget[row["id"], default: 0], condition: note(row["condition"]),
                reflection: note(row["reflection"]))
        }
        return OwnDevelopment(
            cyclesReceived: coaches.reduce(0) { $0 + $1.cycles }, daysCoached: days, coaches: coaches,
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

    private func day(_ row: Row, _ column: String) throws -> Day {
        guard let day = row[column] as Day? else {
            throw KataError.unusableDatabase("the database holds an invalid date in \(column); run 'kata check'.")
        }
        return day
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
