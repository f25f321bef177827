import ImprovementKata
import KataStore

/// The demo's days, counted from its first day (offset 0) to its last (offset `days - 1`): which
/// are workdays, holidays, extra Saturday shifts or weekends, and their text (`YYYY-MM-DD`).
struct DemoCalendar {
    enum Kind: UInt8 {
        case workday, holiday, extraShift, weekend
    }

    let first: Day
    let days: Int
    private(set) var kinds: [Kind]
    /// Texts of the demo's days and the weeks after it (achieve-by and go-see dates lie ahead).
    private let texts: [String]

    /// How far past the last day dates are written from the table rather than computed.
    private static let lookAhead = 160

    /// The calendar of `days` days up to `last`, with the organisation's workweek and holidays;
    /// now and then a Saturday is an extra shift.
    init(days: Int, endingOn last: Day, calendar: WorkCalendar, random: inout DemoRandom) {
        self.days = days
        first = last.adding(days: -(days - 1))
        texts = (0..<(days + DemoCalendar.lookAhead)).map { [first] in first.adding(days: $0).description }
        var kinds: [Kind] = []
        kinds.reserveCapacity(days)
        var lastSaturday: Int?
        var anyExtraShift = false
        for offset in 0..<days {
            let day = first.adding(days: offset)
            if calendar.holidays.contains(day) {
                kinds.append(calendar.workweek.contains(day.weekday) ? .holiday : .weekend)
            } else if calendar.workweek.contains(day.weekday) {
                kinds.append(.workday)
            } else if day.weekday == .saturday {
                lastSaturday = offset
                let extra = random.chance(0.25)
                anyExtraShift = anyExtraShift || extra
                kinds.append(extra ? .extraShift : .weekend)
            } else {
                kinds.append(.weekend)
            }
        }
        if !anyExtraShift, let lastSaturday { kinds[lastSaturday] = .extraShift }
        self.kinds = kinds
    }

    /// The day at `offset` as `YYYY-MM-DD`.
    func text(_ offset: Int) -> String {
        offset >= 0 && offset < texts.count ? texts[offset] : first.adding(days: offset).description
    }

    /// Whether people work on the day at `offset` (days past the demo count as workdays on
    /// Monday to Friday).
    func isWorkday(_ offset: Int) -> Bool {
        if offset >= 0 && offset < days { return kinds[offset] == .workday }
        let weekday = first.adding(days: offset).weekday
        return weekday != .saturday && weekday != .sunday
    }

    /// The `count`-th workday after the day at `offset`.
    func workday(after offset: Int, count: Int) -> Int {
        var day = offset
        var found = 0
        while found < count {
            day += 1
            if isWorkday(day) { found += 1 }
        }
        return day
    }
}
