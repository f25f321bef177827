-- kata schema, migration 0002: indexes for coaching the coaches (`kata practice`, DESIGN §6).
-- Shipped migrations are never edited; add a new numbered file instead.

-- Every figure of a coach's practice comes from one range of this index per coach (cycles per
-- day, learners, minutes, planned steps), without touching the table.
CREATE INDEX cycle_practice ON cycle(coach, date, learner, minutes, planned);

-- The planned steps whose prediction is missing: no expectation, or white space alone (the
-- characters with the Unicode White_Space property). Prediction rates count these few instead
-- of looking up every planned step. A query uses this index only with this exact condition.
CREATE INDEX experiment_without_prediction ON experiment(id)
    WHERE trim(coalesce(expected, ''), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196,
        8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) = '';

-- From a planned step to the cycle that planned it, in the order of the index above.
CREATE INDEX cycle_planned ON cycle(planned, date, coach) WHERE planned IS NOT NULL;
