import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@Suite("Day")
struct DayTests {
    @Test("parses a strict YYYY-MM-DD date into its days since 1970")
    func parsesStrictDates() {
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("2026-11-20")?.ordinal == 20_777)
        #expect(Day("2027-01-04")?.ordinal == 20_822)
        let parsed = Day("2026-11-21")!
        #expect(parsed.components.year == 2026)
        #expect(parsed.components.month == 11)
        #expect(parsed.components.day == 21)
    }

    @Test(
        "refuses anything that is not exactly YYYY-MM-DD",
        arguments: [
            "2026-1-05", "2026-01-5", " 2026-01-05", "2026-01-05 ", "2026/01/05", "20260105", "2026-01-0x",
            "+026-01-05", "2026-01--5", "", "today",
        ])
    func refusesLooseForms(text: String) {
        #expect(Day(text) == nil)
    }

    @Test(
        "refuses impossible dates",
        arguments: [
            "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "0000-01-01",
        ])
    func refusesImpossibleDates(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("accepts 29 February in leap years, including centuries divisible by 400")
    func acceptsLeapDays() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
        #expect(Day("2024-02-28")!.adding(days: 1) == Day("2024-02-29"))
        #expect(Day("2025-02-28")!.adding(days: 1) == Day("2025-03-01"))
    }

    @Test("knows the day of the week")
    func weekday() {
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2026-11-20").weekday == .friday)
        #expect(day("2026-11-21").weekday == .saturday)
        #expect(day("2026-11-22").weekday == .sunday)
        #expect(day("2027-01-04").weekday == .monday)
        #expect(day("1969-12-31").weekday == .wednesday)
    }

    @Test("adds and counts days across month and year ends")
    func arithmetic() {
        #expect(day("2026-12-31").adding(days: 1).description == "2027-01-01")
        #expect(day("2026-03-01").adding(days: -1).description == "2026-02-28")
        #expect(day("2026-11-21").adding(days: 2).description == "2026-11-23")
        #expect(day("2026-01-01").days(to: day("2026-12-31")) == 364)
        #expect(day("2024-12-31").days(to: day("2024-01-01")) == -365)
        #expect(day("2026-11-20") < day("2026-11-21"))
        #expect((day("2026-11-20")...day("2026-11-23")).count == 4)
    }

    @Test(
        "writes itself back as the text it was parsed from",
        arguments: [
            "0001-01-01", "1999-12-31", "2026-02-28",
            "9999-12-31",
        ])
    func descriptionRoundTrip(text: String) {
        #expect(Day(text)?.description == text)
        #expect(Day(day(text).description) == day(text))
    }

    @Test("encodes as a JSON string and refuses an impossible one when decoding")
    func codable() throws {
        let data = try JSONEncoder().encode([day("2026-11-21")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-11-21"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [day("2026-11-21")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}

@Suite("Weekday")
struct WeekdayTests {
    @Test("parses names, abbreviations and ISO numbers")
    func parses() {
        #expect(Weekday(name: "mon") == .monday)
        #expect(Weekday(name: "Wednesday") == .wednesday)
        #expect(Weekday(name: "7") == .sunday)
        #expect(Weekday(name: "mo") == nil)
        #expect(Weekday(name: "8") == nil)
        #expect(Weekday(name: "funday") == nil)
        #expect(Weekday.friday.abbreviation == "Fri")
    }
}

@Suite("Day expressions")
struct DayExpressionTests {
    let today = day("2026-11-20")

    @Test(
        "counts relative dates from the injected today",
        arguments: [
            ("today", "2026-11-20"), ("yesterday", "2026-11-19"), ("tomorrow", "2026-11-21"), ("-3d", "2026-11-17"),
            ("-2w", "2026-11-06"), ("+1w", "2026-11-27"), ("+5d", "2026-11-25"), (" Today ", "2026-11-20"),
            ("-0d", "2026-11-20"), ("2026-02-28", "2026-02-28"), ("-1d", "2026-11-19"),
        ])
    func relative(expression: String, expected: String) throws {
        #expect(try Day(expression: expression, today: today).description == expected)
    }

    @Test("a bad date names the field it was given for", arguments: ["soon", "3d", "-3x", "2026-02-30", "-d", "+-3d"])
    func badInput(expression: String) {
        let error = thrownKataError { try Day(expression: expression, today: today, field: "--go-see") }
        #expect(error?.invalidField == "--go-see")
        #expect(error?.description.hasPrefix("--go-see: '\(expression)' is not valid") == true)
    }

    @Test("calls the field 'date' unless told otherwise")
    func defaultField() {
        #expect(thrownKataError { try Day(expression: "someday", today: today) }?.invalidField == "date")
    }
}
