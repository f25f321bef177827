-- kata schema, migration 0004: escalations (DESIGN §11.1), obstacles taken to someone who can
-- decide what the learner cannot.
-- Shipped migrations are never edited; add a new numbered file instead.
--
-- What the decider was told is fixed: the loss, its basis and the day they were told can be set
-- once (from nothing) and never changed, the rest never changes. A correction is a new escalation
-- after the old one is resolved or declined, never an edit: the figures of the losses view rest
-- on what was said at the time. What happens after is appended to escalation_event, never
-- rewritten; status is the action of the last event ('open' before any, and after a re-opening),
-- kept on the row so that the partial unique index holds one live escalation per obstacle.

CREATE TABLE escalation (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
    obstacle TEXT NOT NULL REFERENCES obstacle(id) DEFERRABLE INITIALLY DEFERRED,
    decider TEXT NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    causeUnit TEXT CHECK (causeUnit IS NULL OR length(trim(causeUnit)) > 0),
    affectedUnit TEXT CHECK (affectedUnit IS NULL OR length(trim(affectedUnit)) > 0),
    lossPerWeek REAL CHECK (lossPerWeek IS NULL OR lossPerWeek > 0),
    lossUnit TEXT CHECK (lossUnit IS NULL OR (length(trim(lossUnit)) BETWEEN 1 AND 20 AND instr(lossUnit, '/') = 0)),
    basis TEXT CHECK (basis IS NULL OR length(trim(basis)) > 0),
    fix TEXT CHECK (fix IS NULL OR length(trim(fix)) > 0),
    fixCost TEXT CHECK (fixCost IS NULL OR fixCost IN ('none', 'operating', 'capital')),
    toldOn TEXT NOT NULL CHECK (date(toldOn, '+0 days') IS toldOn),
    toldHow TEXT CHECK (toldHow IS NULL OR length(trim(toldHow)) > 0),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'deferred', 'resolved')),
    CHECK ((lossPerWeek IS NULL) = (lossUnit IS NULL))
) STRICT;

-- One live escalation (its loss still running) per obstacle.
CREATE UNIQUE INDEX escalation_one_live ON escalation(obstacle) WHERE status IN ('open', 'accepted', 'deferred');
CREATE INDEX escalation_decider ON escalation(decider, toldOn);

CREATE TRIGGER escalation_content_is_fixed
BEFORE UPDATE OF id, obstacle, decider, causeUnit, affectedUnit, lossPerWeek, lossUnit, basis, fix, fixCost, toldOn,
    toldHow ON escalation
WHEN NEW.id IS NOT OLD.id OR NEW.obstacle IS NOT OLD.obstacle OR NEW.decider IS NOT OLD.decider
    OR NEW.causeUnit IS NOT OLD.causeUnit OR NEW.affectedUnit IS NOT OLD.affectedUnit
    OR NEW.fix IS NOT OLD.fix OR NEW.fixCost IS NOT OLD.fixCost OR NEW.toldOn IS NOT OLD.toldOn
    OR NEW.toldHow IS NOT OLD.toldHow
    OR (OLD.lossPerWeek IS NOT NULL AND (NEW.lossPerWeek IS NOT OLD.lossPerWeek OR NEW.lossUnit IS NOT OLD.lossUnit))
    OR (OLD.basis IS NOT NULL AND NEW.basis IS NOT OLD.basis)
BEGIN
    SELECT RAISE(ABORT, 'kata: what the decider was told is fixed once set');
END;

CREATE TRIGGER escalation_is_never_deleted BEFORE DELETE ON escalation
BEGIN
    SELECT RAISE(ABORT, 'kata: an escalation is resolved or declined, never deleted');
END;

-- The dated events of an escalation, in order (position 0, 1, …).
CREATE TABLE escalation_event (
    escalation TEXT NOT NULL REFERENCES escalation(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL CHECK (position >= 0),
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    action TEXT NOT NULL CHECK (action IN ('accepted', 'declined', 'deferred', 'resolved', 'reopened')),
    reason TEXT CHECK (reason IS NULL OR length(trim(reason)) > 0),
    reviewBy TEXT CHECK (reviewBy IS NULL OR (date(reviewBy, '+0 days') IS reviewBy AND reviewBy >= date)),
    verifiedOn TEXT CHECK (verifiedOn IS NULL OR (date(verifiedOn, '+0 days') IS verifiedOn AND verifiedOn >= date)),
    CHECK (action <> 'declined' OR reason IS NOT NULL),
    CHECK (reviewBy IS NULL OR action = 'deferred'),
    CHECK (verifiedOn IS NULL OR action = 'resolved'),
    PRIMARY KEY (escalation, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER escalation_event_in_order BEFORE INSERT ON escalation_event
WHEN NEW.date < (SELECT toldOn FROM escalation WHERE id = NEW.escalation)
    OR NEW.date < (SELECT max(date) FROM escalation_event WHERE escalation = NEW.escalation)
BEGIN
    SELECT RAISE(ABORT, 'kata: an escalation''s events are dated from the day the decider was told, in order');
END;

CREATE TRIGGER escalation_event_append_only_update BEFORE UPDATE ON escalation_event
BEGIN
    SELECT RAISE(ABORT, 'kata: an escalation''s events are appended, never rewritten');
END;

CREATE TRIGGER escalation_event_append_only_delete BEFORE DELETE ON escalation_event
BEGIN
    SELECT RAISE(ABORT, 'kata: an escalation''s events are appended, never rewritten');
END;
