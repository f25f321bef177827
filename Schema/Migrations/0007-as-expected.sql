-- kata schema, migration 0007: whether a step's result was what the learner expected (DESIGN §11.4),
-- asked right after "What actually happened?" and stored with the result. Optional; known only once
-- the step is reviewed.
-- Shipped migrations are never edited; add a new numbered file instead.

ALTER TABLE experiment ADD COLUMN asExpected TEXT
    CHECK (asExpected IS NULL OR (asExpected IN ('yes', 'partly', 'no') AND closedOn IS NOT NULL));
