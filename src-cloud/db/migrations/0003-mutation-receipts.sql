-- The answer given to each mutation, written in the mutation's own transaction, so that a
-- desktop retrying after a lost response gets the same answer and nothing is applied twice.
CREATE TABLE mutation_receipts (
  tenant_id text NOT NULL,
  client_id text NOT NULL,
  mutation_id text NOT NULL,
  user_id text NOT NULL,
  name text NOT NULL,
  result jsonb NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (tenant_id, client_id, mutation_id)
);
