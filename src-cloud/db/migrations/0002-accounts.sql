-- Users are a synced table like the others, plus what only the cloud knows about them.
-- Email is unique across tenants: sign-in asks for nothing else.
CREATE TABLE users (
  LIKE sync_row_template INCLUDING ALL,
  email text GENERATED ALWAYS AS (lower(row ->> 'email')) STORED,
  -- scrypt$N$r$p$salt$hash; null until an invited user sets a password; 'demo' for the demo
  -- users, whose shared password only a cloud started with --demo accepts
  password_hash text,
  disabled_at bigint,
  country text
);
CREATE UNIQUE INDEX users_email ON users (email);

-- Opaque bearer tokens, stored as their SHA-256 only: a copy of this table signs nobody in.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  tenant_id text NOT NULL,
  user_id text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX sessions_user ON sessions (tenant_id, user_id);

-- Single-use, expiring links to set a password, stored hashed like sessions.
CREATE TABLE invites (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  tenant_id text NOT NULL,
  user_id text NOT NULL,
  created_by_user_id text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);

-- Fixed-window counters for sign-in attempts, per address and per email; in the database so
-- that every cloud process behind the load balancer counts the same attempts.
CREATE TABLE login_attempts (
  key text PRIMARY KEY,
  window_started_at bigint NOT NULL,
  attempts integer NOT NULL
);
