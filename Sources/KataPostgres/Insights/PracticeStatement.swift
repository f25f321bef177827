import ImprovementKata
import KataStore
import PostgresNIO

/// The SQL of a practice or review query with its parameters, numbered as they are bound: a
/// parameter is bound only where the text uses it, so PostgreSQL never meets one it cannot type.
///
/// ```swift
/// var statement = PracticeStatement(period: period, filter: filter, scope: nil)
/// let query = statement.query("SELECT count(*) FROM cycle WHERE date BETWEEN \(statement.from) AND \(statement.to)")
/// ```
struct PracticeStatement {
    private(set) var binds = PostgresBindings()
    /// The placeholders of the period's first and last day (`$1::date`, `$2::date`).
    let from: String
    let to: String
    private let filter: PracticeFilter
    private let scope: Handle?

    init(period: Period, filter: PracticeFilter = PracticeFilter(), scope: Handle? = nil) {
        self.filter = filter
        self.scope = scope
        binds.append(period.from.description)
        binds.append(period.to.description)
        from = "$1::date"
        to = "$2::date"
    }

    /// Binds `text` and returns its placeholder.
    mutating func bind(_ text: String) -> String {
        binds.append(text)
        return "$\(binds.count)::text"
    }

    /// The filter's condition on the `person` row aliased `p`, limited to the coaches in the
    /// caller's practice scope when there is one (the SQLite store's `PracticeFilter.sql`).
    mutating func condition() -> String {
        var terms: [String] = []
        if let coach = filter.coach { terms.append("p.handle = \(bind(coach.rawValue))") }
        if let unit = filter.unit { terms.append("p.unit = \(bind(unit))") }
        if let secondCoach = filter.secondCoach {
            terms.append(
                """
                p.handle IN (SELECT coach FROM pairing WHERE second_coach = \(bind(secondCoach.rawValue))
                    AND since <= \(to) AND (until IS NULL OR until >= \(from)))
                """)
        }
        if let scope { terms.append(AccessScope.practiceCoach("p.handle", bind(scope.rawValue))) }
        return terms.isEmpty ? "true" : terms.joined(separator: " AND ")
    }

    /// `sql` with the parameters bound so far.
    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
