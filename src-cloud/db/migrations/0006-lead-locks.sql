-- Who is in which lead (issue 4 "Lead lock"), kept in the database rather than in a process's
-- memory: the desks in one lead may be connected to different cloud processes, and a process
-- that dies must not leave a lead locked for ever (another process's sweeper lapses its views).
-- Every change to one lead runs under a transaction-level advisory lock on that lead, so the
-- first opener wins and the state each process announces is never older than the last one.

-- One row per live socket that is in a lead (a socket is in at most one).
CREATE TABLE lead_viewers (
  connection_id text PRIMARY KEY,
  tenant_id text NOT NULL,
  lead_id text NOT NULL,
  user_id text NOT NULL,
  store_id text NOT NULL,
  opened_at bigint NOT NULL,
  -- The order people came in (taken under the lead's lock, so it is the order of their turns).
  arrival bigserial NOT NULL,
  -- The desk says again that the lead is open every 10 s; a view silent for 30 s lapses.
  renewed_at bigint NOT NULL,
  -- Null: not typing. Set on each typing frame; lapses after 8 s without one.
  typing_at bigint
);
CREATE INDEX lead_viewers_lead ON lead_viewers (tenant_id, lead_id);
CREATE INDEX lead_viewers_renewed ON lead_viewers (renewed_at);
CREATE INDEX lead_viewers_typing ON lead_viewers (typing_at) WHERE typing_at IS NOT NULL;

-- The soft lock: held by one user who is in the lead (a row here always has a viewer row).
CREATE TABLE lead_locks (
  tenant_id text NOT NULL,
  lead_id text NOT NULL,
  store_id text NOT NULL,
  user_id text NOT NULL,
  since bigint NOT NULL,
  PRIMARY KEY (tenant_id, lead_id)
);
