-- kata schema, migration 0003: accounts, API tokens, web sessions, set-password links and the
-- audit log (DESIGN §10.2).
-- Shipped migrations are never edited; add a new numbered file instead.
-- No secret is stored: API tokens, session ids and set-password links only as their SHA-256
-- (64 lower-case hex digits), passwords only as bcrypt hashes of cost 12 or more.
-- Instants are UTC 'YYYY-MM-DDTHH:MM:SS.sssZ'; the CHECKs refuse any other form and impossible
-- dates, so that text order is time order.

-- An account belongs to a person. roles: the roles beyond coaching and learning, sorted and
-- joined by commas ('' for none).
CREATE TABLE account (
    handle TEXT PRIMARY KEY NOT NULL REFERENCES person(handle) DEFERRABLE INITIALLY DEFERRED,
    roles TEXT NOT NULL DEFAULT ''
        CHECK (roles IN ('', 'admin', 'hr', 'lean', 'admin,hr', 'admin,lean', 'hr,lean', 'admin,hr,lean')),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', created, '+0 days') IS created),
    passwordHash TEXT CHECK (passwordHash IS NULL OR (
        length(passwordHash) = 60 AND passwordHash GLOB '$2[aby]$[0-9][0-9]$*'
        AND CAST(substr(passwordHash, 5, 2) AS INTEGER) >= 12))
) STRICT;

-- Personal API tokens: shown once when made, kept as the SHA-256 of the token.
CREATE TABLE api_token (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
    handle TEXT NOT NULL REFERENCES account(handle) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    created TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', created, '+0 days') IS created),
    lastUsed TEXT CHECK (lastUsed IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', lastUsed, '+0 days') IS lastUsed),
    revoked TEXT CHECK (revoked IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', revoked, '+0 days') IS revoked),
    CHECK (lastUsed IS NULL OR lastUsed >= created),
    CHECK (revoked IS NULL OR revoked >= created)
) STRICT;

CREATE INDEX api_token_handle ON api_token(handle, created);

-- Web sessions, by the SHA-256 of the session id in the cookie. csrf: the per-session token every
-- form carries (it signs nobody in by itself, and the pages must show it, so it is kept as it is).
CREATE TABLE web_session (
    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    handle TEXT NOT NULL REFERENCES account(handle) DEFERRABLE INITIALLY DEFERRED,
    csrf TEXT NOT NULL CHECK (length(csrf) BETWEEN 32 AND 128 AND csrf NOT GLOB '*[^0-9A-Za-z_-]*'),
    created TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', created, '+0 days') IS created),
    lastSeen TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', lastSeen, '+0 days') IS lastSeen),
    ended TEXT CHECK (ended IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', ended, '+0 days') IS ended),
    CHECK (lastSeen >= created),
    CHECK (ended IS NULL OR ended >= created)
) STRICT, WITHOUT ROWID;

-- Disabling an account ends its open sessions.
CREATE INDEX web_session_open ON web_session(handle) WHERE ended IS NULL;

-- One-time links that set an account's password, by the SHA-256 of the link's token.
CREATE TABLE password_link (
    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    handle TEXT NOT NULL REFERENCES account(handle) DEFERRABLE INITIALLY DEFERRED,
    expires TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', expires, '+0 days') IS expires),
    used TEXT CHECK (used IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', used, '+0 days') IS used)
) STRICT, WITHOUT ROWID;

CREATE INDEX password_link_handle ON password_link(handle);

-- Who wrote what, when, and through which credential. account is NULL exactly when the holder of
-- the database file wrote it directly (via 'file'); via is 'file', 'session', 'link' (a
-- set-password link), 'password' (a sign-in that made a token) or 'token:<id>'. Append-only.
CREATE TABLE audit (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
    at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%fZ', at, '+0 days') IS at),
    account TEXT REFERENCES account(handle) DEFERRABLE INITIALLY DEFERRED,
    via TEXT NOT NULL CHECK (via IN ('file', 'session', 'link', 'password') OR (via GLOB 'token:*' AND length(via) = 42)),
    kind TEXT NOT NULL CHECK (length(trim(kind)) > 0),
    record TEXT NOT NULL CHECK (length(trim(record)) > 0),
    action TEXT NOT NULL CHECK (length(trim(action)) > 0),
    detail TEXT,
    CHECK ((via = 'file') = (account IS NULL))
) STRICT;

CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_account_at ON audit(account, at);
-- The review packets made about a coach (kind 'reviewPacket', record the coach's handle).
CREATE INDEX audit_record ON audit(kind, record, at);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'kata: the audit log is append-only');
END;

CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'kata: the audit log is append-only');
END;
