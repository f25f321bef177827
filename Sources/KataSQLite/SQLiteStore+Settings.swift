import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// The organisation's settings; defaults (system time zone, Monday to Friday) where unset.
    public func settings() throws -> OrganisationSettings {
        try read { db in try SQLiteStore.settings(db) }
    }

    /// `given`, or the day of `now` in the organisation's time zone: the "today" against which a
    /// write checks that what it records has happened.
    static func today(_ given: Day?, at now: Date, _ db: Database) throws -> Day {
        if let given { return given }
        return try settings(db).today(at: now)
    }

    static func settings(_ db: Database) throws -> OrganisationSettings {
        let values = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM setting")).map {
                ($0["key"] as String, $0["value"] as String)
            })
        let workweek = try values["workweek"].map(WorkCalendar.parseWorkweek) ?? WorkCalendar.mondayToFriday
        let holidays = try Set(Day.fetchAll(db.cachedStatement(sql: "SELECT date FROM holiday")))
        return OrganisationSettings(
            timeZone: values["timeZone"] ?? TimeZone.current.identifier,
            calendar: WorkCalendar(workweek: workweek, holidays: holidays))
    }

    /// Sets up a new database's settings, or changes the given ones in an existing database.
    ///
    /// Settings not given keep their value; a new database gets the system time zone and a
    /// Monday-to-Friday workweek.
    public func configure(
        timeZone: String?, workweek: Set<Weekday>?, addHolidays: [Day] = [], removeHolidays: [Day] = []
    )
        throws
    {
        try requireAdmin("change the settings")
        if let timeZone { try WorkCalendar.requireTimeZone(timeZone, field: "--time-zone") }
        if let workweek { try WorkCalendar.requireWorkweek(workweek, field: "workweek") }
        try write { db in
            func set(_ key: String, _ value: String, onlyIfUnset: Bool) throws {
                let verb = onlyIfUnset ? "INSERT OR IGNORE" : "INSERT OR REPLACE"
                try db.execute(sql: "\(verb) INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            try set("timeZone", timeZone ?? TimeZone.current.identifier, onlyIfUnset: timeZone == nil)
            try set(
                "workweek", WorkCalendar.describe(workweek ?? WorkCalendar.mondayToFriday), onlyIfUnset: workweek == nil
            )
            for day in addHolidays {
                try db.execute(sql: "INSERT OR IGNORE INTO holiday (date) VALUES (?)", arguments: [day])
            }
            for day in removeHolidays {
                try db.execute(sql: "DELETE FROM holiday WHERE date = ?", arguments: [day])
            }
        }
    }
}
