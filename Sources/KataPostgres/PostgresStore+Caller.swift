import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// The signed-in account this store works for, nil for the holder of the database's
    /// credentials (who may do everything, and whose calls check nothing).
    var account: (handle: Handle, roles: Set<Role>)? {
        guard case let .account(handle, roles) = caller else { return nil }
        return (handle, roles)
    }

    /// Refuses anyone but the owner and admins: `what` says what only an admin may do ("add people").
    func requireAdmin(_ what: String) throws { try caller.requireAdmin(what) }

    /// The handle the reads of this store are limited to (DESIGN §10.3): nil for the owner, lean
    /// staff and admins, who read across the organisation.
    var readScope: Handle? { caller.readScope }
}

/// What a signed-in account may see, as SQL (DESIGN §10.3): the same predicates as the SQLite store's.
///
/// Each read of an account caller adds one to its WHERE clause. `me` is the SQL parameter that
/// holds the caller's handle (`$4`), which may appear several times.
enum AccessScope {
    /// The people below `me` in the reporting line, at any depth (a subquery).
    static func below(_ me: String) -> String {
        """
        (WITH RECURSIVE below(handle) AS (
            SELECT handle FROM person WHERE reports_to = \(me)
            UNION SELECT person.handle FROM person JOIN below ON person.reports_to = below.handle)
        SELECT handle FROM below)
        """
    }

    /// The coaches `me` is or was 2nd coach of (a subquery).
    static func secondCoached(_ me: String) -> String {
        "(SELECT coach FROM pairing WHERE second_coach = \(me))"
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
        (\(cycle).coach = \(me) OR \(cycle).learner = \(me) OR \(cycle).second_coach = \(me)
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
                AND (pa.until IS NULL OR \(target).created_on <= pa.until)))
        """
    }

    /// Whether the record in `table` that belongs to a target condition through its `target` column
    /// is visible to `me`.
    static func ofTarget(_ table: String, _ me: String) -> String {
        "EXISTS (SELECT 1 FROM target vt WHERE vt.id = \(table).target AND \(target("vt", me)))"
    }

    /// Whether the observation `observation` is visible to `me`: of them, by them, or of a coach
    /// they 2nd-coach.
    static func observation(_ observation: String, _ me: String) -> String {
        """
        (\(observation).coach = \(me) OR \(observation).second_coach = \(me)
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
        case .pairing: return pairing(kind.rawValue, me)
        case .challenge: return "true"
        case .target: return target(kind.rawValue, me)
        case .condition, .obstacle, .experiment: return ofTarget(kind.rawValue, me)
        case .cycle: return cycle(kind.rawValue, me)
        case .observation: return observation(kind.rawValue, me)
        case .escalation: return escalation(kind.rawValue, me)
        }
    }

    /// Whether the pairing `pairing` is visible to `me`: its coach, learner and 2nd coach, and the
    /// managers above its coach.
    static func pairing(_ pairing: String, _ me: String) -> String {
        """
        (\(pairing).coach = \(me) OR \(pairing).learner = \(me) OR \(pairing).second_coach = \(me)
            OR \(pairing).coach IN \(below(me)))
        """
    }
}

extension PostgresStore {
    /// Refuses an account that is not `learner`'s coach in a pairing in force on `day` (or open,
    /// without a day), unless it is an admin, or `learner` themself when `learnerToo`.
    func requireCoach(
        of learner: Handle, on day: Day? = nil, learnerToo: Bool = false, _ connection: PostgresConnection
    ) async throws {
        guard let account, !account.roles.contains(.admin) else { return }
        if learnerToo && account.handle == learner { return }
        let coaches =
            try await connection.rows(
                """
                SELECT EXISTS (SELECT 1 FROM pairing WHERE coach = \(account.handle.rawValue) AND learner = \(learner.rawValue)
                    AND CASE WHEN \(day?.description)::date IS NULL THEN until IS NULL
                        ELSE since <= \(day?.description)::date AND (until IS NULL OR until >= \(day?.description)::date) END)
                """, pool.logger
            ).first?.decode(Bool.self) ?? false
        guard coaches else { throw KataError.forbidden("you do not coach \(learner).") }
    }

    /// Throws `KataError.unknown` (as for a record that does not exist) unless the record of
    /// `kind` with `id` is visible to the caller; free for those who read everything.
    func requireVisible(_ kind: RecordKind, _ id: UUID, _ connection: PostgresConnection) async throws {
        guard let me = readScope else { return }
        var query = PostgresQuery(
            unsafeSQL:
                "SELECT EXISTS (SELECT 1 FROM \(kind.rawValue) WHERE id = $1 AND \(AccessScope.record(kind, "$2")))")
        query.binds.append(id)
        query.binds.append(me.rawValue)
        guard try await connection.rows(query, pool.logger).first?.decode(Bool.self) == true else {
            throw KataError.unknown(
                kind: kind.noun, reference: id.uuidString.lowercased(), hint: "See '\(kind.listCommand)'.")
        }
    }
}
