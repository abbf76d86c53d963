-- The tables a pull reads (src-shared/sync/changes.ts SYNC_TABLES), one per entity. Each row is
-- kept whole as jsonb, as the desktop receives it, with real columns for what queries filter on.
-- The bookkeeping columns are the same everywhere, so they are written once, in a template:
--   version           the tenant clock when the row last changed; a pull asks version > since
--   deleted           a tombstone (row is null); pulls carry it as a delete
--   store_id          the store whose agents may see the row; null: everyone in the tenant
--   former_store_ids  stores the row moved away from; their agents pull a delete for it
--   owner_user_id     set: only that user pulls the row (their own settings and saved filters)
--   lead_id           for rows that belong to a lead
CREATE TABLE sync_row_template (
  tenant_id text NOT NULL,
  id text NOT NULL,
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  store_id text,
  former_store_ids text[] NOT NULL DEFAULT '{}',
  owner_user_id text,
  lead_id text,
  row jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sync_row_template_version ON sync_row_template (tenant_id, version);

-- `clock` is the tenant's version. Every write bumps it under this row's lock, which serialises
-- writes per tenant and makes versions commit in order: when a reader sees clock = V, every row
-- stamped <= V is committed.
CREATE TABLE tenants (LIKE sync_row_template INCLUDING ALL, clock bigint NOT NULL DEFAULT 0);
CREATE TABLE stores (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE campaigns (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE labels (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE saved_replies (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE funnels (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE dispositions (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE settings (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE leads (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE conversations (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE messages (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE timeline_events (LIKE sync_row_template INCLUDING ALL);
CREATE TABLE appointments (LIKE sync_row_template INCLUDING ALL);

CREATE INDEX conversations_lead ON conversations (tenant_id, lead_id);
CREATE INDEX messages_lead ON messages (tenant_id, lead_id);
CREATE INDEX timeline_events_lead ON timeline_events (tenant_id, lead_id);
CREATE INDEX appointments_lead ON appointments (tenant_id, lead_id);
CREATE INDEX settings_scope ON settings (tenant_id, (row ->> 'scope'), (row ->> 'scopeId'), (row ->> 'key'));
