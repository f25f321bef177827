import Foundation
import ImprovementKata
import KataStore

/// A `setting` line (the organisation's calendar): `key`* (`timeZone` or `workweek`), `value`*.
public struct SettingRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["key", "value"]
    /// The settings the format carries.
    public static let keys = ["timeZone", "workweek"]

    public var key: String
    public var value: String

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a setting")
        key = try fields.text("key")
        value = try fields.text("value")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.setting.rawValue, "kind")
        try fields.put(key, "key")
        try fields.put(value, "value")
    }

    static let allowed = Set(fields + ["kind"])

    /// Checks the key and the value: an IANA time zone, a workweek such as `mon-fri`.
    package func validated() throws -> SettingRecord {
        switch key {
        case "timeZone":
            try WorkCalendar.requireTimeZone(value, field: "value")
        case "workweek":
            _ = try WorkCalendar.parseWorkweek(value)
        default:
            throw KataError.invalidValue(field: "key", value: key, expected: Self.keys.joined(separator: " or "))
        }
        return self
    }
}

/// A `holiday` line: `date`*, `name`.
public struct HolidayRecord: Codable, Hashable, Sendable {
    /// The JSON property names after `kind`, in the order an export writes them.
    public static let fields = ["date", "name"]

    public var date: Day
    public var name: String?

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.fields(only: Self.allowed, of: "a holiday")
        date = try fields.day("date")
        name = try fields.optionalText("name")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.put(InterchangeKind.holiday.rawValue, "kind")
        try fields.put(date, "date")
        try fields.put(name, "name")
    }

    static let allowed = Set(fields + ["kind"])
}
