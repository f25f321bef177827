import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// A copy of this store that works for `caller`, on the same database connection: a server
    /// makes one per request from the signed-in account.
    public func scoped(to caller: Caller) -> SQLiteStore {
        var copy = self
        copy.caller = caller
        return copy
    }

    /// The signed-in account this store works for, nil for the owner of the file (who may do
    /// everything, and whose calls check nothing).
    var account: (handle: Handle, roles: Set<Role>)? {
        guard case let .account(handle, roles) = caller else { return nil }
        return (handle, roles)
    }

    /// Refuses anyone but the owner and admins: `what` says what only an admin may do ("add people").
    func requireAdmin(_ what: String) throws { try caller.requireAdmin(what) }

    /// Refuses an account that is not `learner`'s coach in a pairing in force on `day` (or open,
    /// without a day), unless it is an admin, or `learner` themself when `learnerToo`.
    func requireCoach(of learner: Handle, on day: Day? = nil, learnerToo: Bool = false, _ db: Database) throws {
        guard let account, !account.roles.contains(.admin) else { return }
        if learnerToo && account.handle == learner { return }
        let coaches =
            try Bool.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = ?1 AND learner = ?2
                            AND CASE WHEN ?3 IS NULL THEN until IS NULL ELSE since <= ?3 AND (until IS NULL OR until >= ?3) END)
                        """), arguments: [account.handle, learner, day]) ?? false
        guard coaches else { throw KataError.forbidden("you do not coach \(learner).") }
    }

    /// Throws `KataError.unknown` (as for a record that does not exist) unless the record of
    /// `kind` with `id` is visible to the caller; free for those who read everything.
    func requireVisible(_ kind: RecordKind, _ id: UUID, _ db: Database) throws {
        guard readScope != nil else { return }
        let (sql, arguments) = scoped(
            "SELECT EXISTS (SELECT 1 FROM \(kind.table) WHERE id = ?1 /*scope*/)", [id.text]
        ) { AccessScope.record(kind, $0) }
        guard try Bool.fetchOne(db, sql: sql, arguments: arguments) == true else {
            throw KataError.unknown(kind: kind.noun, reference: id.text, hint: "See '\(kind.listCommand)'.")
        }
    }
}
