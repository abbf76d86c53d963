-- Outbound texts on their way to Twilio (issue 5): one row per message the sender claimed. The
-- claim is committed before Twilio is called, with a fresh attempt id; only the holder of the
-- current attempt id may record the outcome, so two cloud processes never both send a message
-- and a late answer from an abandoned attempt changes nothing. A row left 'sending' (the process
-- died mid-call) or 'retry' (Twilio answered 5xx) is claimed again later, and that next attempt
-- first asks Twilio whether an earlier one got through (src-cloud/twilio/README.md).
--   state             sending: an attempt is under way; retry: waiting for next_attempt_at;
--                     done: the outcome is on the message
--   first_claimed_at  when the first attempt began: Twilio's messages since then are searched
CREATE TABLE sms_sends (
  tenant_id text NOT NULL,
  message_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('sending', 'retry', 'done')),
  attempt_id text NOT NULL,
  attempts integer NOT NULL,
  first_claimed_at bigint NOT NULL,
  claimed_at bigint NOT NULL,
  next_attempt_at bigint,
  provider_sid text,
  PRIMARY KEY (tenant_id, message_id)
);

-- The sender's question every round: which outbound messages are still queued?
CREATE INDEX messages_queued_out ON messages (version)
  WHERE NOT deleted AND row ->> 'status' = 'queued' AND row ->> 'direction' = 'out';
