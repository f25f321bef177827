import Foundation
import GRDB
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import Testing

/// The organisation's calendar (time zone, workweek, holidays) travels with an export.
@Suite("Interchange: the calendar's settings and holidays")
struct InterchangeCalendarTests {
    typealias F = InterchangeFixture

    @Test("an export carries the time zone, the workweek and the holidays, and an empty database takes them")
    func taken() throws {
        let store = try F.organisation()
        try store.configure(
            timeZone: "Pacific/Auckland", workweek: [.monday, .tuesday, .wednesday, .thursday],
            addHolidays: [F.day("2026-12-24")])
        let export = try F.export(store)
        let lines = String(decoding: export, as: UTF8.self).split(separator: "\n")
        #expect(
            lines.prefix(3) == [
                #"{"kind":"setting","key":"timeZone","value":"Pacific/Auckland"}"#,
                #"{"kind":"setting","key":"workweek","value":"mon,tue,wed,thu"}"#,
                #"{"kind":"holiday","date":"2026-12-24"}"#,
            ])
        let copy = try SQLiteStore.inMemory()
        try copy.configure(timeZone: "Europe/Berlin", workweek: nil)
        try F.importFile(F.file(export), into: copy)
        #expect(try copy.settings() == store.settings())
        #expect(try F.export(copy) == export)
    }

    @Test("a database with records refuses a file whose calendar differs, and writes nothing")
    func conflict() throws {
        let store = try F.organisation()
        try store.configure(timeZone: "Europe/Berlin", workweek: nil, addHolidays: [F.day("2026-12-24")])
        let export = try F.export(store)
        let other = try F.organisation()
        try other.configure(timeZone: "America/Chicago", workweek: nil)
        let before = try F.export(other)
        let message = F.message { try F.importFile(F.file(export), into: other) }
        #expect(
            message?.hasPrefix(
                "import.jsonl line 1: field 'value': the file's timeZone is 'Europe/Berlin', the database's "
                    + "'America/Chicago'; nothing was imported.") == true, "\(message ?? "")")
        #expect(try F.export(other) == before)

        try other.configure(timeZone: "Europe/Berlin", workweek: nil)
        let holiday = F.message { try F.importFile(F.file(export), into: other) }
        #expect(
            holiday?.hasPrefix("import.jsonl line 3: field 'date': 2026-12-24 is not a holiday in the database")
                == true,
            "\(holiday ?? "")")
        try other.configure(timeZone: nil, workweek: nil, addHolidays: [F.day("2026-12-24")])
        let calendar = String(decoding: export, as: UTF8.self).split(separator: "\n").prefix(3).map(String.init)
        #expect(try F.importFile(F.file(calendar), into: other).unchanged == [.setting: 2, .holiday: 1])
    }

    @Test("the demo's holidays survive export and import into an empty database")
    func demoHolidays() async throws {
        let store = try SQLiteStore.inMemory()
        try store.configure(timeZoneUnlessSet: "UTC")
        try await DemoOrganisation.generate(into: store, coaches: 2, days: 60, seed: 7, endingOn: F.day("2026-11-20"))
        let holidays = try store.settings().calendar.holidays
        #expect(holidays.count == 11)
        let copy = try SQLiteStore.inMemory()
        try F.importFile(F.file(F.export(store)), into: copy)
        #expect(try copy.settings().calendar.holidays == holidays)
        #expect(try copy.settings() == store.settings())
    }
}
