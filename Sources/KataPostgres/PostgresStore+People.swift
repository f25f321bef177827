import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// Adds a person; refuses a handle that exists or a manager who does not.
    public func addPerson(_ person: Person) async throws {
        try requireAdmin("add people")
        try await write { connection in
            let logger = pool.logger
            if try await PostgresStore.fetchPerson(person.handle, connection, logger) != nil {
                throw KataError.duplicate(kind: "person", reference: person.handle.rawValue)
            }
            if let manager = person.reportsTo {
                try await PostgresStore.requirePerson(manager, as: "person (--reports-to)", connection, logger)
            }
            try await connection.query(
                """
                INSERT INTO person (handle, name, unit, reports_to, email, active)
                VALUES (\(person.handle.rawValue), \(person.name), \(person.unit), \(person.reportsTo?.rawValue),
                    \(person.email), \(person.active))
                """, logger: logger)
        }
    }

    /// Applies `change` to a person (the handle stays) and returns them as they are now; refuses
    /// an unknown manager and a loop in the reporting line.
    public func editPerson(_ change: PersonChange) async throws -> Person {
        try requireAdmin("change people")
        return try await write { connection in
            let logger = pool.logger
            guard let before = try await PostgresStore.fetchPerson(change.handle, connection, logger, forUpdate: true)
            else {
                throw try await PostgresStore.unknownPerson(change.handle, as: "person", connection, logger)
            }
            let person = try change.applied(to: before)
            if let manager = person.reportsTo {
                try await PostgresStore.requirePerson(manager, as: "person (--reports-to)", connection, logger)
                try await PostgresStore.refuseReportingLoop(person.handle, manager: manager, connection, logger)
            }
            try await connection.query(
                """
                UPDATE person SET name = \(person.name), unit = \(person.unit), reports_to = \(person.reportsTo?.rawValue),
                    email = \(person.email), active = \(person.active)
                WHERE handle = \(person.handle.rawValue)
                """, logger: logger)
            return person
        }
    }

    /// The person with `handle`, or nil.
    public func person(_ handle: Handle) async throws -> Person? {
        try await read { connection in try await PostgresStore.fetchPerson(handle, connection, pool.logger) }
    }

    /// People, sorted by handle, optionally of one unit.
    public func people(unit: String?) async throws -> [Person] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT \(unescaped: Person.columns) FROM person WHERE \(unit)::text IS NULL OR unit = \(unit)
                ORDER BY handle
                """, pool.logger
            ).map(Person.init(row:))
        }
    }

    /// Whether anyone reports to `handle`, without reading everyone.
    public func hasReports(_ handle: Handle) async throws -> Bool {
        try await read { connection in
            try await connection.rows(
                "SELECT EXISTS (SELECT 1 FROM person WHERE reports_to = \(handle.rawValue))", pool.logger
            ).first?.decode(Bool.self) ?? false
        }
    }

    static func fetchPerson(
        _ handle: Handle, _ connection: PostgresConnection, _ logger: Logger, forUpdate: Bool = false
    ) async throws -> Person? {
        try await connection.rows(
            """
            SELECT \(unescaped: Person.columns) FROM person WHERE handle = \(handle.rawValue)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger
        ).first.map(Person.init(row:))
    }

    /// Throws `KataError.unknown` unless a person with `handle` exists; `role` names them.
    static func requirePerson(_ handle: Handle, as role: String, _ connection: PostgresConnection, _ logger: Logger)
        async throws
    {
        let exists =
            try await connection.rows(
                "SELECT EXISTS (SELECT 1 FROM person WHERE handle = \(handle.rawValue))", logger
            ).first?.decode(Bool.self) ?? false
        guard exists else {
            throw try await unknownPerson(
                handle, as: role,
                otherwise: "Add them with 'kata person add \(handle) --name \"…\"', or see 'kata person list'.",
                connection, logger)
        }
    }

    /// The error for a handle nobody has: it names the nearest handles ("did you mean bo (Bo
    /// Chen)?"), or gives `hint` when no handle is near.
    static func unknownPerson(
        _ handle: Handle, as role: String, otherwise hint: String = "See 'kata person list'.",
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> KataError {
        var people: [(handle: Handle, name: String)] = []
        for row in try await connection.rows("SELECT handle, name FROM person", logger) {
            let (text, name) = try row.decode((String, String).self)
            if let other = try? Handle(validating: text) { people.append((other, name)) }
        }
        return KataError.unknownPerson(handle, as: role, among: people, otherwise: hint)
    }

    static func refuseReportingLoop(
        _ handle: Handle, manager: Handle, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        // The reporting line above the manager, in one query; a loop already in the data ends it.
        let above =
            try await connection.rows(
                """
                WITH RECURSIVE above(handle, depth) AS (
                    SELECT \(manager.rawValue)::kata_handle, 0
                    UNION ALL SELECT person.reports_to, above.depth + 1 FROM person JOIN above ON person.handle = above.handle
                    WHERE person.reports_to IS NOT NULL AND above.depth < 10000)
                SELECT EXISTS (SELECT 1 FROM above WHERE handle = \(handle.rawValue))
                """, logger
            ).first?.decode(Bool.self) ?? false
        if above {
            throw KataError.ruleBroken(
                "\(handle) cannot report to \(manager): \(manager) reports to \(handle) already.")
        }
    }
}
