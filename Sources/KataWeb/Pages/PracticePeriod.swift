import Foundation
import Hummingbird
import ImprovementKata
import KataStore

/// The period a practice page shows, read from its address: `period=` one of the presets
/// (`last-4-weeks`, `this-month`, `last-month`, `this-quarter`, `last-quarter`, `this-year`,
/// `last-year`) or a period as the command line writes it (`2026-Q3`, `2026`, `2026-09`), or `from=` and
/// `to=` (with `period=dates`, or without `period`); the last 4 full weeks when none is given, as
/// `kata practice` takes it.
///
/// ```swift
/// let choice = try PracticePeriod(request.uri.queryParameters, today: day("2026-12-02"))
/// choice.period   // 2026-11-02..2026-11-29
/// choice.query    // "period=last-4-weeks"
/// ```
struct PracticePeriod: Sendable {
    /// One choice of the period's select.
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    static let lastFourWeeks = "last-4-weeks"
    static let dates = "dates"

    var period: Period
    /// The select's value: a preset's, a period's text, or `dates`.
    var chosen: String
    /// The presets for `today`, the chosen one selected.
    var options: [Option]

    init(_ query: Parameters, today: Day) throws {
        let typed = query["period"].map(\.trimmed).nonBlank
        let presets = Self.presets(today: today)
        if let typed, typed != Self.dates {
            if let preset = presets.first(where: { $0.value == typed.lowercased() }) {
                chosen = preset.value
                period = preset.period
            } else {
                chosen = typed.uppercased()
                period = try Period(parsing: typed)
            }
        } else {
            let from = try Self.day(query, "from")
            let to = try Self.day(query, "to")
            switch (from, to) {
            case let (from?, to?):
                chosen = Self.dates
                period = try Period(from: from, to: to)
            case (nil, nil) where typed == nil:
                chosen = Self.lastFourWeeks
                period = Period.lastFullWeeks(4, before: today)
            default:
                throw KataError.missing(
                    fields: [from == nil ? "from" : nil, to == nil ? "to" : nil].compactMap { $0 },
                    hint: "Give both dates, or pick a period.")
            }
        }
        let picked = chosen
        var options = presets.map { Option(value: $0.value, label: $0.label, selected: $0.value == picked) }
        if picked != Self.dates, !options.contains(where: \.selected) {
            let label = "\(picked) (\(period.from) to \(period.to))"
            options.insert(Option(value: picked, label: label, selected: true), at: 0)
        }
        options.append(Option(value: Self.dates, label: "The dates below", selected: picked == Self.dates))
        self.options = options
    }

    /// The query that asks for the same period, for links to other pages.
    var query: String {
        chosen == Self.dates ? "from=\(period.from)&to=\(period.to)" : "period=\(chosen)"
    }

    /// The presets of DESIGN §10.5 on `today`: the last 4 full weeks, this month and the last, this
    /// quarter and the last, this year and the last.
    static func presets(today: Day) -> [(value: String, label: String, period: Period)] {
        let (year, month, _) = today.components
        let lastMonth = month == 1 ? (year - 1, 12) : (year, month - 1)
        let quarter = (month - 1) / 3 + 1
        let lastQuarter = quarter == 1 ? (year - 1, 4) : (year, quarter - 1)
        let fourWeeks = Period.lastFullWeeks(4, before: today)
        var presets = [
            (lastFourWeeks, "Last 4 full weeks (\(fourWeeks.from) to \(fourWeeks.to))", fourWeeks)
        ]
        let named: [(String, String, String)] = [
            ("this-month", "This month", monthText(year, month)),
            ("last-month", "Last month", monthText(lastMonth.0, lastMonth.1)),
            ("this-quarter", "This quarter", "\(year)-Q\(quarter)"),
            ("last-quarter", "Last quarter", "\(lastQuarter.0)-Q\(lastQuarter.1)"),
            ("this-year", "This year", "\(year)"), ("last-year", "Last year", "\(year - 1)"),
        ]
        for (value, label, text) in named {
            // Made from today's own year, month and quarter: each parses.
            guard let period = try? Period(parsing: text) else { continue }
            presets.append((value, "\(label) (\(text))", period))
        }
        return presets
    }

    static func monthText(_ year: Int, _ month: Int) -> String {
        "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    static func day(_ query: Parameters, _ name: String) throws -> Day? {
        guard let text = query.get(name)?.trimmed, !text.isEmpty else { return nil }
        return try Day(typed: text, field: name)
    }
}
