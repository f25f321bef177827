import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.interchange)
    }
}

extension Handle: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Handle? {
        String.fromDatabaseValue(dbValue).flatMap { try? Handle(validating: $0) }
    }
}

extension UUID {
    /// The id as stored and shown: lower-case text.
    public var text: String { interchangeText }

    /// The first eight characters, enough to name a record on the command line.
    public var short: String { String(text.prefix(8)) }
}

extension Row {
    /// The UUID stored as text in `column`, nil when the column is NULL.
    func uuid(_ column: String) -> UUID? {
        (self[column] as String?).flatMap(UUID.init(interchange:))
    }

    /// The UUID stored as text in a NOT NULL column.
    func requiredUUID(_ column: String) throws -> UUID {
        guard let id = uuid(column) else {
            throw KataError.unusableDatabase("the database holds an invalid id in \(column); run 'kata check'.")
        }
        return id
    }

    func requiredDay(_ column: String) throws -> Day {
        guard let day = self[column] as Day? else {
            throw KataError.unusableDatabase("the database holds an invalid date in \(column); run 'kata check'.")
        }
        return day
    }

    func requiredHandle(_ column: String) throws -> Handle {
        guard let handle = self[column] as Handle? else {
            throw KataError.unusableDatabase("the database holds an invalid handle in \(column); run 'kata check'.")
        }
        return handle
    }
}
