-- Attachments agents send (issue 4): images up to 5 MB, kept in the database so that every
-- cloud process serves them and a backup holds them. Read only within their tenant.
CREATE TABLE media (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  uploaded_by text NOT NULL,
  name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  bytes bytea NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX media_tenant ON media (tenant_id, created_at);
