import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("Store: short ids")
struct LookupTests {
    @Test("resolves the 8-character prefix shown by listings, in any case")
    func resolvesPrefix() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        #expect(try fixture.store.resolve(.target, target.id.short) == target.id)
        #expect(try fixture.store.resolve(.target, target.id.short.uppercased()) == target.id)
        #expect(try fixture.store.resolve(.target, target.id.text) == target.id)
        #expect(try fixture.store.resolve(.target, " \(target.id.text.prefix(4)) ") == target.id)
    }

    @Test("an unknown id, or one of another kind, is named as unknown")
    func unknownId() throws {
        let fixture = try Fixture()
        let target = try fixture.addTarget()
        let prefix = target.id.short.first == "f" ? "0eadbeef" : "feadbeef"
        let error = thrownKataError { try fixture.store.resolve(.target, prefix) }
        #expect(error?.unknownKind == "target condition")
        #expect(thrownKataError { try fixture.store.resolve(.obstacle, target.id.short) }?.unknownKind == "obstacle")
    }

    @Test("refuses prefixes that are too short or not hexadecimal", arguments: ["abc", "", "zzzz1234", "ab-c"])
    func badPrefix(prefix: String) throws {
        let fixture = try Fixture()
        #expect(thrownKataError { try fixture.store.resolve(.cycle, prefix) }?.invalidField == "coaching cycle id")
    }

    @Test("a prefix that matches several records asks for more characters")
    func ambiguous() throws {
        let fixture = try Fixture()
        let ids = ["aaaa0000-0000-4000-8000-000000000001", "aaaa0000-0000-4000-8000-000000000002"].map {
            UUID(uuidString: $0)!
        }
        for (id, focus) in zip(ids, ["Line 3 changeover", "Paint booth"]) {
            try fixture.store.addTarget(
                TargetCondition(
                    id: id, learner: handle("bob"), focusProcess: focus, condition: "c", achieveBy: day("2026-12-18"),
                    createdOn: day("2026-11-02")))
        }
        let error = thrownKataError { try fixture.store.resolve(.target, "aaaa0000") }
        #expect(
            error
                == .ambiguous(
                    kind: "target condition", prefix: "aaaa0000", matches: ["aaaa0000-0000", "aaaa0000-0000"]))
        #expect(try fixture.store.resolve(.target, "aaaa0000-0000-4000-8000-000000000002") == ids[1])
    }
}

@Suite("Store: settings")
struct SettingsTests {
    @Test("a new database works Monday to Friday without holidays")
    func defaults() throws {
        let settings = try SQLiteStore.inMemory().settings()
        #expect(settings.calendar == WorkCalendar())
        #expect(TimeZone(identifier: settings.timeZone) != nil)
    }

    @Test("keeps the time zone, workweek and holidays it is given, and only those")
    func configure() throws {
        let store = try SQLiteStore.inMemory()
        try store.configure(
            timeZone: "Europe/Berlin", workweek: WorkCalendar.parseWorkweek("mon-sat"),
            addHolidays: [day("2026-12-25"), day("2026-12-26")])
        var settings = try store.settings()
        #expect(settings.timeZone == "Europe/Berlin")
        #expect(settings.calendar.workweek == [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday])
        #expect(settings.calendar.holidays == [day("2026-12-25"), day("2026-12-26")])
        try store.configure(timeZone: nil, workweek: nil, removeHolidays: [day("2026-12-26")])
        settings = try store.settings()
        #expect(settings.timeZone == "Europe/Berlin")
        #expect(settings.calendar.workweek.count == 6)
        #expect(settings.calendar.holidays == [day("2026-12-25")])
        try store.configure(timeZone: "America/Chicago", workweek: [.monday, .wednesday])
        #expect(
            try store.settings()
                == OrganisationSettings(
                    timeZone: "America/Chicago",
                    calendar: WorkCalendar(workweek: [.monday, .wednesday], holidays: [day("2026-12-25")])))
    }

    @Test("refuses a time zone that does not exist and keeps the old one")
    func badTimeZone() throws {
        let store = try SQLiteStore.inMemory()
        try store.configure(timeZone: "Europe/Berlin", workweek: nil)
        let error = thrownKataError { try store.configure(timeZone: "Mars/Olympus_Mons", workweek: nil) }
        #expect(error?.invalidField == "--time-zone")
        #expect(try store.settings().timeZone == "Europe/Berlin")
    }

    @Test("today is counted in the organisation's time zone")
    func today() {
        // 2026-11-20 23:30 UTC is already Saturday in Berlin (UTC+1) but still Friday in Chicago.
        let instant = Date(timeIntervalSince1970: TimeInterval(20_777 * 86_400 + 23 * 3_600 + 1_800))
        let calendar = WorkCalendar()
        #expect(OrganisationSettings(timeZone: "UTC", calendar: calendar).today(at: instant) == day("2026-11-20"))
        #expect(
            OrganisationSettings(timeZone: "Europe/Berlin", calendar: calendar).today(at: instant) == day("2026-11-21"))
        #expect(
            OrganisationSettings(timeZone: "America/Chicago", calendar: calendar).today(at: instant)
                == day("2026-11-20"))
        // Summer time: 2026-07-01 22:30 UTC is 00:30 on July 2nd in Berlin (UTC+2), 23:30 in London.
        let summer = Date(timeIntervalSince1970: TimeInterval(20_635 * 86_400 + 22 * 3_600 + 1_800))
        #expect(OrganisationSettings(timeZone: "UTC", calendar: calendar).today(at: summer) == day("2026-07-01"))
        #expect(
            OrganisationSettings(timeZone: "Europe/Berlin", calendar: calendar).today(at: summer) == day("2026-07-02"))
        #expect(
            OrganisationSettings(timeZone: "Europe/London", calendar: calendar).today(at: summer) == day("2026-07-01"))
        // Before 1970 the days count down, not towards zero.
        let early = Date(timeIntervalSince1970: -3_600)
        #expect(OrganisationSettings(timeZone: "UTC", calendar: calendar).today(at: early) == day("1969-12-31"))
    }
}
