import ImprovementKata
import KataStore

/// Works out the chain of coaching (DESIGN §11.2) from what a store fetched: who coached in the
/// window, whose coaching someone above or beside them touched, walks against plans, and per
/// level of the reporting tree how many coaches were touched.
///
/// ```swift
/// let report = try ChainCalculator.report(facts, from: nil, weeks: 4, to: Day("2026-12-04")!)
/// report.levels.map(\.touchedFromAbove)  // touched coaches at each level, from the top
/// ```
public enum ChainCalculator {
    /// The chain from the top (the people who report to no one) or from `from`, over the `weeks`
    /// weeks that end on `to`.
    ///
    /// - Throws: `KataError.unknown` when `from` names nobody.
    public static func report(_ facts: ChainFacts, from: Handle?, weeks: Int, to: Day) throws -> ChainReport {
        let links = ChainLinks(facts)
        let known = Set(facts.people.map(\.handle))
        let roots: [Person]
        if let from {
            guard let person = facts.people.first(where: { $0.handle == from }) else {
                throw KataError.unknownPerson(from, as: "person", among: facts.people)
            }
            roots = [person]
        } else {
            roots = facts.people.filter { person in person.reportsTo.map { !known.contains($0) } ?? true }
                .sorted { $0.handle < $1.handle }
        }
        var levels: [ChainLevel] = []
        var visited = Set<Handle>()
        func node(_ person: Person, depth: Int) -> ChainPerson {
            visited.insert(person.handle)
            let reports = (links.reports[person.handle] ?? []).filter { !visited.contains($0.handle) }
                .map { node($0, depth: depth + 1) }
            let touchedBy = links.touchedBy[person.handle, default: []].subtracting([person.handle]).sorted()
            let isCoach = links.coaches.contains(person.handle)
            while levels.count < depth {
                levels.append(ChainLevel(level: levels.count + 1, coaches: 0, touchedFromAbove: 0))
            }
            if isCoach {
                levels[depth - 1].coaches += 1
                if !touchedBy.isEmpty { levels[depth - 1].touchedFromAbove += 1 }
            }
            return ChainPerson(
                handle: person.handle, name: person.name, coach: isCoach,
                coached: links.coached.contains(person.handle), touchedBy: touchedBy,
                walks: links.walks[person.handle, default: 0],
                walkPlan: links.plans[person.handle].map { $0.expectedWalks(weeks: weeks, to: to) }, reports: reports)
        }
        let tree = roots.map { node($0, depth: 1) }
        return ChainReport(to: to, weeks: weeks, tree: tree, levels: levels)
    }
}

/// The facts indexed by person.
private struct ChainLinks {
    var reports: [Handle: [Person]] = [:]
    var coaches = Set<Handle>()
    var coached = Set<Handle>()
    var touchedBy: [Handle: Set<Handle>] = [:]
    var walks: [Handle: Int] = [:]
    var plans: [Handle: WalkPlan] = [:]

    init(_ facts: ChainFacts) {
        for person in facts.people.sorted(by: { $0.handle < $1.handle }) {
            if let boss = person.reportsTo { reports[boss, default: []].append(person) }
        }
        var coachesOf: [Handle: Set<Handle>] = [:]
        for pairing in facts.pairings {
            coaches.insert(pairing.from)
            coachesOf[pairing.to, default: []].insert(pairing.from)
        }
        for cycle in facts.cycles {
            coaches.insert(cycle.coach)
            coached.insert(cycle.coach)
            coachesOf[cycle.learner, default: []].insert(cycle.coach)
            touchedBy[cycle.learner, default: []].insert(cycle.coach)
            if let second = cycle.secondCoach { touchedBy[cycle.coach, default: []].insert(second) }
        }
        for observation in facts.observations { touchedBy[observation.to, default: []].insert(observation.from) }
        for walk in facts.walks {
            walks[walk.walker, default: 0] += 1
            let walkers = [walk.walker] + (walk.with.map { [$0] } ?? [])
            for learner in walk.learners {
                for coach in coachesOf[learner, default: []] { touchedBy[coach, default: []].formUnion(walkers) }
            }
        }
        for plan in facts.plans { plans[plan.walker] = plan }
    }
}
