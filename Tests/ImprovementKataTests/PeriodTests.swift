import ImprovementKata
import KataTestSupport
import Testing

@Suite("ISO week")
struct ISOWeekTests {
    @Test(
        "puts each day in its ISO week, even across the year end",
        arguments: [
            ("2026-12-31", "2026-W53"), ("2027-01-01", "2026-W53"), ("2027-01-03", "2026-W53"),
            ("2027-01-04", "2027-W01"), ("2025-12-29", "2026-W01"), ("2025-12-28", "2025-W52"),
            ("2026-11-20", "2026-W47"), ("2026-09-14", "2026-W38"), ("2024-02-29", "2024-W09"),
        ])
    func containing(date: String, week: String) {
        #expect(ISOWeek(containing: day(date)).description == week)
    }

    @Test("knows which years have 53 weeks")
    func weeksInYear() {
        #expect(ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.weeks(in: 2020) == 53)
        #expect(ISOWeek.weeks(in: 2015) == 53)
        #expect(ISOWeek.weeks(in: 2025) == 52)
        #expect(ISOWeek.weeks(in: 2027) == 52)
        #expect(ISOWeek.weeks(in: 2024) == 52)
    }

    @Test("starts on Monday and ends on Sunday")
    func mondayAndSunday() throws {
        let week53 = try #require(ISOWeek(year: 2026, week: 53))
        #expect(week53.monday == day("2026-12-28"))
        #expect(week53.sunday == day("2027-01-03"))
        let week1 = try #require(ISOWeek(year: 2026, week: 1))
        #expect(week1.monday == day("2025-12-29"))
        #expect(week1.monday.weekday == .monday)
        #expect(week1.sunday.weekday == .sunday)
        #expect(ISOWeek(year: 2027, week: 1)?.monday == day("2027-01-04"))
    }

    @Test("refuses weeks a year does not have")
    func refusesMissingWeeks() {
        #expect(ISOWeek(year: 2025, week: 53) == nil)
        #expect(ISOWeek(year: 2026, week: 54) == nil)
        #expect(ISOWeek(year: 2026, week: 0) == nil)
        #expect(ISOWeek(year: 2026, week: 5)?.description == "2026-W05")
    }

    @Test("orders by year, then week")
    func ordering() {
        #expect(ISOWeek(year: 2026, week: 53)! < ISOWeek(year: 2027, week: 1)!)
        #expect(ISOWeek(year: 2026, week: 9)! < ISOWeek(year: 2026, week: 10)!)
    }
}

@Suite("Period")
struct PeriodTests {
    @Test(
        "parses years, halves, quarters, months and ISO weeks",
        arguments: [
            ("2026", "2026-01-01", "2026-12-31"), ("2026-H1", "2026-01-01", "2026-06-30"),
            ("2026-H2", "2026-07-01", "2026-12-31"), ("2026-Q3", "2026-07-01", "2026-09-30"),
            ("2026-q1", "2026-01-01", "2026-03-31"), ("2026-09", "2026-09-01", "2026-09-30"),
            ("2024-02", "2024-02-01", "2024-02-29"), ("2026-02", "2026-02-01", "2026-02-28"),
            ("2026-W38", "2026-09-14", "2026-09-20"), ("2026-W53", "2026-12-28", "2027-01-03"),
            ("2026-W01", "2025-12-29", "2026-01-04"),
        ])
    func parses(text: String, from: String, to: String) throws {
        let period = try Period(parsing: text)
        #expect(period.from == day(from))
        #expect(period.to == day(to))
    }

    @Test(
        "refuses periods that do not exist",
        arguments: [
            "2026-Q5", "2026-Q0", "2026-13", "2026-00", "2025-W53", "2026-W54", "2026-W00", "2026-H3", "26",
            "2026-", "2026-9", "2026-Q3-1", "Q3", "2026-W5", "",
        ])
    func refuses(text: String) {
        let error = thrownKataError { try Period(parsing: text) }
        #expect(error?.invalidField == "period")
    }

    @Test("refuses a period that ends before it starts")
    func refusesReversed() throws {
        let error = thrownKataError { try Period(from: day("2026-11-20"), to: day("2026-11-19")) }
        #expect(error?.isUsage == true)
        #expect(try Period(from: day("2026-11-20"), to: day("2026-11-20")).length == 1)
    }

    @Test("counts days and tells which days it holds")
    func lengthAndContains() throws {
        let year = try Period(parsing: "2026")
        #expect(year.length == 365)
        #expect(try Period(parsing: "2024").length == 366)
        let q3 = try Period(parsing: "2026-Q3")
        #expect(q3.length == 92)
        #expect(q3.contains(day("2026-07-01")))
        #expect(q3.contains(day("2026-09-30")))
        #expect(!q3.contains(day("2026-10-01")))
        #expect(!q3.contains(day("2026-06-30")))
        #expect(q3.description == "2026-07-01..2026-09-30")
    }

    @Test("lists the ISO weeks it meets across a year boundary")
    func weeksAcrossYearEnd() throws {
        let period = try Period(from: day("2026-12-30"), to: day("2027-01-05"))
        #expect(period.weeks.map(\.description) == ["2026-W53", "2027-W01"])
        let december = try Period(parsing: "2026-12")
        #expect(december.weeks.map(\.description) == ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"])
        #expect(try Period(parsing: "2026").weeks.count == 53)
    }

    @Test("the last full weeks end on the Sunday before today's week")
    func lastFullWeeks() {
        let friday = Period.lastFullWeeks(2, before: day("2026-11-20"))
        #expect(friday.from == day("2026-11-02"))
        #expect(friday.to == day("2026-11-15"))
        let monday = Period.lastFullWeeks(1, before: day("2027-01-04"))
        #expect(monday.from == day("2026-12-28"))
        #expect(monday.to == day("2027-01-03"))
        let sunday = Period.lastFullWeeks(1, before: day("2026-11-22"))
        #expect(sunday.from == day("2026-11-09"))
        #expect(sunday.to == day("2026-11-15"))
    }
}
