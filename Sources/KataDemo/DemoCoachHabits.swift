import KataStore

/// How one demo coach practises: on which days they coach, when a 2nd coach comes to watch, how
/// long their cycles take and at what time of day they start.
struct DemoCoachHabits {
    /// What happens on a day for this coach.
    enum Mark: UInt8 {
        case none, coaching, watched
    }

    /// The coach's day, offset by offset over the demo's days.
    private(set) var marks: [Mark]
    private let usualMinutes: Int
    private let longCycleRate: Double

    /// Draws the coach's habits and days: how often they coach follows their practice, with
    /// holidays and weekends mostly off, a vacation or two, and extra Saturday shifts in units
    /// that run them.
    init(coach: DemoPlant.Coach, worksExtraShifts: Bool, calendar: DemoCalendar, random: inout DemoRandom) {
        let days = calendar.days
        // Once the minute of the coach's first cycle of the day, for timestamps the import now
        // derives itself; still drawn, so that a seed gives the organisation it always gave.
        _ = random.int(0...8)
        usualMinutes = random.int(11...17)
        longCycleRate = random.chance(0.2) ? random.double(0.15...0.3) : random.double(0.02...0.08)
        let watchRate = random.double(0.06...0.12)
        let span = max(1, days - coach.since)
        let base: Double
        var lapseFrom = Int.max
        var fade = 1.0
        var improvement = 0.0
        switch coach.practice {
        case .steady:
            base = random.double(0.85...0.95)
        case .average:
            base = random.double(0.5...0.7)
        case .lapsing:
            base = random.double(0.7...0.9)
            lapseFrom = coach.since + Int(Double(span) * random.double(0.25...0.55))
            fade = random.double(6...15)
        case .improving:
            base = random.double(0.2...0.35)
            improvement = random.double(0.8...0.9) - base
        case .lateStart:
            base = random.double(0.6...0.85)
        }
        var vacations = [Bool](repeating: false, count: days)
        let vacationCount = days / 110 + (random.chance(Double(days % 110) / 110) ? 1 : 0)
        for _ in 0..<vacationCount {
            let start = random.below(days)
            for offset in start..<min(days, start + random.int(7...14)) { vacations[offset] = true }
        }

        var marks = [Mark](repeating: .none, count: days)
        for offset in coach.since..<days where !vacations[offset] {
            var probability = base + improvement * Double(offset - coach.since) / Double(span)
            if offset >= lapseFrom {
                // Fades like (f / (f + d))²: half after about f/2.4 days, a sixteenth after 3f.
                let ratio = fade / (fade + Double(offset - lapseFrom))
                probability = max(0.02, base * ratio * ratio)
            }
            switch calendar.kinds[offset] {
            case .workday: break
            case .holiday: probability *= 0.03
            case .extraShift: probability *= worksExtraShifts ? 0.6 : 0.004
            case .weekend: probability *= 0.004
            }
            if random.chance(probability) {
                marks[offset] = random.chance(watchRate) ? .watched : .coaching
            }
        }
        self.marks = marks
    }

    /// Minutes of one cycle: mostly 10 to 20, sometimes longer, now and then not recorded.
    func minutes(_ random: inout DemoRandom) -> Int? {
        let draw = random.unit()
        if draw < 0.02 { return nil }
        if draw < 0.02 + longCycleRate { return random.int(21...35) }
        return min(20, max(5, usualMinutes + random.int(-4...4)))
    }
}
