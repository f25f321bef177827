import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Sets the time zone to `zone` unless one is set already (by `kata init`), and the default
    /// workweek unless one is set: how `kata demo` prepares a new database, so that its dates do
    /// not depend on the zone of the machine it runs on.
    ///
    /// ```swift
    /// let store = try SQLiteStore.inMemory()
    /// try store.configure(timeZoneUnlessSet: "UTC")
    /// ```
    public func configure(timeZoneUnlessSet zone: String) throws {
        let zoneIsSet = try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = 'timeZone')") ?? false
        }
        try configure(timeZone: zoneIsSet ? nil : zone, workweek: nil)
    }
}
