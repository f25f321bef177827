import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Adds a person; refuses a handle that exists or a manager who does not.
    public func addPerson(_ person: Person) throws {
        try requireAdmin("add people")
        try write { db in
            if try SQLiteStore.fetchPerson(person.handle, db) != nil {
                throw KataError.duplicate(kind: "person", reference: person.handle.rawValue)
            }
            if let manager = person.reportsTo {
                try SQLiteStore.requirePerson(manager, as: "person (--reports-to)", db)
            }
            try person.insert(db)
        }
    }

    /// Changes a person's name, unit, manager, e-mail or active flag; the handle stays.
    public func editPerson(_ handle: Handle, change: (inout Person) throws -> Void) throws -> Person {
        try requireAdmin("change people")
        return try write { db in
            guard var person = try SQLiteStore.fetchPerson(handle, db) else {
                throw try SQLiteStore.unknownPerson(handle, as: "person", db)
            }
            try change(&person)
            person = try Person(
                handle: handle, name: person.name, unit: person.unit, reportsTo: person.reportsTo, email: person.email,
                active: person.active)
            if let manager = person.reportsTo {
                try SQLiteStore.requirePerson(manager, as: "person (--reports-to)", db)
                try SQLiteStore.refuseReportingLoop(person.handle, manager: manager, db)
            }
            try db.execute(
                sql: "UPDATE person SET name = ?, unit = ?, reportsTo = ?, email = ?, active = ? WHERE handle = ?",
                arguments: [person.name, person.unit, person.reportsTo, person.email, person.active, handle])
            return person
        }
    }

    /// The person with `handle`, or nil.
    public func person(_ handle: Handle) throws -> Person? {
        try read { db in try SQLiteStore.fetchPerson(handle, db) }
    }

    /// The person with `handle`; throws `KataError.unknown` naming `role` when there is none.
    public func requiredPerson(_ handle: Handle, as role: String = "person") throws -> Person {
        try read { db in
            guard let person = try SQLiteStore.fetchPerson(handle, db) else {
                throw try SQLiteStore.unknownPerson(handle, as: role, db)
            }
            return person
        }
    }

    /// People, sorted by handle, optionally of one unit.
    public func people(unit: String? = nil) throws -> [Person] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM person WHERE ?1 IS NULL OR unit = ?1 ORDER BY handle", arguments: [unit]
            ).map(Person.init(row:))
        }
    }

    /// Whether anyone reports to `handle`, without reading everyone.
    public func hasReports(_ handle: Handle) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE reportsTo = ?)", arguments: [handle]) ?? false
        }
    }

    static func fetchPerson(_ handle: Handle, _ db: Database) throws -> Person? {
        try Row.fetchOne(db, sql: "SELECT * FROM person WHERE handle = ?", arguments: [handle]).map(Person.init(row:))
    }

    static func refuseReportingLoop(_ handle: Handle, manager: Handle, _ db: Database) throws {
        var current: Handle? = manager
        var seen: Set<Handle> = []
        while let next = current, seen.insert(next).inserted {
            if next == handle {
                throw KataError.ruleBroken(
                    "\(handle) cannot report to \(manager): \(manager) reports to \(handle) already.")
            }
            current = try Handle.fetchOne(db, sql: "SELECT reportsTo FROM person WHERE handle = ?", arguments: [next])
        }
    }
}
