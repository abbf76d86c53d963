-- Every inbound message looks its sender up in leads_phones, and every message updates its lead
-- (a new row version, so a new index entry). With GIN's fast update those entries pile up in an
-- unsorted pending list that each lookup reads through until a vacuum merges it: under a burst of
-- texts a lookup took milliseconds, under the tenant's write lock. Entries now go straight into
-- the index: a little more per write, a lookup that stays a lookup.
ALTER INDEX leads_phones SET (fastupdate = off);

-- A message that comes with an email and no phone (a chat, an email) finds its lead by email,
-- case-insensitively, within its store (src-cloud/inbound/sender-thread.ts).
CREATE INDEX leads_email ON leads (tenant_id, store_id, lower(row ->> 'email'));
