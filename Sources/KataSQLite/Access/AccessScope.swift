import Foundation
import GRDB
import ImprovementKata
import KataStore

/// What a signed-in account may see, as SQL (DESIGN §10.3): each read of an account caller adds one
/// of these predicates to its WHERE clause, so a record outside the scope is never fetched.
///
/// The owner of a file, lean staff and admins read everything and get no predicate at all, so their
/// queries stay exactly as they are. Every predicate takes the caller's handle as the SQL parameter
/// `me` (such as `?5`), which may appear several times.
struct AccessScope: Sendable {
    let handle: Handle

    /// The people below `me` in the reporting line, at any depth (a subquery).
    static func below(_ me: String) -> String {
        """
        (WITH RECURSIVE below(handle) AS (
            SELECT handle FROM person WHERE reportsTo = \(me)
            UNION SELECT person.handle FROM person JOIN below ON person.reportsTo = below.handle)
        SELECT handle FROM below)
        """
    }

    /// The coaches `me` is or was 2nd coach of (a subquery).
    static func secondCoached(_ me: String) -> String {
        "(SELECT coach FROM pairing WHERE secondCoach = \(me))"
    }

    /// Whether the coach in `column` is one whose practice `me` sees: `me`, a coach `me` 2nd-coaches,
    /// or someone below `me`.
    static func practiceCoach(_ column: String, _ me: String) -> String {
        "(\(column) = \(me) OR \(column) IN \(secondCoached(me)) OR \(column) IN \(below(me)))"
    }

    /// Whether the cycle `cycle` (a table name or alias) is visible to `me`: one they ran, were
    /// coached in or were 2nd coach at; one of their learner's (a current pairing, or a past one on
    /// the days it ran); or one of a coach they 2nd-coach.
    static func cycle(_ cycle: String, _ me: String) -> String {
        """
        (\(cycle).coach = \(me) OR \(cycle).learner = \(me) OR \(cycle).secondCoach = \(me)
            OR EXISTS (SELECT 1 FROM pairing pa WHERE pa.coach = \(me) AND pa.learner = \(cycle).learner
                AND (pa.until IS NULL OR \(cycle).date BETWEEN pa.since AND pa.until))
            OR \(cycle).coach IN \(secondCoached(me)))
        """
    }

    /// Whether the target condition `target` (a table name or alias) is visible to `me`: their own
    /// as learner, or one of a learner they coach (or coached, set before the pairing ended).
    static func target(_ target: String, _ me: String) -> String {
        """
        (\(target).learner = \(me)
            OR EXISTS (SELECT 1 FROM pairing pa WHERE pa.coach = \(me) AND pa.learner = \(target).learner
                AND (pa.until IS NULL OR \(target).createdOn <= pa.until)))
        """
    }

    /// Whether the record in `table` that belongs to a target condition through its `target` column
    /// is visible to `me`.
    static func ofTarget(_ table: String, _ me: String) -> String {
        "EXISTS (SELECT 1 FROM target vt WHERE vt.id = \(table).target AND \(target("vt", me)))"
    }

    /// Whether the pairing `pairing` is visible to `me`: its coach, learner and 2nd coach, and the
    /// managers above its coach.
    static func pairing(_ pairing: String, _ me: String) -> String {
        """
        (\(pairing).coach = \(me) OR \(pairing).learner = \(me) OR \(pairing).secondCoach = \(me)
            OR \(pairing).coach IN \(below(me)))
        """
    }

    /// Whether the observation `observation` is visible to `me`: of them, by them, or of a coach
    /// they 2nd-coach.
    static func observation(_ observation: String, _ me: String) -> String {
        """
        (\(observation).coach = \(me) OR \(observation).secondCoach = \(me)
            OR \(observation).coach IN \(secondCoached(me)))
        """
    }

    /// Whether the escalation `escalation` is visible to `me`: asked of them or of someone below
    /// them, or of an obstacle they see (their own, a learner's they coach) or of a learner below them.
    static func escalation(_ escalation: String, _ me: String) -> String {
        """
        (\(escalation).decider = \(me) OR \(escalation).decider IN \(below(me))
            OR EXISTS (SELECT 1 FROM obstacle vo JOIN target vt ON vt.id = vo.target
                WHERE vo.id = \(escalation).obstacle AND (\(target("vt", me)) OR vt.learner IN \(below(me)))))
        """
    }

    /// The predicate for a record of `kind` in its own table.
    static func record(_ kind: RecordKind, _ me: String) -> String {
        switch kind {
        case .pairing: return pairing(kind.table, me)
        case .challenge: return "1"
        case .target: return target(kind.table, me)
        case .condition, .obstacle, .experiment: return ofTarget(kind.table, me)
        case .cycle: return cycle(kind.table, me)
        case .observation: return observation(kind.table, me)
        case .escalation: return escalation(kind.table, me)
        }
    }
}

extension SQLiteStore {
    /// The scope the reads of this store are limited to: nil for the owner of the file, lean staff
    /// and admins, who read across the organisation (DESIGN §10.3).
    var readScope: AccessScope? { caller.readScope.map(AccessScope.init(handle:)) }

    /// The handle whose practice scope limits practice reports and review packets, or nil when
    /// they cover the organisation (the owner, lean staff, admins).
    public var practiceScope: Handle? { readScope?.handle }

    /// The SQL condition that limits the coach in `column` to those of `practiceScope`, whose
    /// handle is the named parameter `:caller`.
    public static func practiceScopeSQL(_ column: String) -> String {
        AccessScope.practiceCoach(column, ":caller")
    }

    /// `sql` with its `/*scope*/` mark replaced by `AND` the read scope's predicate made by
    /// `predicate` (given the parameter that holds the caller's handle, `?N` after `values`), and
    /// the arguments with that handle; both as they are when the caller reads everything.
    func scoped(
        _ sql: String, _ values: [(any DatabaseValueConvertible)?], _ predicate: (String) -> String
    ) -> (sql: String, arguments: StatementArguments) {
        guard let scope = readScope else { return (sql, StatementArguments(values)) }
        let parameter = "?\(values.count + 1)"
        return (
            sql.replacingOccurrences(of: "/*scope*/", with: " AND " + predicate(parameter)),
            StatementArguments(values + [scope.handle])
        )
    }
}
