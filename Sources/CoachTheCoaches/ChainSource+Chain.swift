import ImprovementKata
import KataStore

extension ChainSource {
    /// The chain worked out by `ChainCalculator` from this store's facts, for the callers DESIGN
    /// §10.3 lets read it: the owner of a file, lean staff and admins for the organisation, a
    /// manager for their own line (from themselves down).
    ///
    /// - Throws: `KataError.forbidden` for a caller who manages no one and is neither lean nor
    ///   admin; `KataError.unknown` for a `from` nobody has, or outside a manager's line.
    public func chain(_ request: ChainRequest) async throws -> ChainReport {
        guard request.weeks >= 1 else {
            throw KataError.invalidValue(field: "weeks", value: "\(request.weeks)", expected: "1 or more")
        }
        let to: Day
        if let today = request.today { to = today } else { to = try await chainToday() }
        let facts = try await chainFacts(from: request.start(to: to), to: to)
        var from = request.from
        if let me = caller.readScope {
            let line = Self.line(of: me, in: facts.people)
            guard line.count > 1 else {
                throw KataError.forbidden(
                    "only lean staff, admins and managers may read the chain of coaching; no one reports to \(me).")
            }
            if let asked = from, !line.contains(asked) {
                throw KataError.unknownPerson(
                    asked, as: "person", among: facts.people.filter { line.contains($0.handle) })
            }
            from = from ?? me
        }
        return try ChainCalculator.report(facts, from: from, weeks: request.weeks, to: to)
    }

    /// `me` and everyone below them in the reporting line.
    static func line(of me: Handle, in people: [Person]) -> Set<Handle> {
        var reports: [Handle: [Handle]] = [:]
        for person in people { if let boss = person.reportsTo { reports[boss, default: []].append(person.handle) } }
        var line: Set<Handle> = [me]
        var next = [me]
        while let boss = next.popLast() {
            for report in reports[boss, default: []] where line.insert(report).inserted { next.append(report) }
        }
        return line
    }
}
