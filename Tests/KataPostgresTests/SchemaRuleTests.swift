import Foundation
import ImprovementKata
import KataPostgres
import KataStore
import KataTestSupport
import PostgresNIO
import Testing

extension PostgresTests {
    /// The kata's rules are in the PostgreSQL database itself (`Schema/PostgreSQL/`): SQL written
    /// straight to the database that breaks one is refused by PostgreSQL, and the same SQL that keeps
    /// it goes through (so each refusal is the rule's, not a typo's).
    @Suite("PostgreSQL refuses what breaks the kata's rules", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct SchemaRuleTests {
        /// ann coaches bo; bo's target condition t1 is active with metric and amendment, t2 is closed;
        /// obstacle o1 of t1 is worked; experiment e1 is closed (its result is in), e2 is open; one audit entry.
        static let organisation = """
            INSERT INTO person (handle, name) VALUES ('ann', 'Ann Lee'), ('bo', 'Bo Chen');
            INSERT INTO pairing (id, coach, learner, since)
                VALUES ('00000000-0000-0000-0000-0000000000a1', 'ann', 'bo', '2026-11-02');
            INSERT INTO target (id, learner, focus_process, condition, achieve_by, created_on)
                VALUES ('00000000-0000-0000-0000-0000000000b1', 'bo', 'Station 4', '52 s', '2026-12-18', '2026-11-02');
            INSERT INTO target (id, learner, focus_process, condition, achieve_by, created_on, status, closed_on)
                VALUES ('00000000-0000-0000-0000-0000000000b2', 'bo', 'Station 5', '40 s', '2026-12-18', '2026-11-02',
                    'achieved', '2026-11-10');
            INSERT INTO target_metric (target, kind, position, name)
                VALUES ('00000000-0000-0000-0000-0000000000b1', 'outcome', 0, 'cycle time');
            INSERT INTO target_amendment (target, position, date, text)
                VALUES ('00000000-0000-0000-0000-0000000000b1', 0, '2026-11-05', 'also at night');
            INSERT INTO obstacle (id, target, text, status, created_on)
                VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', 'Screws run out',
                    'working', '2026-11-02');
            INSERT INTO experiment (id, target, step, expected, planned_on, planned_at, happened, closed_on, closed_at)
                VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 'Stage screws',
                    'No stop', '2026-11-03', '2026-11-03T08:00:00Z', 'One stop', '2026-11-04', '2026-11-04T08:00:00Z');
            INSERT INTO experiment (id, target, step, expected, planned_on, planned_at)
                VALUES ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000b1', 'Kanban',
                    'No stop', '2026-11-05', '2026-11-05T08:00:00Z');
            INSERT INTO account (handle, created) VALUES ('ann', '2026-11-01T08:00:00Z');
            INSERT INTO audit (id, at, account, via, kind, record, action)
                VALUES ('00000000-0000-0000-0000-0000000000e1', '2026-11-01T08:00:00Z', NULL, 'file', 'person', 'ann', 'add');
            """

        /// One rule, broken by `refused` and kept by `accepted` (run after it, on the same data).
        struct Rule: Sendable, CustomStringConvertible {
            let description: String
            let refused: String
            /// The SQLSTATE PostgreSQL answers with.
            let state: String
            /// What the refusal's message says (the kata's own words for the triggers).
            let says: String
            let accepted: String
        }

        static let rules: [Rule] = [
            Rule(
                description: "a person needs a name (NOT NULL)", refused: "INSERT INTO person (handle) VALUES ('cy')",
                state: "23502", says: "name", accepted: "INSERT INTO person (handle, name) VALUES ('cy', 'Cy')"),
            Rule(
                description: "a name is not blank (CHECK)",
                refused: "INSERT INTO person (handle, name) VALUES ('cy', '   ')",
                state: "23514", says: "kata_words", accepted: "INSERT INTO person (handle, name) VALUES ('cy', 'Cy')"),
            Rule(
                description: "a handle is a-z, 0-9, . _ - (CHECK)",
                refused: "INSERT INTO person (handle, name) VALUES ('Cy Young', 'Cy')", state: "23514",
                says: "kata_handle", accepted: "INSERT INTO person (handle, name) VALUES ('cy.young', 'Cy')"),
            Rule(
                description: "a date is a real calendar date",
                refused: "UPDATE target SET closed_on = '2026-02-30' WHERE id = '00000000-0000-0000-0000-0000000000b2'",
                state: "22008", says: "2026-02-30",
                accepted: "INSERT INTO holiday (date) VALUES ('2026-02-28')"),
            Rule(
                description: "nobody coaches themselves (CHECK)",
                refused:
                    "INSERT INTO pairing (id, coach, learner, since) VALUES (gen_random_uuid(), 'ann', 'ann', '2026-11-02')",
                state: "23514", says: "pairing_check",
                accepted:
                    "INSERT INTO pairing (id, coach, learner, since) VALUES (gen_random_uuid(), 'bo', 'ann', '2026-11-02')"
            ),
            Rule(
                description: "a cycle lasts 0 to 1440 minutes (CHECK)",
                refused:
                    "INSERT INTO cycle (id, date, coach, learner, minutes) VALUES (gen_random_uuid(), '2026-11-03', 'ann', 'bo', 1441)",
                state: "23514", says: "minutes",
                accepted:
                    "INSERT INTO cycle (id, date, coach, learner, minutes) VALUES (gen_random_uuid(), '2026-11-03', 'ann', 'bo', 1440)"
            ),
            Rule(
                description: "a cycle's coach exists (foreign key, checked at commit)",
                refused:
                    "BEGIN; INSERT INTO cycle (id, date, coach, learner) VALUES (gen_random_uuid(), '2026-11-03', 'nobody', 'bo'); COMMIT",
                state: "23503", says: "cycle_coach_fkey",
                accepted:
                    "BEGIN; INSERT INTO cycle (id, date, coach, learner) VALUES (gen_random_uuid(), '2026-11-03', 'ann', 'bo'); COMMIT"
            ),
            Rule(
                description: "one active target condition per learner and focus process (partial unique index)",
                refused: """
                    INSERT INTO target (id, learner, focus_process, condition, achieve_by, created_on)
                    VALUES (gen_random_uuid(), 'bo', 'Station 4', '50 s', '2027-01-08', '2026-11-20')
                    """, state: "23505", says: "target_one_active",
                accepted: """
                    INSERT INTO target (id, learner, focus_process, condition, achieve_by, created_on)
                    VALUES (gen_random_uuid(), 'bo', 'Station 5', '38 s', '2027-01-08', '2026-11-20')
                    """),
            Rule(
                description: "one worked obstacle per target condition (partial unique index)",
                refused: """
                    INSERT INTO obstacle (id, target, text, status, created_on) VALUES
                    (gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', 'Wrench shared', 'working', '2026-11-20')
                    """, state: "23505", says: "obstacle_one_working",
                accepted: """
                    INSERT INTO obstacle (id, target, text, status, created_on) VALUES
                    (gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', 'Wrench shared', 'parked', '2026-11-20')
                    """),
            Rule(
                description: "a target condition is amended, never rewritten (trigger)",
                refused: "UPDATE target SET condition = '60 s' WHERE id = '00000000-0000-0000-0000-0000000000b1'",
                state: "23514", says: "kata: a target condition is amended, never rewritten",
                accepted:
                    "UPDATE target SET reflection = 'going well' WHERE id = '00000000-0000-0000-0000-0000000000b1'"),
            Rule(
                description: "a closed target condition stays closed (trigger)",
                refused: """
                    UPDATE target SET status = 'active', closed_on = NULL WHERE id = '00000000-0000-0000-0000-0000000000b2'
                    """, state: "23514", says: "kata: a closed target condition stays closed",
                accepted: """
                    UPDATE target SET status = 'missed', closed_on = '2026-11-20'
                    WHERE id = '00000000-0000-0000-0000-0000000000b1'
                    """),
            Rule(
                description: "a target condition's metrics are append-only (trigger)",
                refused: "UPDATE target_metric SET name = 'lead time'", state: "23514",
                says: "kata: a target condition is amended, never rewritten",
                accepted: """
                    INSERT INTO target_metric (target, kind, position, name)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', 'outcome', 1, 'lead time')
                    """),
            Rule(
                description: "a target condition's amendments are append-only (trigger)",
                refused: "DELETE FROM target_amendment", state: "23514",
                says: "kata: a target condition is amended, never rewritten",
                accepted: """
                    INSERT INTO target_amendment (target, position, date, text)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', 1, '2026-11-06', 'and on Saturdays')
                    """),
            Rule(
                description: "a prediction is fixed once the result is in (trigger)",
                refused:
                    "UPDATE experiment SET expected = 'One stop' WHERE id = '00000000-0000-0000-0000-0000000000d1'",
                state: "23514", says: "kata: a prediction cannot be changed after the result is in",
                accepted:
                    "UPDATE experiment SET expected = 'One stop' WHERE id = '00000000-0000-0000-0000-0000000000d2'"),
            Rule(
                description: "the audit log is append-only (trigger)", refused: "DELETE FROM audit", state: "23514",
                says: "kata: the audit log is append-only",
                accepted: """
                    INSERT INTO audit (id, at, account, via, kind, record, action) VALUES
                    (gen_random_uuid(), '2026-11-02T08:00:00Z', 'ann', 'session', 'person', 'bo', 'add')
                    """),
            Rule(
                description: "the audit log is never emptied (trigger)", refused: "TRUNCATE audit", state: "23514",
                says: "kata: the audit log is append-only",
                accepted: "SELECT count(*) FROM audit"),
            Rule(
                description: "an audit entry without an account was written via the file (CHECK)",
                refused: """
                    INSERT INTO audit (id, at, account, via, kind, record, action) VALUES
                    (gen_random_uuid(), '2026-11-02T08:00:00Z', NULL, 'session', 'person', 'bo', 'add')
                    """, state: "23514", says: "audit_check",
                accepted: """
                    INSERT INTO audit (id, at, account, via, kind, record, action) VALUES
                    (gen_random_uuid(), '2026-11-02T08:00:00Z', NULL, 'file', 'person', 'bo', 'add')
                    """),
        ]

        @Test("each rule is refused through SQL and the same SQL keeping it goes through", arguments: rules)
        func ruleInTheDatabase(_ rule: Rule) async throws {
            try await TestCluster.withDatabase { url in
                // The layout as kata puts it there, then the organisation written straight in SQL.
                try await PostgresStore.connect(url: url, logger: TestCluster.logger).close()
                try await TestCluster.sql(url, Self.organisation)
                let error = try await #require(throws: PSQLError.self) { try await TestCluster.sql(url, rule.refused) }
                let info = try #require(error.serverInfo)
                let said = [info[.message], info[.constraintName], info[.columnName]].compactMap(\.self).joined(
                    separator: " ")
                #expect(info[.sqlState] == rule.state, "\(said)")
                #expect(said.contains(rule.says), "\(said)")
                try await TestCluster.sql(url, rule.accepted)
            }
        }
    }
}

extension PostgresTests {
    /// `kata check` on PostgreSQL: nothing on a sound record, and each record that breaks one of
    /// the kata's rules that no constraint states.
    @Suite("PostgreSQL's check finds what breaks the kata's rules", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct CheckTests {
        @Test("a sound record has no finding; steps and cycles that contradict each other are found")
        func findings() async throws {
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                try await TestCluster.sql(url, SchemaRuleTests.organisation)
                #expect(try await store.check() == [])
                try await TestCluster.sql(
                    url,
                    """
                    INSERT INTO obstacle (id, target, text, created_on) VALUES
                        ('00000000-0000-0000-0000-0000000000c2', '00000000-0000-0000-0000-0000000000b2', 'Elsewhere', '2026-11-02');
                    UPDATE experiment SET obstacle = '00000000-0000-0000-0000-0000000000c2'
                        WHERE id = '00000000-0000-0000-0000-0000000000d2';
                    INSERT INTO cycle (id, date, coach, learner, target, reviewed) VALUES
                        ('00000000-0000-0000-0000-0000000000f1', '2026-11-01', 'ann', 'bo',
                            '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000d1'),
                        ('00000000-0000-0000-0000-0000000000f2', '2026-11-06', 'bo', 'ann',
                            '00000000-0000-0000-0000-0000000000b1', NULL);
                    """)
                #expect(
                    try await store.check() == [
                        Finding(
                            check: "a cycle reviews a step planned before it",
                            detail: "00000000-0000-0000-0000-0000000000f1"),
                        Finding(
                            check: "a cycle's target condition belongs to its learner",
                            detail: "00000000-0000-0000-0000-0000000000f2"),
                        Finding(
                            check: "steps and obstacles belong to the same target condition",
                            detail: "00000000-0000-0000-0000-0000000000d2"),
                    ])
                let coach = store.scoped(to: .account(handle: try Handle(validating: "ann"), roles: []))
                let refusal = try await #require(throws: KataError.self) { try await coach.check() }
                #expect(refusal.description == "only an admin may check the record.")
                await store.close()
            }
        }
    }
}
