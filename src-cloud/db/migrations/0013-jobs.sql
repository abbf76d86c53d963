-- Background work as rows (DESIGN §9): the nightly Action Expected report now; scheduled
-- messages, funnels and transcripts may use it too. `key` names one piece of work
-- ("action-expected:STORE:2026-11-22"), so planning it twice, from two processes, makes one
-- row. A runner claims due rows with FOR UPDATE SKIP LOCKED and a lease (`claimed_until`):
-- the work runs outside any transaction, and a process that dies mid-job lets another take it
-- over when the lease ends. Times are epoch ms of the cloud's clock.
CREATE TABLE jobs (
  key text PRIMARY KEY,
  kind text NOT NULL,
  tenant_id text,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at bigint NOT NULL,
  claimed_until bigint,
  -- Set when the work succeeded, or when it failed for the last time (last_error says why).
  done_at bigint,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at bigint NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
