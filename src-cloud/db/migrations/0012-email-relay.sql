-- The email relay (issue 6 item 4, DESIGN §8). Never synced: desktops see the messages the relay
-- writes, not its bookkeeping.

-- Each lead's unguessable address lead-TOKEN@RELAY_DOMAIN. The token alone names the tenant and
-- the lead (it is what the SMTP listener gets at RCPT), so it is unique across tenants.
CREATE TABLE relay_addresses (
  token text PRIMARY KEY,
  tenant_id text NOT NULL,
  lead_id text NOT NULL,
  created_at bigint NOT NULL,
  UNIQUE (tenant_id, lead_id)
);

-- Every email that went through the relay, either way, by its RFC 5322 Message-ID (without the
-- angle brackets): how a reply threads (In-Reply-To / References) and how a bounce finds the
-- message it bounced. `raw` keeps an inbound email's whole source (the thread shows it stripped).
CREATE TABLE relay_emails (
  tenant_id text NOT NULL,
  message_id text NOT NULL,
  lead_id text NOT NULL,
  header_message_id text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  kind text NOT NULL CHECK (kind IN ('customer', 'agent', 'auto_reply', 'bounce', 'outbound')),
  subject text NOT NULL DEFAULT '',
  raw bytea,
  created_at bigint NOT NULL,
  -- An agent's answer from their mailbox is kept 'in' under the message it became, which goes
  -- 'out' again under our own Message-ID.
  PRIMARY KEY (tenant_id, message_id, direction)
);
CREATE INDEX relay_emails_header ON relay_emails (tenant_id, header_message_id);
CREATE INDEX relay_emails_lead ON relay_emails (tenant_id, lead_id, created_at);

-- One row per outbound email message the sender claimed. Its key is what makes a message go
-- out at most once, whichever cloud process claims it; 'sending' left behind by a crash is
-- failed, never retried (the SMTP server may have taken it).
CREATE TABLE email_sends (
  tenant_id text NOT NULL,
  message_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
  reason text,
  claimed_at bigint NOT NULL,
  finished_at bigint,
  PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX email_sends_sending ON email_sends (claimed_at) WHERE state = 'sending';

-- The sender's queue (outbound messages still queued, any channel; the join picks email) uses
-- messages_queued_out, made by 0008 for the text sender.
