-- A dealer group's Twilio account (issue 5). The auth token is sealed (AES-256-GCM under the
-- cloud's secret key, src-cloud/secrets): a database dump alone does not give it away. Never
-- synced to desktops; read only by the cloud's Twilio adapter.
CREATE TABLE twilio_accounts (
  tenant_id text PRIMARY KEY,
  account_sid text NOT NULL,
  auth_token_sealed text NOT NULL,
  updated_at bigint NOT NULL
);
