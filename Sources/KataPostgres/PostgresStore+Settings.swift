import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// The organisation's settings; defaults (system time zone, Monday to Friday) where unset.
    public func settings() async throws -> OrganisationSettings {
        try await read { connection in try await PostgresStore.settings(connection, pool.logger) }
    }

    static func settings(_ connection: PostgresConnection, _ logger: Logger) async throws -> OrganisationSettings {
        var values: [String: String] = [:]
        for row in try await connection.rows("SELECT key, value FROM setting", logger) {
            let (key, value) = try row.decode((String, String).self)
            values[key] = value
        }
        let workweek = try values["workweek"].map(WorkCalendar.parseWorkweek) ?? WorkCalendar.mondayToFriday
        var holidays: Set<Day> = []
        for row in try await connection.rows("SELECT date::text FROM holiday", logger) {
            holidays.insert(try Column.day(row.decode(String.self), "holiday.date"))
        }
        return OrganisationSettings(
            timeZone: values["timeZone"] ?? TimeZone.current.identifier,
            calendar: WorkCalendar(workweek: workweek, holidays: holidays))
    }

    /// Sets up a new database's settings, or changes the given ones; settings not given keep their
    /// value, and a new database gets the system time zone and a Monday-to-Friday workweek.
    public func configure(_ change: SettingsChange) async throws {
        try requireAdmin("change the settings")
        if let timeZone = change.timeZone { try WorkCalendar.requireTimeZone(timeZone, field: "--time-zone") }
        if let workweek = change.workweek { try WorkCalendar.requireWorkweek(workweek, field: "workweek") }
        try await write { connection in
            let logger = pool.logger
            func set(_ key: String, _ value: String, onlyIfUnset: Bool) async throws {
                let conflict = onlyIfUnset ? "DO NOTHING" : "DO UPDATE SET value = excluded.value"
                try await connection.query(
                    "INSERT INTO setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) \(unescaped: conflict)",
                    logger: logger)
            }
            try await set(
                "timeZone", change.timeZone ?? TimeZone.current.identifier, onlyIfUnset: change.timeZone == nil)
            try await set(
                "workweek", WorkCalendar.describe(change.workweek ?? WorkCalendar.mondayToFriday),
                onlyIfUnset: change.workweek == nil)
            for day in change.addHolidays {
                try await connection.query(
                    "INSERT INTO holiday (date) VALUES (\(day.description)::date) ON CONFLICT DO NOTHING",
                    logger: logger)
            }
            for day in change.removeHolidays {
                try await connection.query(
                    "DELETE FROM holiday WHERE date = \(day.description)::date", logger: logger)
            }
        }
    }
}
