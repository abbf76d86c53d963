-- Emails the cloud sends because of a user action (Send to CRM, Escalate, a transcript on Done):
-- written in the action's own transaction, so nothing is lost when SMTP is down or the process
-- dies, then sent by the outbox worker of any cloud process (src-cloud/email-outbox).
--   status      queued -> sending (claimed, lease_until) -> sent | failed; a failed SMTP attempt
--               goes back to queued with next_attempt_at pushed out (backoff)
--   attempts    claims so far; a claim whose lease ran out (its process died) may be claimed again
--   last_error  the SMTP error of the last failed attempt (never the body)
CREATE TABLE email_outbox (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  lead_id text,
  kind text NOT NULL CHECK (kind IN ('crm_send', 'escalation', 'transcript')),
  recipients jsonb NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  lease_until bigint,
  last_error text,
  created_at bigint NOT NULL,
  sent_at bigint
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX email_outbox_leased ON email_outbox (lease_until) WHERE status = 'sending';
CREATE INDEX email_outbox_lead ON email_outbox (tenant_id, lead_id);
