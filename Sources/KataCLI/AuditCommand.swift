import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct AuditCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit log: who wrote what, when, and through which credential.",
        discussion: """
            Newest first. A period takes the days in the organisation's time zone; without one, \
            the whole log is listed, --limit entries at a time. Signed in to a server, for \
            administrators only (anyone else exits 77).

            Examples:
              kata audit --period 2026-11 --account dee
              kata audit --limit 50 --offset 50 --format csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var format: FormatOptions
    @Option(parsing: .unconditional, help: "Only what this account wrote.") var account: String?
    @Option(parsing: .unconditional, help: "How many entries at most.") var limit: Int = 100
    @Option(parsing: .unconditional, help: "How many of the newest entries to skip.") var offset: Int = 0

    func run(in context: CommandContext) async throws {
        guard limit > 0 else {
            throw KataError.invalidValue(field: "--limit", value: String(limit), expected: "a whole number above 0")
        }
        guard offset >= 0 else {
            throw KataError.invalidValue(
                field: "--offset", value: String(offset), expected: "a whole number, 0 or more")
        }
        let author = try account.map { try KataCLI.handle($0, "--account") }
        let store = try await global.openStore(context)
        let accounts = try await global.openAccounts(context, linkBase: { "" }, hash: AccountCommand.hash)
        let (from, to) = try await chosenDays(today: try context.today(store))
        let settings = try await store.settings()
        let entries = try await accounts.audit(
            AuditQuery(
                from: from.map { settings.instant(startOf: $0) },
                to: to.map { settings.instant(startOf: $0.adding(days: 1)) },
                account: author, limit: limit, offset: offset))
        let rows = entries.map(AuditRow.init)
        switch format.format {
        case .json: context.output.write(try jsonText(rows))
        case .csv: context.output.write(AuditRow.listing(rows, full: true).csv())
        case .text:
            guard !rows.isEmpty else {
                context.output.line(offset > 0 ? "No more audit entries." : "No audit entries.")
                return
            }
            context.output.write(AuditRow.listing(rows, full: false).text())
            if rows.count == limit {
                context.output.line("More may follow: add --offset \(offset + limit).")
            }
        }
    }

    /// The first and last day asked for; either is nil when the log is not bounded on that side.
    private func chosenDays(today: Day) throws -> (from: Day?, to: Day?) {
        if period.period != nil {
            let whole = try period.resolve(today: today, fallback: Period(from: today, to: today))
            return (whole.from, whole.to)
        }
        let from = try period.from?.day(today: today, field: "--from")
        let to = try period.to?.day(today: today, field: "--to")
        if let from, let to { _ = try Period(from: from, to: to) }
        return (from, to)
    }
}

extension OrganisationSettings {
    /// The instant `day` begins in the organisation's time zone.
    func instant(startOf day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        let (year, month, date) = day.components
        return calendar.date(from: DateComponents(year: year, month: month, day: date))
            ?? Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400))
    }
}

/// An audit entry as listed: the fields of `AuditEntry`, the instant in ISO 8601 UTC.
struct AuditRow: Encodable {
    var id: String
    var at: String
    var account: String?
    var via: String
    var kind: String
    var record: String
    var action: String
    var detail: String?

    init(_ entry: AuditEntry) {
        id = entry.id.text
        at = ReviewPacketBuilder.timestamp(entry.at)
        account = entry.account?.rawValue
        via = entry.via
        kind = entry.kind
        record = entry.record
        action = entry.action
        detail = entry.detail
    }

    /// Entries as a table.
    ///
    /// CSV has every field; the terminal leaves out the entry's id and shows a token by the first
    /// characters of its id, as `kata token list` does.
    static func listing(_ rows: [AuditRow], full: Bool) -> Listing {
        Listing(
            columns: ["at", "account", "via", "kind", "record", "action", "detail"] + (full ? ["id"] : []),
            rows: rows.map { row in
                let via = full || !row.via.hasPrefix("token:") ? row.via : String(row.via.prefix(14))
                return [row.at, row.account.orEmpty, via, row.kind, row.record, row.action, row.detail.orEmpty]
                    + (full ? [row.id] : [])
            })
    }
}
