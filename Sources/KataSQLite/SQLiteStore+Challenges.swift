import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Adds a challenge; refuses an unknown owner or parent.
    public func addChallenge(_ challenge: Challenge) throws {
        if let account, account.roles.isDisjoint(with: [.lean, .admin]) {
            throw KataError.forbidden("only lean staff or an admin may add challenges.")
        }
        try write { db in
            if let owner = challenge.owner { try SQLiteStore.requirePerson(owner, as: "owner", db) }
            if let parent = challenge.parent {
                let exists =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM challenge WHERE id = ?)", arguments: [parent.text])
                    ?? false
                guard exists else {
                    throw KataError.unknown(
                        kind: "challenge", reference: parent.text, hint: "See 'kata challenge list'.")
                }
            }
            try challenge.insert(db)
        }
    }

    /// Every challenge, parents before their children, then by title.
    public func challenges() throws -> [Challenge] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM challenge ORDER BY parent IS NOT NULL, title").map(
                Challenge.init(row:))
        }
    }

    /// The challenge with `id`, or nil.
    public func challenge(_ id: UUID) throws -> Challenge? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM challenge WHERE id = ?", arguments: [id.text]).map(
                Challenge.init(row:))
        }
    }
}
