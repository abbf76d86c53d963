-- Presence per device (DESIGN §6): written on every presence frame and touched by pings, so
-- that every cloud process sees the same devices. A device silent for 45 s counts offline.
CREATE TABLE device_presence (
  tenant_id text NOT NULL,
  user_id text NOT NULL,
  device_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('online', 'away', 'extended_away', 'offline')),
  reason text NOT NULL,
  since bigint NOT NULL,
  seen_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, user_id, device_id)
);
CREATE INDEX device_presence_seen ON device_presence (seen_at) WHERE state != 'offline';

-- What each user was last told to be, so that a change is announced once.
CREATE TABLE user_presence (
  tenant_id text NOT NULL,
  user_id text NOT NULL,
  state text NOT NULL,
  reason text NOT NULL,
  since bigint NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
);

-- A lead ringing at a set of agents (DESIGN §7). `alert` is the OfferAlert every desk shows,
-- frozen when the offer is made. Accepting is one UPDATE ... WHERE status = 'open'.
CREATE TABLE offers (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  lead_id text NOT NULL,
  store_id text NOT NULL,
  agent_ids text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'accepted', 'missed')),
  accepted_by_user_id text,
  alert jsonb NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  closed_at bigint
);
CREATE INDEX offers_open ON offers (expires_at) WHERE status = 'open';
CREATE INDEX offers_lead ON offers (tenant_id, lead_id);
