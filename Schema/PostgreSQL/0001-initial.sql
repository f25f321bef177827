-- kata schema on PostgreSQL, migration 0001: the same record as SQLite's migrations 0001-0003
-- (the Improvement Kata, the Coaching Kata, the practice indexes, accounts and the audit log), in
-- PostgreSQL's types and with the same rules in the database.
-- Shipped migrations are never edited; add a new numbered file instead (and list it in
-- PostgresSchema.swift).
-- Calendar dates are `date` (PostgreSQL refuses impossible ones by itself), instants `timestamptz`,
-- ids `uuid`. Handles sort byte by byte (COLLATE "C"), as SQLite compares text.
-- Foreign keys are deferred to the end of the transaction so that an import may insert records in
-- any order. A broken rule raises an error whose message starts with 'kata: '.
-- seq: the order in which records were written, where listings need it to break ties (what the
-- rowid is in SQLite).

-- A person's handle: 1 to 64 of a-z, 0-9, '.', '_' and '-'.
CREATE DOMAIN kata_handle AS text COLLATE "C"
    CHECK (VALUE ~ '^[a-z0-9._-]{1,64}$');

-- Text that must say something: not empty and not only spaces.
CREATE DOMAIN kata_words AS text
    CHECK (length(btrim(VALUE)) > 0);

CREATE TABLE setting (
    key text COLLATE "C" PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE holiday (
    date date PRIMARY KEY,
    name text
);

CREATE TABLE person (
    handle kata_handle PRIMARY KEY,
    name kata_words NOT NULL,
    unit text,
    reports_to kata_handle REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    email text,
    active boolean NOT NULL DEFAULT true,
    CHECK (reports_to IS NULL OR reports_to <> handle)
);

CREATE INDEX person_unit ON person (unit);
CREATE INDEX person_reports_to ON person (reports_to);

CREATE TABLE pairing (
    id uuid PRIMARY KEY,
    coach kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    learner kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    second_coach kata_handle REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    since date NOT NULL,
    until date CHECK (until IS NULL OR until >= since),
    CHECK (coach <> learner),
    CHECK (second_coach IS NULL OR (second_coach <> coach AND second_coach <> learner))
);

CREATE INDEX pairing_coach ON pairing (coach);
CREATE INDEX pairing_learner ON pairing (learner);
CREATE INDEX pairing_second_coach ON pairing (second_coach);

CREATE TABLE challenge (
    id uuid PRIMARY KEY,
    title kata_words NOT NULL,
    description text,
    owner kata_handle REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    by_date date,
    parent uuid REFERENCES challenge (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (parent IS NULL OR parent <> id)
);

CREATE TABLE target (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    learner kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    focus_process kata_words NOT NULL,
    condition kata_words NOT NULL,
    achieve_by date NOT NULL,
    challenge uuid REFERENCES challenge (id) DEFERRABLE INITIALLY DEFERRED,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'missed', 'dropped')),
    created_on date NOT NULL,
    closed_on date,
    reflection text,
    CHECK ((status = 'active') = (closed_on IS NULL))
);

-- At most one active target condition per learner and focus process.
CREATE UNIQUE INDEX target_one_active ON target (learner, focus_process) WHERE status = 'active';
CREATE INDEX target_challenge ON target (challenge);

-- The target condition's content can be added to, never taken away; a closed one stays closed.
CREATE FUNCTION kata_target_is_amended_never_rewritten() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.learner IS DISTINCT FROM OLD.learner OR NEW.focus_process IS DISTINCT FROM OLD.focus_process
        OR NEW.condition IS DISTINCT FROM OLD.condition OR NEW.achieve_by IS DISTINCT FROM OLD.achieve_by
        OR NEW.created_on IS DISTINCT FROM OLD.created_on OR NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'kata: a target condition is amended, never rewritten' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status <> 'active' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'kata: a closed target condition stays closed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER target_is_amended_never_rewritten BEFORE UPDATE ON target
    FOR EACH ROW EXECUTE FUNCTION kata_target_is_amended_never_rewritten();

-- Refuses any change to a row of an append-only table; TG_ARGV[0] says why.
CREATE FUNCTION kata_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kata: %', TG_ARGV[0] USING ERRCODE = 'check_violation';
END;
$$;

-- Outcome and process metrics of a target condition, in order. Append-only.
CREATE TABLE target_metric (
    target uuid NOT NULL REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    kind text NOT NULL CHECK (kind IN ('outcome', 'process')),
    position integer NOT NULL CHECK (position >= 0),
    name kata_words NOT NULL,
    goal text,
    unit text,
    PRIMARY KEY (target, kind, position)
);

