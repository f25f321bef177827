import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// One organisation for the access rules of DESIGN §10.3, written by the owner of the file.
///
/// Carl manages Ann, who coaches Bo (Lena is their 2nd coach) and coached Fay in October; Dan, of
/// another team, coaches Eve and, since November, Fay. Lea is lean staff, Hal is in HR, Ada is an
/// admin. Today is 2026-11-20.
public struct AccessFixture: Sendable {
    public let owner: SQLiteStore
    public let boTarget: TargetCondition
    public let eveTarget: TargetCondition
    /// Fay's target condition of October, set while Ann coached her.
    public let fayOldTarget: TargetCondition
    /// Fay's target condition of November, set after Dan took over.
    public let fayNewTarget: TargetCondition
    public let boObstacle: Obstacle
    public let eveObstacle: Obstacle
    /// Ann's cycles with Bo, oldest first.
    public let annBo: [UUID]
    public let danEve: UUID
    /// Ann's cycle with Fay in October, Dan's with Fay inside Ann's pairing and after it.
    public let annFay: UUID
    public let danFayOctober: UUID
    public let danFayNovember: UUID
    public let lenaOfAnn: Observation
    public let leaOfDan: Observation

    public static let today = day("2026-11-20")
    public static let now = Date(timeIntervalSince1970: 1_795_161_600)  // 2026-11-20T08:00:00Z

    /// The organisation in `store`, or in a new database in memory.
    public init(store: SQLiteStore? = nil) throws {
        let owner = try store ?? SQLiteStore.inMemory()
        self.owner = owner
        try owner.configure(timeZone: "UTC", workweek: WorkCalendar.mondayToFriday)
        let people: [(String, String, String?)] = [
            ("carl", "Carl Ito", nil), ("ann", "Ann Lee", "carl"), ("bo", "Bo Chen", "ann"),
            ("lena", "Lena Berg", nil), ("dan", "Dan Roe", nil), ("eve", "Eve Stone", "dan"),
            ("fay", "Fay Wu", nil), ("lea", "Lea Lean", nil), ("hal", "Hal Hart", nil), ("ada", "Ada Admin", nil),
        ]
        for (who, name, manager) in people {
            try owner.addPerson(
                Person(handle: handle(who), name: name, unit: "Assembly", reportsTo: manager.map(handle)))
        }
        try owner.addPairing(
            Pairing(coach: handle("ann"), learner: handle("bo"), secondCoach: handle("lena"), since: day("2026-11-01")))
        try owner.addPairing(Pairing(coach: handle("dan"), learner: handle("eve"), since: day("2026-11-01")))
        try owner.addPairing(
            Pairing(coach: handle("ann"), learner: handle("fay"), since: day("2026-10-01"), until: day("2026-10-31")))
        try owner.addPairing(Pairing(coach: handle("dan"), learner: handle("fay"), since: day("2026-11-01")))

        func target(_ learner: String, _ focus: String, _ created: String) throws -> TargetCondition {
            let target = try TargetCondition(
                learner: handle(learner), focusProcess: focus, condition: "Changeover in 20 min",
                achieveBy: day("2026-12-18"), createdOn: day(created))
            try owner.addTarget(target)
            return target
        }
        fayOldTarget = try target("fay", "Kitting", "2026-10-05")
        try owner.closeTarget(fayOldTarget.id, as: .dropped, on: day("2026-10-30"), reflection: nil)
        fayNewTarget = try target("fay", "Packing", "2026-11-05")
        boTarget = try target("bo", "Line 3 changeover", "2026-11-02")
        eveTarget = try target("eve", "Paint booth", "2026-11-02")
        for target in [boTarget, eveTarget] {
            try owner.addCondition(
                CurrentCondition(target: target.id, date: day("2026-11-03"), text: "42 min"), at: Self.now)
        }
        boObstacle = try Obstacle(target: boTarget.id, text: "Dies are cold", createdOn: day("2026-11-03"))
        eveObstacle = try Obstacle(target: eveTarget.id, text: "No labels", createdOn: day("2026-11-03"))
        try owner.addObstacle(boObstacle)
        try owner.addObstacle(eveObstacle)

        func log(_ date: String, _ coach: String, _ learner: String) throws -> UUID {
            try owner.logCycle(
                CycleEntry(date: day(date), coach: handle(coach), learner: handle(learner), minutes: 15), at: Self.now
            ).cycle.id
        }
        annBo = [try log("2026-11-16", "ann", "bo"), try log("2026-11-17", "ann", "bo")]
        danEve = try log("2026-11-16", "dan", "eve")
        annFay = try log("2026-10-15", "ann", "fay")
        danFayOctober = try log("2026-10-20", "dan", "fay")
        danFayNovember = try log("2026-11-10", "dan", "fay")
        lenaOfAnn = try Observation(date: day("2026-11-16"), secondCoach: handle("lena"), coach: handle("ann"))
        leaOfDan = try Observation(date: day("2026-11-17"), secondCoach: handle("lea"), coach: handle("dan"))
        try owner.addObservation(lenaOfAnn, at: Self.now)
        try owner.addObservation(leaOfDan, at: Self.now)
    }

    /// The store as `who` sees it.
    public func store(_ who: Who) -> SQLiteStore { owner.scoped(to: who.caller) }

    /// The cycles of `who`, as fixture names, in the order the store lists them (newest first).
    public func cycleNames(_ who: Who) throws -> [String] {
        let names: [UUID: String] = [
            annBo[0]: "ann-bo-16", annBo[1]: "ann-bo-17", danEve: "dan-eve", annFay: "ann-fay",
            danFayOctober: "dan-fay-oct", danFayNovember: "dan-fay-nov",
        ]
        return try store(who).cycles().map { names[$0.id] ?? $0.id.uuidString }
    }
}

/// The kinds of caller the access matrix runs every operation as.
public enum Who: String, CaseIterable, Sendable, CustomStringConvertible {
    case learner, coach, otherCoach, secondCoach, manager, lean, hr, admin, owner

    public var caller: Caller {
        switch self {
        case .learner: return .account(handle: handle("bo"), roles: [])
        case .coach: return .account(handle: handle("ann"), roles: [])
        case .otherCoach: return .account(handle: handle("dan"), roles: [])
        case .secondCoach: return .account(handle: handle("lena"), roles: [])
        case .manager: return .account(handle: handle("carl"), roles: [])
        case .lean: return .account(handle: handle("lea"), roles: [.lean])
        case .hr: return .account(handle: handle("hal"), roles: [.hr])
        case .admin: return .account(handle: handle("ada"), roles: [.admin])
        case .owner: return .owner
        }
    }

    public var description: String { rawValue }
}

/// What an operation answered: "ok" or a description of its value, else the error's kind and message.
public func outcome<T>(_ work: () throws -> T, _ show: (T) -> String = { _ in "ok" }) -> String {
    do {
        return show(try work())
    } catch let error as KataError {
        return "\(error.kind.rawValue): \(error.description)"
    } catch {
        return "unexpected: \(error)"
    }
}
