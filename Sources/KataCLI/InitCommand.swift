import ArgumentParser
import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore

struct InitCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database, or change its time zone, workweek and holidays.",
        discussion: """
            Safe to run again: an existing database keeps its data, and only the settings given change. \
            With --database URL it makes (or brings up to date) the tables of a PostgreSQL database.

            Examples:
              kata init
              kata init --time-zone Europe/Berlin --workweek mon-fri
              kata init --holiday 2026-12-24 --holiday 2026-12-25
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        parsing: .unconditional,
        help: "The organisation's time zone, in which dates are counted (default: this computer's).")
    var timeZone: String?

    @Option(
        parsing: .unconditional,
        help: "The working days, such as mon-fri or mon,tue,wed,thu,fri,sat (default: mon-fri).")
    var workweek: String?

    @Option(
        name: .customLong("holiday"), parsing: .unconditionalSingleValue,
        help: "A day off in the workweek (repeatable).")
    var holidays: [DayArgument] = []

    @Option(
        name: .customLong("remove-holiday"), parsing: .unconditionalSingleValue,
        help: "Take a day off the holiday list (repeatable).")
    var removedHolidays: [DayArgument] = []

    func run(in context: CommandContext) async throws {
        let workweekDays = try workweek.map(WorkCalendar.parseWorkweek)
        if let postgres = try await global.postgresStore(context) {
            let today = try await context.today(postgres)
            try await postgres.configure(
                SettingsChange(
                    timeZone: timeZone, workweek: workweekDays,
                    addHolidays: try holidays.map { try $0.day(today: today, field: "--holiday") },
                    removeHolidays: try removedHolidays.map { try $0.day(today: today, field: "--remove-holiday") }))
            context.output.line("Database \(postgres.location) is ready.")
            describe(try await postgres.settings(), to: context.output)
            return
        }
        let path = context.databasePath(global.database)
        let existed = FileManager.default.fileExists(atPath: path)
        let store = try global.openFile(context, create: true)
        let today = try await context.today(store)
        let added = try holidays.map { try $0.day(today: today, field: "--holiday") }
        let removed = try removedHolidays.map { try $0.day(today: today, field: "--remove-holiday") }
        try store.configure(timeZone: timeZone, workweek: workweekDays, addHolidays: added, removeHolidays: removed)
        let settings = try store.settings()
        context.output.line(existed ? "Database \(path) is ready." : "Created \(path).")
        describe(settings, to: context.output)
        if !existed {
            context.output.line("Next: add people with 'kata person add HANDLE --name \"Full Name\"'.")
        }
    }

    private func describe(_ settings: OrganisationSettings, to output: OutputStream) {
        output.line(
            "Time zone \(settings.timeZone); workweek \(WorkCalendar.describe(settings.calendar.workweek)); "
                + "\(settings.calendar.holidays.count) holiday(s).")
    }
}
