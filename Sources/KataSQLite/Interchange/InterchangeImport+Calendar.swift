import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// A setting of the organisation's calendar: taken into a database without records yet,
    /// otherwise it must be the database's own, since the practice figures depend on it.
    func applySetting(_ record: SettingRecord, _ origin: Origin) throws -> Outcome {
        let setting = try checked(origin) { try record.validated() }
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [setting.key])
        if stored == setting.value { return .unchanged }
        guard receivingIsEmpty || stored == nil else {
            let option = setting.key == "timeZone" ? "--time-zone" : "--workweek"
            throw problem(
                origin, field: "value",
                "the file's \(setting.key) is '\(setting.value)', the database's '\(stored ?? "")'; nothing was "
                    + "imported. The figures of a database are counted in one calendar: import into a new database, "
                    + "or, if the file's is right, change the database's first ('kata init \(option) …').")
        }
        _ = try insert(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", [setting.key, setting.value], origin)
        return .added
    }

    /// A holiday of the organisation's calendar: taken into a database without records yet,
    /// otherwise it must be one of the database's holidays, with the same name.
    func applyHoliday(_ holiday: HolidayRecord, _ origin: Origin) throws -> Outcome {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT name FROM holiday WHERE date = ?"),
            arguments: [holiday.date.interchangeText])
        let stored: String?? = row.map { $0[0] }
        if let stored, stored == holiday.name { return .unchanged }
        guard receivingIsEmpty else {
            let named = holiday.name.map { " (\($0))" } ?? ""
            let inDatabase =
                switch stored {
                case nil: "is not a holiday in the database"
                case let name??: "is a holiday called '\(name)' in the database"
                case .some(nil): "is a holiday without a name in the database"
                }
            throw problem(
                origin, field: "date",
                "\(holiday.date)\(named) \(inDatabase); nothing was imported. The figures of a database are counted "
                    + "in one calendar: import into a new database, or make the database's holidays match first "
                    + "('kata init --holiday \(holiday.date)').")
        }
        _ = try insert(
            "INSERT OR REPLACE INTO holiday (date, name) VALUES (?, ?)", [holiday.date.interchangeText, holiday.name],
            origin)
        return .added
    }
}
