-- A redelivered Twilio webhook (same MessageSid) writes nothing: one inbound message per
-- provider id in a tenant. Outbound rows are left out: their ids are the sender's business.
CREATE UNIQUE INDEX messages_inbound_provider_id ON messages (tenant_id, (row ->> 'providerId'))
  WHERE row ->> 'direction' = 'in' AND row ->> 'providerId' IS NOT NULL;

-- The consent ledger (issue 5 item 4): every opt-out and opt-in of a number at a store, who or
-- what made it and the words that did. Append-only; the latest event of a number says whether
-- the store may text it. Never synced to desktops; exported as CSV for managers.
CREATE TABLE consent_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id text NOT NULL,
  store_id text NOT NULL,
  phone text NOT NULL,
  event text NOT NULL CHECK (event IN ('opt_out', 'opt_in')),
  at bigint NOT NULL,
  how text NOT NULL
    CHECK (how IN ('customer keyword', 'customer free text', 'twilio 21610', 'agent', 'manager')),
  by_user_id text,
  lead_id text,
  source_text text NOT NULL
);
CREATE INDEX consent_events_number ON consent_events (tenant_id, store_id, phone, seq DESC);
CREATE INDEX consent_events_at ON consent_events (tenant_id, at);

-- MMS media still to fetch from Twilio for an inbound message: the webhook stores the message
-- and one row here, and answers; the fetcher claims the row (a lease in `due_at`, so a crashed
-- process's claim lapses), fetches, stores the images and updates the message.
CREATE TABLE inbound_media_jobs (
  tenant_id text NOT NULL,
  message_id text NOT NULL,
  items jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  due_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX inbound_media_jobs_due ON inbound_media_jobs (due_at);

-- Every inbound text finds its lead by phone (src-cloud/inbound/lead-of-sender.ts findLead,
-- `row -> 'phones' @> ...`): without this, a scan of the tenant's leads under its write lock.
CREATE INDEX leads_phones ON leads USING gin ((row -> 'phones') jsonb_path_ops);
