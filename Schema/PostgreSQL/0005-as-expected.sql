-- kata schema on PostgreSQL, migration 0005: the same record as SQLite's migration 0007, whether a
-- step's result was what the learner expected (DESIGN §11.4), stored with the result. Optional;
-- known only once the step is reviewed.
-- Shipped migrations are never edited; add a new numbered file instead (and list it in
-- PostgresSchema.swift).

ALTER TABLE experiment ADD COLUMN as_expected text
    CHECK (as_expected IN ('yes', 'partly', 'no')),
    ADD CONSTRAINT experiment_as_expected_with_result CHECK (as_expected IS NULL OR closed_on IS NOT NULL);
