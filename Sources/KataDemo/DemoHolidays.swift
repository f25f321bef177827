import ImprovementKata
import KataStore

/// The demo plant's holidays: the public holidays of a plant in southern Germany, the kind of
/// list an organisation keeps in its settings.
enum DemoHolidays {
    /// The holidays of the given years, in date order.
    static func holidays(in years: ClosedRange<Int>) -> [(day: Day, name: String)] {
        var result: [(day: Day, name: String)] = []
        for year in years {
            let easter = easterSunday(year)
            let fixed: [(Int, Int, String)] = [
                (1, 1, "New Year's Day"), (5, 1, "Labour Day"), (10, 3, "German Unity Day"),
                (11, 1, "All Saints' Day"), (12, 24, "Christmas Eve"), (12, 25, "Christmas Day"),
                (12, 26, "St Stephen's Day"),
            ]
            var days = fixed.compactMap { month, day, name in Day(year: year, month: month, day: day).map { ($0, name) }
            }
            days += [
                (easter.adding(days: -2), "Good Friday"), (easter.adding(days: 1), "Easter Monday"),
                (easter.adding(days: 39), "Ascension Day"), (easter.adding(days: 50), "Whit Monday"),
            ]
            result += days.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
        }
        return result
    }

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day) ?? Day(ordinal: 0)
    }
}