CREATE TRIGGER target_metric_append_only BEFORE UPDATE OR DELETE ON target_metric
    FOR EACH ROW EXECUTE FUNCTION kata_append_only('a target condition is amended, never rewritten');
CREATE TRIGGER target_metric_never_emptied BEFORE TRUNCATE ON target_metric
    FOR EACH STATEMENT EXECUTE FUNCTION kata_append_only('a target condition is amended, never rewritten');

-- Amendments to a target condition's text, in order. Append-only.
CREATE TABLE target_amendment (
    target uuid NOT NULL REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    position integer NOT NULL CHECK (position >= 0),
    date date NOT NULL,
    text kata_words NOT NULL,
    PRIMARY KEY (target, position)
);

CREATE TRIGGER target_amendment_append_only BEFORE UPDATE OR DELETE ON target_amendment
    FOR EACH ROW EXECUTE FUNCTION kata_append_only('a target condition is amended, never rewritten');
CREATE TRIGGER target_amendment_never_emptied BEFORE TRUNCATE ON target_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION kata_append_only('a target condition is amended, never rewritten');

-- Current-condition snapshots. metrics: a JSON array of {"name", "value", "unit"}.
CREATE TABLE condition (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    target uuid NOT NULL REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    date date NOT NULL,
    text kata_words NOT NULL,
    metrics jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(metrics) = 'array')
);

CREATE INDEX condition_target ON condition (target, date);

CREATE TABLE obstacle (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    target uuid NOT NULL REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    text kata_words NOT NULL,
    status text NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'working', 'overcome', 'dropped')),
    created_on date NOT NULL,
    closed_on date CHECK (closed_on IS NULL OR closed_on >= created_on),
    CHECK ((status IN ('overcome', 'dropped')) = (closed_on IS NOT NULL))
);

-- Exactly one obstacle per target condition is being worked at a time.
CREATE UNIQUE INDEX obstacle_one_working ON obstacle (target) WHERE status = 'working';

-- One row of the experimenting record (one PDCA cycle). The prediction (expected) is written
-- before the step is taken and cannot change once the result is in; planned_at and closed_at keep
-- when each was recorded.
CREATE TABLE experiment (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    target uuid NOT NULL REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    obstacle uuid REFERENCES obstacle (id) DEFERRABLE INITIALLY DEFERRED,
    step kata_words NOT NULL,
    expected text,
    planned_on date NOT NULL,
    go_see date,
    happened text,
    learned text,
    closed_on date CHECK (closed_on IS NULL OR closed_on >= planned_on),
    planned_at timestamptz NOT NULL,
    closed_at timestamptz,
    CHECK (closed_at IS NULL OR closed_at >= planned_at),
    CHECK ((closed_on IS NULL) = (closed_at IS NULL))
);

CREATE INDEX experiment_target ON experiment (target, planned_on);
CREATE INDEX experiment_obstacle ON experiment (obstacle);

-- The planned steps whose prediction is missing: no expectation, or white space alone (the
-- characters with the Unicode White_Space property). A query uses this index only with this exact
-- condition.
CREATE INDEX experiment_without_prediction ON experiment (id)
    WHERE btrim(coalesce(expected, ''),
        U&'\0009\000A\000B\000C\000D\0020\0085\00A0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200A\2028\2029\202F\205F\3000'
    ) = '';

CREATE FUNCTION kata_prediction_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.closed_at IS NOT NULL AND NEW.expected IS DISTINCT FROM OLD.expected THEN
        RAISE EXCEPTION 'kata: a prediction cannot be changed after the result is in'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER experiment_prediction_is_fixed BEFORE UPDATE OF expected ON experiment
    FOR EACH ROW EXECUTE FUNCTION kata_prediction_is_fixed();

CREATE TABLE cycle (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    date date NOT NULL,
    coach kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    learner kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    second_coach kata_handle REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    minutes integer CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),
    target uuid REFERENCES target (id) DEFERRABLE INITIALLY DEFERRED,
    actual_condition text,
    obstacle uuid REFERENCES obstacle (id) DEFERRABLE INITIALLY DEFERRED,
    reviewed uuid REFERENCES experiment (id) DEFERRABLE INITIALLY DEFERRED,
    planned uuid REFERENCES experiment (id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (coach <> learner),
    CHECK (second_coach IS NULL OR (second_coach <> coach AND second_coach <> learner))
);

