import Foundation
import ImprovementKata

// The seam's request and result types on the wire: synthesized where their names are the
// interchange names, by hand where the wire differs (defaults, `null` that clears, sorted sets).

extension InterchangeKind: CodingKeyRepresentable {}

extension OrganisationSettings: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case timeZone, workweek, holidays }

    /// The workweek as ISO weekday numbers (1 Monday … 7 Sunday), holidays sorted.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(calendar.workweek.sorted(), forKey: .workweek)
        try c.encode(calendar.holidays.sorted(), forKey: .holidays)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timeZone: try c.decode(String.self, forKey: .timeZone),
            calendar: WorkCalendar(
                workweek: Set(try c.decode([Weekday].self, forKey: .workweek)),
                holidays: Set(try c.decodeIfPresent([Day].self, forKey: .holidays) ?? [])))
    }
}

extension SettingsChange: Codable {
    /// The fields of `PATCH /api/v1/settings`.
    public enum CodingKeys: String, CodingKey, CaseIterable { case timeZone, workweek, addHolidays, removeHolidays }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(timeZone, forKey: .timeZone)
        try c.encodeIfPresent(workweek?.sorted(), forKey: .workweek)
        if !addHolidays.isEmpty { try c.encode(addHolidays, forKey: .addHolidays) }
        if !removeHolidays.isEmpty { try c.encode(removeHolidays, forKey: .removeHolidays) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone),
            workweek: try c.decodeIfPresent([Weekday].self, forKey: .workweek).map(Set.init),
            addHolidays: try c.decodeIfPresent([Day].self, forKey: .addHolidays) ?? [],
            removeHolidays: try c.decodeIfPresent([Day].self, forKey: .removeHolidays) ?? [])
    }
}

extension PersonChange {
    /// The fields of `PATCH /api/v1/people/{handle}` (whose handle is the path's).
    public enum CodingKeys: String, CodingKey, CaseIterable { case handle, name, unit, reportsTo, email, active }

    /// `reportsTo: null` clears the manager; leaving it out keeps them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(unit, forKey: .unit)
        switch reportsTo {
        case .none: break
        case .some(.none): try c.encodeNil(forKey: .reportsTo)
        case let .some(.some(manager)): try c.encode(manager, forKey: .reportsTo)
        }
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(active, forKey: .active)
    }

    /// The handle comes from the body, else from the decoder's defaults (the path of the request).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let handle: Handle
        if let named = try c.decodeIfPresent(Handle.self, forKey: .handle) {
            handle = named
        } else if let path = Wire.Defaults.of(decoder)?.handle {
            handle = path
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.handle, .init(codingPath: c.codingPath, debugDescription: "handle is required"))
        }
        var reportsTo: Handle?? = nil
        if c.contains(.reportsTo) {
            reportsTo = .some(try c.decodeNil(forKey: .reportsTo) ? nil : try c.decode(Handle.self, forKey: .reportsTo))
        }
        self.init(
            handle: handle, name: try c.decodeIfPresent(String.self, forKey: .name),
            unit: try c.decodeIfPresent(String.self, forKey: .unit), reportsTo: reportsTo,
            email: try c.decodeIfPresent(String.self, forKey: .email),
            active: try c.decodeIfPresent(Bool.self, forKey: .active))
    }
}
