-- kata schema, migration 0005: leaders' Kata walks to learners' storyboards and each walker's own
-- cadence of walks (DESIGN §11.2).
-- Shipped migrations are never edited; add a new numbered file instead.

-- A walk by `walker` on `date`, optionally with a companion (the lean coach, say).
CREATE TABLE walk (
    id TEXT PRIMARY KEY NOT NULL,
    walker TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    mode TEXT CHECK (mode IS NULL OR mode IN ('cycle', 'observe', 'go-see')),
    companion TEXT REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    learned TEXT,
    followUp TEXT,
    CHECK (companion IS NULL OR companion <> walker)
) STRICT;

CREATE INDEX walk_date ON walk(date);
CREATE INDEX walk_walker_date ON walk(walker, date);

-- The learners whose storyboards a walk went to, in the order given; never the walker.
CREATE TABLE walk_learner (
    walk TEXT NOT NULL REFERENCES walk(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    learner TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (walk, learner)
) STRICT;

CREATE INDEX walk_learner_learner ON walk_learner(learner);

CREATE TRIGGER walk_learner_is_not_the_walker BEFORE INSERT ON walk_learner
WHEN NEW.learner = (SELECT walker FROM walk WHERE id = NEW.walk)
BEGIN
    SELECT RAISE(ABORT, 'kata: a walker cannot walk to their own storyboard');
END;

-- A walker's own cadence: one walk every `every` weeks, since a day.
CREATE TABLE walk_plan (
    walker TEXT PRIMARY KEY NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    every INTEGER NOT NULL CHECK (every BETWEEN 1 AND 999),
    since TEXT CHECK (since IS NULL OR date(since, '+0 days') IS since)
) STRICT;
