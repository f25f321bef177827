import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

extension PostgresStore {
    /// What `kata check` finds wrong in the record: the kata's rules, each record that breaks one;
    /// an empty list means all is well.
    ///
    /// The same rules as the SQLite store's check, in its words. References need no check of their
    /// own: PostgreSQL enforces every foreign key at every commit.
    public func check() async throws -> [Finding] {
        try requireAdmin("check the record")
        return try await read { connection in
            var findings: [Finding] = []
            for (rule, sql) in PostgresStore.rules {
                for row in try await connection.rows(PostgresQuery(unsafeSQL: sql), pool.logger) {
                    findings.append(Finding(check: rule, detail: try row.decode(String.self)))
                }
            }
            return findings
        }
    }

    /// Each rule (in SQLite's words) and the query for the records that break it.
    static let rules: [(String, String)] = [
        (
            "one active target condition per learner and focus process",
            """
            SELECT learner || ' / ' || focus_process FROM target WHERE status = 'active'
            GROUP BY learner, focus_process HAVING count(*) > 1 ORDER BY 1
            """
        ),
        (
            "one obstacle worked at a time",
            "SELECT target::text FROM obstacle WHERE status = 'working' GROUP BY target HAVING count(*) > 1 ORDER BY 1"
        ),
        (
            "one open step at a time",
            "SELECT target::text FROM experiment WHERE closed_on IS NULL GROUP BY target HAVING count(*) > 1 ORDER BY 1"
        ),
        (
            "predictions are recorded before results",
            "SELECT id::text FROM experiment WHERE closed_at IS NOT NULL AND closed_at < planned_at ORDER BY 1"
        ),
        (
            "results come after the step is planned",
            "SELECT id::text FROM experiment WHERE closed_on IS NOT NULL AND closed_on < planned_on ORDER BY 1"
        ),
        (
            "a cycle reviews a step planned before it",
            """
            SELECT cycle.id::text FROM cycle JOIN experiment ON experiment.id = cycle.reviewed
            WHERE experiment.planned_on > cycle.date ORDER BY 1
            """
        ),
        (
            "a cycle's target condition belongs to its learner",
            """
            SELECT cycle.id::text FROM cycle JOIN target ON target.id = cycle.target
            WHERE target.learner <> cycle.learner ORDER BY 1
            """
        ),
        (
            "steps and obstacles belong to the same target condition",
            """
            SELECT experiment.id::text FROM experiment JOIN obstacle ON obstacle.id = experiment.obstacle
            WHERE obstacle.target <> experiment.target ORDER BY 1
            """
        ),
    ]
}
