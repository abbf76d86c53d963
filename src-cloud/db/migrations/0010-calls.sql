-- The call log (issue 5 item 7): every call through a store's Twilio number, placed from a lead
-- (click-to-call) or coming in to the store. Kept by the cloud alone; what desktops see of a
-- call is the one timeline event (kind 'call') written when Twilio says it is over.
-- A call has two legs: the `first` leg is the one Twilio started (the agent's phone for
-- click-to-call, the caller for an inbound call), the `dialled` leg is the one our TwiML dials
-- (the customer; the agent or store number an inbound call is forwarded to). Status callbacks
-- of either leg arrive in any order and more than once; each leg's status only moves forward.
CREATE TABLE calls (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  store_id text NOT NULL,
  -- null: an inbound caller who is nobody's lead (calls create no leads, seed 004)
  lead_id text,
  -- who placed it (outbound) or whose phone it was forwarded to (inbound); null: a store number
  agent_user_id text,
  direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  -- the first leg's Twilio CallSid; null until Twilio has accepted an outbound call
  call_sid text,
  -- the customer's side and the store's number, whichever way the call went
  customer_number text NOT NULL,
  store_number text NOT NULL,
  -- the phone the call went through (the agent's phone, the forwarding number); null: nowhere
  via_number text,
  started_at bigint NOT NULL,
  answered_at bigint,
  ended_at bigint,
  first_status text NOT NULL,
  first_duration integer,
  dialled_status text,
  dialled_duration integer,
  -- set once the call is over (src-shared/calls/call-wording.ts CallOutcome)
  outcome text,
  duration_seconds integer,
  -- the timeline event's id, minted with the call so that every callback writes the same one
  event_id text NOT NULL,
  event_written boolean NOT NULL DEFAULT false,
  -- why Twilio refused to place the call, when it did
  error text
);
CREATE UNIQUE INDEX calls_sid ON calls (tenant_id, call_sid);
CREATE INDEX calls_lead ON calls (tenant_id, lead_id);
