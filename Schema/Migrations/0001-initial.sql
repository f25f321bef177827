-- kata schema, migration 0001: the Improvement Kata and the Coaching Kata.
-- Shipped migrations are never edited; add a new numbered file instead.
-- Dates are calendar dates 'YYYY-MM-DD' in the organisation's time zone; a CHECK rejects
-- impossible ones: date('2026-02-30', '+0 days') is '2026-03-02', not '2026-02-30' (date() without
-- a modifier passes an impossible day through unchanged). Timestamps (…At) are UTC ISO 8601.
-- Foreign keys are deferred to the end of the transaction so that an import may insert
-- records in any order.

CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE holiday (
    date TEXT PRIMARY KEY NOT NULL CHECK (date(date, '+0 days') IS date),
    name TEXT
) STRICT;

CREATE TABLE person (
    handle TEXT PRIMARY KEY NOT NULL
        CHECK (length(handle) BETWEEN 1 AND 64 AND handle NOT GLOB '*[^a-z0-9._-]*'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit TEXT,
    reportsTo TEXT REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    email TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (reportsTo IS NULL OR reportsTo <> handle)
) STRICT;

CREATE INDEX person_unit ON person(unit);

CREATE TABLE pairing (
    id TEXT PRIMARY KEY NOT NULL,
    coach TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    learner TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    secondCoach TEXT REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    since TEXT NOT NULL CHECK (date(since, '+0 days') IS since),
    until TEXT CHECK (until IS NULL OR (date(until, '+0 days') IS until AND until >= since)),
    CHECK (coach <> learner),
    CHECK (secondCoach IS NULL OR (secondCoach <> coach AND secondCoach <> learner))
) STRICT;

CREATE INDEX pairing_coach ON pairing(coach);
CREATE INDEX pairing_learner ON pairing(learner);
CREATE INDEX pairing_second_coach ON pairing(secondCoach);

CREATE TABLE challenge (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT,
    owner TEXT REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    byDate TEXT CHECK (byDate IS NULL OR date(byDate, '+0 days') IS byDate),
    parent TEXT REFERENCES challenge(id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (parent IS NULL OR parent <> id)
) STRICT;

CREATE TABLE target (
    id TEXT PRIMARY KEY NOT NULL,
    learner TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    focusProcess TEXT NOT NULL CHECK (length(trim(focusProcess)) > 0),
    condition TEXT NOT NULL CHECK (length(trim(condition)) > 0),
    achieveBy TEXT NOT NULL CHECK (date(achieveBy, '+0 days') IS achieveBy),
    challenge TEXT REFERENCES challenge(id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'missed', 'dropped')),
    createdOn TEXT NOT NULL CHECK (date(createdOn, '+0 days') IS createdOn),
    closedOn TEXT CHECK (closedOn IS NULL OR date(closedOn, '+0 days') IS closedOn),
    reflection TEXT,
    CHECK ((status = 'active') = (closedOn IS NULL))
) STRICT;

-- At most one active target condition per learner and focus process.
CREATE UNIQUE INDEX target_one_active ON target(learner, focusProcess) WHERE status = 'active';
CREATE INDEX target_challenge ON target(challenge);

-- The target condition's content can be added to, never taken away.
CREATE TRIGGER target_content_is_fixed
BEFORE UPDATE OF learner, focusProcess, condition, achieveBy, createdOn ON target
WHEN NEW.learner IS NOT OLD.learner OR NEW.focusProcess IS NOT OLD.focusProcess
    OR NEW.condition IS NOT OLD.condition OR NEW.achieveBy IS NOT OLD.achieveBy
    OR NEW.createdOn IS NOT OLD.createdOn
BEGIN
    SELECT RAISE(ABORT, 'kata: a target condition is amended, never rewritten');
END;

CREATE TRIGGER target_is_never_reopened
BEFORE UPDATE OF status ON target
WHEN OLD.status <> 'active' AND NEW.status IS NOT OLD.status
BEGIN
    SELECT RAISE(ABORT, 'kata: a closed target condition stays closed');
END;

-- Outcome and process metrics of a target condition, in order. Append-only.
CREATE TABLE target_metric (
    target TEXT NOT NULL REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('outcome', 'process')),
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    goal TEXT,
    unit TEXT,
    PRIMARY KEY (target, kind, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER target_metric_append_only_update BEFORE UPDATE ON target_metric
BEGIN
    SELECT RAISE(ABORT, 'kata: a target condition is amended, never rewritten');
END;

CREATE TRIGGER target_metric_append_only_delete BEFORE DELETE ON target_metric
BEGIN
    SELECT RAISE(ABORT, 'kata: a target condition is amended, never rewritten');
END;

-- Amendments to a target condition's text, in order. Append-only.
CREATE TABLE target_amendment (
    target TEXT NOT NULL REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL CHECK (position >= 0),
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    PRIMARY KEY (target, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER target_amendment_append_only_update BEFORE UPDATE ON target_amendment
BEGIN
    SELECT RAISE(ABORT, 'kata: a target condition is amended, never rewritten');
END;

CREATE TRIGGER target_amendment_append_only_delete BEFORE DELETE ON target_amendment
BEGIN
    SELECT RAISE(ABORT, 'kata: a target condition is amended, never rewritten');
END;

-- Current-condition snapshots. metrics: JSON array of {"name", "value", "unit"}.
CREATE TABLE condition (
    id TEXT PRIMARY KEY NOT NULL,
    target TEXT NOT NULL REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    metrics TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(metrics) AND json_type(metrics) = 'array')
) STRICT;

CREATE INDEX condition_target ON condition(target, date);

CREATE TABLE obstacle (
    id TEXT PRIMARY KEY NOT NULL,
    target TEXT NOT NULL REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    status TEXT NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'working', 'overcome', 'dropped')),
    createdOn TEXT NOT NULL CHECK (date(createdOn, '+0 days') IS createdOn),
    closedOn TEXT CHECK (closedOn IS NULL OR (date(closedOn, '+0 days') IS closedOn AND closedOn >= createdOn)),
    CHECK ((status IN ('overcome', 'dropped')) = (closedOn IS NOT NULL))
) STRICT;

-- Exactly one obstacle per target condition is being worked at a time.
CREATE UNIQUE INDEX obstacle_one_working ON obstacle(target) WHERE status = 'working';

-- One row of the experimenting record (one PDCA cycle). The prediction (expected) is written
-- before the step is taken and cannot change once the result is in; plannedAt and closedAt keep
-- when each was recorded.
CREATE TABLE experiment (
    id TEXT PRIMARY KEY NOT NULL,
    target TEXT NOT NULL REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    obstacle TEXT REFERENCES obstacle(id) DEFERRABLE INITIALLY DEFERRED,
    step TEXT NOT NULL CHECK (length(trim(step)) > 0),
    expected TEXT,
    plannedOn TEXT NOT NULL CHECK (date(plannedOn, '+0 days') IS plannedOn),
    goSee TEXT CHECK (goSee IS NULL OR date(goSee, '+0 days') IS goSee),
    happened TEXT,
    learned TEXT,
    closedOn TEXT CHECK (closedOn IS NULL OR (date(closedOn, '+0 days') IS closedOn AND closedOn >= plannedOn)),
    plannedAt TEXT NOT NULL,
    closedAt TEXT,
    CHECK (closedAt IS NULL OR closedAt >= plannedAt),
    CHECK ((closedOn IS NULL) = (closedAt IS NULL))
) STRICT;

CREATE INDEX experiment_target ON experiment(target, plannedOn);
CREATE INDEX experiment_obstacle ON experiment(obstacle);

CREATE TRIGGER experiment_prediction_is_fixed
BEFORE UPDATE OF expected ON experiment
WHEN OLD.closedAt IS NOT NULL AND NEW.expected IS NOT OLD.expected
BEGIN
    SELECT RAISE(ABORT, 'kata: a prediction cannot be changed after the result is in');
END;

CREATE TABLE cycle (
    id TEXT PRIMARY KEY NOT NULL,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    coach TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    learner TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    secondCoach TEXT REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
    target TEXT REFERENCES target(id) DEFERRABLE INITIALLY DEFERRED,
    actualCondition TEXT,
    obstacle TEXT REFERENCES obstacle(id) DEFERRABLE INITIALLY DEFERRED,
    reviewed TEXT REFERENCES experiment(id) DEFERRABLE INITIALLY DEFERRED,
    planned TEXT REFERENCES experiment(id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (coach <> learner),
    CHECK (secondCoach IS NULL OR (secondCoach <> coach AND secondCoach <> learner))
) STRICT;

CREATE INDEX cycle_coach_date ON cycle(coach, date);
CREATE INDEX cycle_learner_date ON cycle(learner, date);
CREATE INDEX cycle_date ON cycle(date);

CREATE TABLE observation (
    id TEXT PRIMARY KEY NOT NULL,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    secondCoach TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    coach TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    cycle TEXT REFERENCES cycle(id) DEFERRABLE INITIALLY DEFERRED,
    notes TEXT,
    focus TEXT,
    "trigger" TEXT,
    CHECK (secondCoach <> coach)
) STRICT;

CREATE INDEX observation_coach_date ON observation(coach, date);
CREATE INDEX observation_cycle ON observation(cycle);
