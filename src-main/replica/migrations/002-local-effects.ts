/**
 * The optimistic effects of the user's own mutations (src-main/sync): each with the rows it
 * replaced, so that a pull or a rejection can take it off and put the rest back on top of the
 * cloud's rows. Frozen once shipped.
 */
export const version = 2;

export const up = `
CREATE TABLE local_effects (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  args TEXT NOT NULL, -- JSON
  created_at INTEGER NOT NULL,
  undo TEXT NOT NULL, -- JSON SyncChange[]: applied in order, puts the rows back as they were
  confirmed_version INTEGER -- the cloud accepted it at this version; NULL: not yet
) STRICT;
`;
