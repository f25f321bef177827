import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// The full id of the record of `kind` whose id starts with `prefix` (at least 4 characters,
    /// as shown by listings), so that nobody has to type a whole UUID.
    public func resolve(_ kind: RecordKind, _ prefix: String) throws -> UUID {
        try read { db in try resolve(kind, prefix, db) }
    }

    /// The same, inside a read or write of `db`, among the records of `kind` the caller may see.
    func resolve(_ kind: RecordKind, _ prefix: String, _ db: Database) throws -> UUID {
        let lower = prefix.trimmed.lowercased()
        let hex = lower.filter { $0 != "-" }
        guard hex.count >= 4, hex.allSatisfy(\.isHexDigit), lower.count <= 36 else {
            throw KataError.invalidValue(
                field: "\(kind.noun) id", value: prefix,
                expected: "an id or its first characters (at least 4) as shown by '\(kind.listCommand)'")
        }
        // A range scan on the primary key: ids are lower-case text.
        let (sql, arguments) = scoped(
            "SELECT id FROM \(kind.table) WHERE id >= ?1 AND id < ?2 /*scope*/ LIMIT 6", [lower, lower + "\u{7f}"]
        ) { AccessScope.record(kind, $0) }
        let matches = try String.fetchAll(db, sql: sql, arguments: arguments)
        guard let first = matches.first else {
            throw KataError.unknown(kind: kind.noun, reference: prefix, hint: "See '\(kind.listCommand)' for the ids.")
        }
        guard matches.count == 1 else {
            throw KataError.ambiguous(kind: kind.noun, prefix: prefix, matches: matches.map { String($0.prefix(13)) })
        }
        guard let id = UUID(uuidString: first) else {
            throw KataError.unusableDatabase("the database holds an invalid id; run 'kata check'.")
        }
        return id
    }

    /// Throws `KataError.unknown` unless a person with `handle` exists; `role` names them.
    static func requirePerson(_ handle: Handle, as role: String, _ db: Database) throws {
        let exists =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM person WHERE handle = ?)"), arguments: [handle])
            ?? false
        guard exists else {
            throw try unknownPerson(
                handle, as: role,
                otherwise: "Add them with 'kata person add \(handle) --name \"…\"', or see 'kata person list'.",
                db)
        }
    }

    /// The error for a handle nobody has: it names the nearest handles ("did you mean bo (Bo
    /// Chen)?"), or gives `hint` when no handle is near (so adding the person is suggested only then).
    public func unknownPerson(_ handle: Handle, as role: String, otherwise hint: String = "See 'kata person list'.")
        throws -> KataError
    {
        try read { db in try SQLiteStore.unknownPerson(handle, as: role, otherwise: hint, db) }
    }

    /// The same, inside a read or write of `db`.
    public static func unknownPerson(
        _ handle: Handle, as role: String, otherwise hint: String = "See 'kata person list'.", _ db: Database
    ) throws -> KataError {
        let people = try Row.fetchAll(db, sql: "SELECT handle, name FROM person").compactMap {
            row -> (handle: Handle, name: String)? in
            guard let other = try? Handle(validating: row["handle"]) else { return nil }
            return (other, row["name"])
        }
        return KataError.unknownPerson(handle, as: role, among: people, otherwise: hint)
    }
}