-- Every figure of a coach's practice comes from one range of this index per coach (cycles per day,
-- learners, minutes, planned steps), without touching the table.
CREATE INDEX cycle_practice ON cycle (coach, date) INCLUDE (learner, minutes, planned);
CREATE INDEX cycle_learner_date ON cycle (learner, date);
CREATE INDEX cycle_date ON cycle (date);
CREATE INDEX cycle_target ON cycle (target);
-- From a planned step to the cycle that planned it.
CREATE INDEX cycle_planned ON cycle (planned, date, coach) WHERE planned IS NOT NULL;
CREATE INDEX cycle_reviewed ON cycle (reviewed) WHERE reviewed IS NOT NULL;

CREATE TABLE observation (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    date date NOT NULL,
    second_coach kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    coach kata_handle NOT NULL REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    cycle uuid REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
    notes text,
    focus text,
    "trigger" text,
    CHECK (second_coach <> coach)
);

CREATE INDEX observation_coach_date ON observation (coach, date);
CREATE INDEX observation_cycle ON observation (cycle);

-- Accounts, API tokens, web sessions, set-password links and the audit log (DESIGN §10.2). No
-- secret is stored: API tokens, session ids and set-password links only as their SHA-256 (64
-- lower-case hex digits), passwords only as bcrypt hashes of cost 12 or more.

-- An account belongs to a person. roles: the roles beyond coaching and learning, sorted and joined
-- by commas ('' for none).
CREATE TABLE account (
    handle kata_handle PRIMARY KEY REFERENCES person (handle) DEFERRABLE INITIALLY DEFERRED,
    roles text NOT NULL DEFAULT ''
        CHECK (roles IN ('', 'admin', 'hr', 'lean', 'admin,hr', 'admin,lean', 'hr,lean', 'admin,hr,lean')),
    enabled boolean NOT NULL DEFAULT true,
    created timestamptz NOT NULL,
    password_hash text CHECK (password_hash IS NULL OR password_hash ~ '^\$2[aby]\$(1[2-9]|[23][0-9])\$.{53}$')
);

-- Personal API tokens: shown once when made, kept as the SHA-256 of the token.
CREATE TABLE api_token (
    id uuid PRIMARY KEY,
    handle kata_handle NOT NULL REFERENCES account (handle) DEFERRABLE INITIALLY DEFERRED,
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created timestamptz NOT NULL,
    last_used timestamptz CHECK (last_used IS NULL OR last_used >= created),
    revoked timestamptz CHECK (revoked IS NULL OR revoked >= created)
);

CREATE INDEX api_token_handle ON api_token (handle, created);

-- Web sessions, by the SHA-256 of the session id in the cookie. csrf: the per-session token every
-- form carries (it signs nobody in by itself, and the pages must show it, so it is kept as it is).
CREATE TABLE web_session (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    handle kata_handle NOT NULL REFERENCES account (handle) DEFERRABLE INITIALLY DEFERRED,
    csrf text NOT NULL CHECK (csrf ~ '^[0-9A-Za-z_-]{32,128}$'),
    created timestamptz NOT NULL,
    last_seen timestamptz NOT NULL CHECK (last_seen >= created),
    ended timestamptz CHECK (ended IS NULL OR ended >= created)
);

-- Disabling an account ends its open sessions.
CREATE INDEX web_session_open ON web_session (handle) WHERE ended IS NULL;

-- One-time links that set an account's password, by the SHA-256 of the link's token.
CREATE TABLE password_link (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    handle kata_handle NOT NULL REFERENCES account (handle) DEFERRABLE INITIALLY DEFERRED,
    expires timestamptz NOT NULL,
    used timestamptz
);

CREATE INDEX password_link_handle ON password_link (handle);

-- Who wrote what, when, and through which credential. account is NULL exactly when the holder of
-- the database wrote it directly (via 'file'); via is 'file', 'session', 'link' (a set-password
-- link), 'password' (a sign-in that made a token) or 'token:<id>'. Append-only.
CREATE TABLE audit (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    at timestamptz NOT NULL,
    account kata_handle REFERENCES account (handle) DEFERRABLE INITIALLY DEFERRED,
    via text NOT NULL CHECK (via IN ('file', 'session', 'link', 'password') OR via ~ '^token:[0-9a-f-]{36}$'),
    kind kata_words NOT NULL,
    record kata_words NOT NULL,
    action kata_words NOT NULL,
    detail text,
    CHECK ((via = 'file') = (account IS NULL))
);

CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_account_at ON audit (account, at);
-- The review packets made about a coach (kind 'reviewPacket', record the coach's handle).
CREATE INDEX audit_record ON audit (kind, record, at);

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION kata_append_only('the audit log is append-only');
CREATE TRIGGER audit_never_emptied BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION kata_append_only('the audit log is append-only');
