-- kata schema on PostgreSQL, migration 0002: escalations (DESIGN §11.1), the same record and rules
-- as SQLite's migration 0004.
-- Shipped migrations are never edited; add a new numbered file instead (and list it in
-- PostgresSchema.swift).
-- What the decider was told is fixed: loss, basis and told-on can be set once (from nothing) and
-- never changed, the rest never changes; events are appended, never rewritten; status is the
-- action of the last event ('open' before any and after a re-opening), kept on the row for the
-- partial unique index of one live escalation per obstacle.

CREATE TABLE escalation (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    obstacle uuid NOT NULL REFERENCES obstacle (id) DEFERRABLE INITIALLY DEFERRED,
    decider kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    cause_unit kata_words,
    affected_unit kata_words,
    loss_per_week double precision CHECK (loss_per_week IS NULL OR (loss_per_week > 0 AND loss_per_week < 'Infinity')),
    loss_unit kata_words CHECK (loss_unit IS NULL OR (length(loss_unit) <= 20 AND strpos(loss_unit, '/') = 0)),
    basis kata_words,
    fix kata_words,
    fix_cost text CHECK (fix_cost IS NULL OR fix_cost IN ('none', 'operating', 'capital')),
    told_on date NOT NULL,
    told_how kata_words,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'deferred', 'resolved')),
    CHECK ((loss_per_week IS NULL) = (loss_unit IS NULL))
);

-- One live escalation (its loss still running) per obstacle.
CREATE UNIQUE INDEX escalation_one_live ON escalation (obstacle) WHERE status IN ('open', 'accepted', 'deferred');
CREATE INDEX escalation_decider ON escalation (decider, told_on);

CREATE FUNCTION kata_escalation_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'kata: an escalation is resolved or declined, never deleted' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.obstacle IS DISTINCT FROM OLD.obstacle
        OR NEW.decider IS DISTINCT FROM OLD.decider OR NEW.cause_unit IS DISTINCT FROM OLD.cause_unit
        OR NEW.affected_unit IS DISTINCT FROM OLD.affected_unit OR NEW.fix IS DISTINCT FROM OLD.fix
        OR NEW.fix_cost IS DISTINCT FROM OLD.fix_cost OR NEW.told_on IS DISTINCT FROM OLD.told_on
        OR NEW.told_how IS DISTINCT FROM OLD.told_how
        OR (OLD.loss_per_week IS NOT NULL AND (NEW.loss_per_week IS DISTINCT FROM OLD.loss_per_week
            OR NEW.loss_unit IS DISTINCT FROM OLD.loss_unit))
        OR (OLD.basis IS NOT NULL AND NEW.basis IS DISTINCT FROM OLD.basis) THEN
        RAISE EXCEPTION 'kata: what the decider was told is fixed once set' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER escalation_content_is_fixed BEFORE UPDATE OR DELETE ON escalation
    FOR EACH ROW EXECUTE FUNCTION kata_escalation_is_fixed();

-- The dated events of an escalation, in order (position 0, 1, …).
CREATE TABLE escalation_event (
    escalation uuid NOT NULL REFERENCES escalation (id) DEFERRABLE INITIALLY DEFERRED,
    position integer NOT NULL CHECK (position >= 0),
    date date NOT NULL,
    action text NOT NULL CHECK (action IN ('accepted', 'declined', 'deferred', 'resolved', 'reopened')),
    reason kata_words,
    review_by date CHECK (review_by IS NULL OR review_by >= date),
    verified_on date CHECK (verified_on IS NULL OR verified_on >= date),
    CHECK (action <> 'declined' OR reason IS NOT NULL),
    CHECK (review_by IS NULL OR action = 'deferred'),
    CHECK (verified_on IS NULL OR action = 'resolved'),
    PRIMARY KEY (escalation, position)
);

CREATE FUNCTION kata_escalation_event_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.date < (SELECT told_on FROM escalation WHERE id = NEW.escalation)
        OR NEW.date < (SELECT max(date) FROM escalation_event WHERE escalation = NEW.escalation) THEN
        RAISE EXCEPTION 'kata: an escalation''s events are dated from the day the decider was told, in order'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER escalation_event_in_order BEFORE INSERT ON escalation_event
    FOR EACH ROW EXECUTE FUNCTION kata_escalation_event_in_order();
CREATE TRIGGER escalation_event_append_only BEFORE UPDATE OR DELETE ON escalation_event
    FOR EACH ROW EXECUTE FUNCTION kata_append_only('an escalation''s events are appended, never rewritten');
CREATE TRIGGER escalation_event_never_emptied BEFORE TRUNCATE ON escalation_event
    FOR EACH STATEMENT EXECUTE FUNCTION kata_append_only('an escalation''s events are appended, never rewritten');
