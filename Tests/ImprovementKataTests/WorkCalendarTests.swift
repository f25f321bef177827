import ImprovementKata
import KataTestSupport
import Testing

@Suite("Work calendar")
struct WorkCalendarTests {
    @Test("counts Monday to Friday less holidays as workdays")
    func workdaysWithHolidays() throws {
        let calendar = WorkCalendar(holidays: [day("2026-11-19")])
        let twoWeeks = try Period(from: day("2026-11-16"), to: day("2026-11-29"))
        #expect(calendar.workdays(in: twoWeeks).count == 9)
        #expect(!calendar.isWorkday(day("2026-11-19")))
        #expect(!calendar.isWorkday(day("2026-11-21")))
        #expect(calendar.isWorkday(day("2026-11-20")))
        #expect(WorkCalendar().workdays(in: twoWeeks).count == 10)
        #expect(WorkCalendar().workdays(in: try Period(parsing: "2026-11")).count == 21)
    }

    @Test("a six-day workweek counts Saturdays")
    func sixDayWeek() throws {
        let calendar = WorkCalendar(workweek: try WorkCalendar.parseWorkweek("mon-sat"))
        let week = try Period(parsing: "2026-W47")
        #expect(calendar.workdays(in: week) == (16...21).map { day("2026-11-\($0)") })
    }

    @Test("counts workdays strictly after a day through another")
    func workdaysAfterThrough() {
        let calendar = WorkCalendar(holidays: [day("2026-11-23")])
        #expect(WorkCalendar().workdays(after: day("2026-11-20"), through: day("2026-11-23")) == 1)
        #expect(WorkCalendar().workdays(after: day("2026-11-17"), through: day("2026-11-20")) == 3)
        #expect(WorkCalendar().workdays(after: day("2026-11-19"), through: day("2026-11-20")) == 1)
        #expect(calendar.workdays(after: day("2026-11-20"), through: day("2026-11-24")) == 1)
        #expect(WorkCalendar().workdays(after: day("2026-11-20"), through: day("2026-11-20")) == 0)
        #expect(WorkCalendar().workdays(after: day("2026-11-20"), through: day("2026-11-10")) == 0)
    }

    @Test("finds the last workday on or before a day, within a limit")
    func workdayOnOrBefore() {
        let calendar = WorkCalendar(holidays: [day("2026-11-20")])
        #expect(calendar.workday(onOrBefore: day("2026-11-22"), notBefore: day("2026-11-01")) == day("2026-11-19"))
        #expect(calendar.workday(onOrBefore: day("2026-11-22"), notBefore: day("2026-11-20")) == nil)
    }

    @Test(
        "parses workweeks",
        arguments: [
            ("mon-fri", [1, 2, 3, 4, 5]), ("mon,wed", [1, 3]), ("1-5", [1, 2, 3, 4, 5]), ("Sun", [7]),
            ("mon-fri,sat", [1, 2, 3, 4, 5, 6]), ("mon - wed", [1, 2, 3]), ("tuesday", [2]),
        ])
    func parsesWorkweeks(text: String, days: [Int]) throws {
        #expect(try WorkCalendar.parseWorkweek(text) == Set(days.map { Weekday(rawValue: $0)! }))
    }

    @Test(
        "refuses workweeks it cannot read", arguments: ["fri-mon", "", "funday", "mo", "mon-wed-fri", "0-4", ",", "8"])
    func refusesBadWorkweeks(text: String) {
        #expect(thrownKataError { try WorkCalendar.parseWorkweek(text) }?.invalidField == "workweek")
    }

    @Test("writes a workweek back in a form it can parse")
    func describe() throws {
        let text = WorkCalendar.describe([.friday, .monday, .wednesday])
        #expect(text == "mon,wed,fri")
        #expect(try WorkCalendar.parseWorkweek(text) == [.monday, .wednesday, .friday])
        #expect(WorkCalendar.describe(WorkCalendar.mondayToFriday) == "mon,tue,wed,thu,fri")
    }
}
