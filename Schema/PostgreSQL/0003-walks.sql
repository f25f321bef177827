-- kata schema on PostgreSQL, migration 0003: the same record as SQLite's migration 0005, leaders'
-- Kata walks to learners' storyboards and each walker's own cadence of walks (DESIGN §11.2).
-- Shipped migrations are never edited; add a new numbered file instead (and list it in
-- PostgresSchema.swift).

CREATE TABLE walk (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    walker kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    date date NOT NULL,
    mode text CHECK (mode IN ('cycle', 'observe', 'go-see')),
    companion kata_handle REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    learned text,
    follow_up text,
    CHECK (companion IS NULL OR companion <> walker)
);

CREATE INDEX walk_date ON walk (date);
CREATE INDEX walk_walker_date ON walk (walker, date);

-- The learners whose storyboards a walk went to, in the order given; never the walker.
CREATE TABLE walk_learner (
    walk uuid NOT NULL REFERENCES walk (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    learner kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    position integer NOT NULL CHECK (position >= 0),
    PRIMARY KEY (walk, learner)
);

CREATE INDEX walk_learner_learner ON walk_learner (learner);

-- A walk goes to at least one learner, never to the walker's own storyboard: checked at the end of
-- the transaction, once the walk and its learners are all written.
CREATE FUNCTION kata_check_walk(walk_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM walk w WHERE w.id = walk_id)
        AND NOT EXISTS (SELECT 1 FROM walk_learner l WHERE l.walk = walk_id) THEN
        RAISE EXCEPTION 'kata: a walk goes to at least one learner''s storyboard' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM walk w JOIN walk_learner l ON l.walk = w.id
        WHERE w.id = walk_id AND l.learner = w.walker) THEN
        RAISE EXCEPTION 'kata: a walker cannot walk to their own storyboard' USING ERRCODE = 'check_violation';
    END IF;
END;
$$;

CREATE FUNCTION kata_walk_is_checked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kata_check_walk(NEW.id);
    RETURN NULL;
END;
$$;

CREATE FUNCTION kata_walk_learner_is_checked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kata_check_walk(NEW.walk);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER walk_has_learners AFTER INSERT OR UPDATE ON walk
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kata_walk_is_checked();
CREATE CONSTRAINT TRIGGER walk_learner_is_not_the_walker AFTER INSERT OR UPDATE ON walk_learner
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kata_walk_learner_is_checked();

-- A walker's own cadence: one walk every `every` weeks, since a day.
CREATE TABLE walk_plan (
    walker kata_handle PRIMARY KEY REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    every integer NOT NULL CHECK (every BETWEEN 1 AND 999),
    since date
);
