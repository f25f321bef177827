import Foundation
import GRDB
import ImprovementKata
import KataInterchange
import KataStore

extension InterchangeImport {
    /// Adds a person.
    ///
    /// One whose manager has not come yet is added without them, and the manager is filled in at
    /// the end: people are what everything else refers to, so holding one back would hold back
    /// their whole organisation.
    func applyPerson(_ record: PersonRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        var person = try checked(origin) { try record.value() }
        var laterManager: Handle?
        if let manager = person.reportsTo, try !personExists(manager) { laterManager = manager }
        let inserted = try insert(
            "INSERT INTO person (handle, name, unit, reportsTo, email, active) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (handle) DO NOTHING",
            [
                person.handle.rawValue, person.name, person.unit,
                laterManager == nil ? person.reportsTo?.rawValue : nil, person.email, person.active,
            ], origin)
        if inserted {
            people.insert(person.handle)
            if let laterManager {
                laterManagers[person.handle] = (laterManager, origin.line)
            }
            return .added
        }
        guard var stored = try SQLiteStore.fetchPerson(person.handle, db) else { throw vanished(origin) }
        if stored.reportsTo == nil, let later = laterManagers[stored.handle] { stored.reportsTo = later.manager }
        if record.active == nil { person.active = stored.active }
        return try settle(.person, person.handle.rawValue, stored == person, origin)
    }

    /// Adds a challenge; a parent that has not come yet is filled in at the end, as for people.
    func applyChallenge(_ record: ChallengeRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        let challenge = try checked(origin) { try record.value() }
        if let owner = challenge.owner, try !personExists(owner) {
            return try unresolved(Missing(field: "owner", noun: "person", value: owner.rawValue), origin, replaying)
        }
        var laterParent: UUID?
        if let parent = challenge.parent, try !challengeExists(parent) { laterParent = parent }
        let inserted = try insert(
            "INSERT INTO challenge (id, title, description, owner, byDate, parent) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING",
            [
                challenge.id.interchangeText, challenge.title, challenge.description, challenge.owner?.rawValue,
                challenge.by?.interchangeText, laterParent == nil ? challenge.parent?.interchangeText : nil,
            ], origin)
        if inserted {
            challenges.insert(challenge.id)
            if let laterParent { laterParents[challenge.id] = (laterParent, origin.line) }
            return .added
        }
        var stored = try fetch(Challenge.init(row:), "SELECT * FROM challenge WHERE id = ?", challenge.id, origin)
        if stored.parent == nil, let later = laterParents[stored.id] { stored.parent = later.parent }
        return try settle(.challenge, challenge.id.interchangeText, stored == challenge, origin)
    }

    func applyPairing(_ record: PairingRecord, _ origin: Origin, _ replaying: Bool) throws -> Outcome {
        let pairing = try checked(origin) { try record.value() }
        let people = [("coach", pairing.coach), ("learner", pairing.learner), ("secondCoach", pairing.secondCoach)]
        for (field, person) in people {
            if let person, try !personExists(person) {
                return try unresolved(Missing(field: field, noun: "person", value: person.rawValue), origin, replaying)
            }
        }
        let inserted = try insert(
            "INSERT INTO pairing (id, coach, learner, secondCoach, since, until) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING",
            [
                pairing.id.interchangeText, pairing.coach.rawValue, pairing.learner.rawValue,
                pairing.secondCoach?.rawValue, pairing.since.interchangeText, pairing.until?.interchangeText,
            ], origin)
        if inserted { return .added }
        let stored = try fetch(Pairing.init(row:), "SELECT * FROM pairing WHERE id = ?", pairing.id, origin)
        return try settle(.pairing, pairing.id.interchangeText, stored == pairing, origin)
    }

    /// Fills in the managers and parent challenges that came after the records naming them, and
    /// refuses reporting lines or challenge chains that go round in a loop.
    func fillInLaterReferences() throws {
        for (handle, later) in laterManagers.sorted(by: { $0.value.line < $1.value.line }) {
            let origin = Origin(line: later.line)
            guard try personExists(later.manager) else {
                _ = try unresolved(
                    Missing(field: "reportsTo", noun: "person", value: later.manager.rawValue), origin, true)
                continue
            }
            _ = try insert(
                "UPDATE person SET reportsTo = ? WHERE handle = ?", [later.manager.rawValue, handle.rawValue], origin)
        }
        for (handle, later) in laterManagers.sorted(by: { $0.value.line < $1.value.line }) {
            if let loop = try chain(from: handle.rawValue, "SELECT reportsTo FROM person WHERE handle = ?") {
                throw problem(
                    Origin(line: later.line), field: "reportsTo",
                    "the reporting line \(loop.joined(separator: " → ")) goes round in a loop; someone in it must "
                        + "report to a person outside it, or to nobody.")
            }
        }
        for (id, later) in laterParents.sorted(by: { $0.value.line < $1.value.line }) {
            let origin = Origin(line: later.line)
            guard try challengeExists(later.parent) else {
                _ = try unresolved(
                    Missing(field: "parent", noun: "challenge", value: later.parent.interchangeText), origin, true)
                continue
            }
            _ = try insert(
                "UPDATE challenge SET parent = ? WHERE id = ?", [later.parent.interchangeText, id.interchangeText],
                origin)
        }
        for (id, later) in laterParents.sorted(by: { $0.value.line < $1.value.line }) {
            if let loop = try chain(from: id.interchangeText, "SELECT parent FROM challenge WHERE id = ?") {
                throw problem(
                    Origin(line: later.line), field: "parent",
                    "the challenges \(loop.joined(separator: " → ")) are each other's parents in a loop; one of "
                        + "them must have no parent, or a parent outside the loop.")
            }
        }
    }

    /// The keys from `start` up its chain of managers or parents when the chain comes back to
    /// `start`; nil when it ends.
    private func chain(from start: String, _ sql: String) throws -> [String]? {
        var keys = [start]
        var current = start
        while keys.count <= 10_000, let next = try String.fetchOne(db.cachedStatement(sql: sql), arguments: [current]) {
            keys.append(next)
            if next == start { return keys }
            current = next
        }
        return nil
    }
}
