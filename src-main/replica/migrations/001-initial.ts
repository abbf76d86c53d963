/**
 * The first schema. Frozen once shipped: change the schema with a new numbered file.
 *
 * Shape of the lead side, chosen for the queue's speed (see ../README.md):
 * - `leads.n` is a small integer per lead (from `lead_numbers`, which also numbers leads whose
 *   messages arrive before the lead itself). Messages use `(n << 24) | k` as their rowid, so a
 *   lead's messages sit together on disk and its search document is rebuilt from a few pages.
 * - `folder_mask` has one bit per folder, in the order of FOLDERS (src-shared/folders); it is the
 *   SQL twin of `isInFolder`, and a test holds the two together.
 * - `segments` counts leads per folder for each (store, campaign, assignee, source): the folder
 *   counts read a few thousand rows at most, never the leads.
 */
const FOLDER_MASK = `(
  1
  | ((awaiting_since IS NOT NULL) << 1)
  | ((status = 'hot') << 2)
  | ((status = 'warm') << 3)
  | ((status = 'cold') << 4)
  | ((status = 'follow_up') << 5)
  | ((status = 'sold') << 6)
  | ((status = 'dead') << 7)
  | ((done_at IS NOT NULL) << 8)
  | ((booked_count > 0) << 9)
  | ((showed_count > 0) << 10)
  | ((scheduled_count > 0) << 11)
)`;

/** FOLDERS as they were when this migration was written (a migration never changes). */
const FOLDER_COLUMNS = [
  'inbox',
  'awaiting',
  'hot',
  'warm',
  'cold',
  'follow_up',
  'sold',
  'dead',
  'done',
  'appointments',
  'appointments_showed',
  'scheduled',
];

/** Adds (+) or removes (-) one lead's folder bits to its segment's counts. */
const countLead = (sign: '+' | '-', ref: 'new' | 'old') =>
  `UPDATE segments SET ${FOLDER_COLUMNS.map(
    (folder, bit) => `n_${folder} = n_${folder} ${sign} ((${ref}.folder_mask >> ${bit}) & 1)`,
  ).join(', ')} WHERE id = ${ref}.segment_id;`;

const recountAppointments = (ref: 'new' | 'old') => `
  UPDATE leads SET
    booked_count = (SELECT count(*) FROM appointments WHERE lead_n = ${ref}.lead_n AND status = 'booked'),
    showed_count = (SELECT count(*) FROM appointments WHERE lead_n = ${ref}.lead_n AND status = 'showed')
  WHERE n = ${ref}.lead_n;`;

const recountScheduled = (ref: 'new' | 'old') => `
  UPDATE leads SET scheduled_count =
    (SELECT count(*) FROM messages WHERE lead_n = ${ref}.lead_n AND status = 'scheduled')
  WHERE n = ${ref}.lead_n;`;

export const version = 1;

export const up = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  args TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;

CREATE TABLE saved_filters (
  user_id TEXT PRIMARY KEY,
  filters TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE tenants (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE stores (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE campaigns (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE users (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE labels (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE saved_replies (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE funnels (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE dispositions (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE settings (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;

CREATE TABLE lead_numbers (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE) STRICT;

CREATE TABLE segments (
  id INTEGER PRIMARY KEY,
  store_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL, -- '' for none: NULLs would not be unique
  assignee TEXT NOT NULL, -- 'unassigned' for none, as the filters say it
  source TEXT NOT NULL,
  ${FOLDER_COLUMNS.map((f) => `n_${f} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  UNIQUE (store_id, campaign_id, assignee, source)
) STRICT;

CREATE TABLE leads (
  n INTEGER PRIMARY KEY REFERENCES lead_numbers (n),
  id TEXT NOT NULL, -- unique through lead_numbers; here for the queue's sort order
  segment_id INTEGER NOT NULL REFERENCES segments (id),
  status TEXT NOT NULL,
  awaiting_since INTEGER,
  done_at INTEGER,
  booked_count INTEGER NOT NULL DEFAULT 0,
  showed_count INTEGER NOT NULL DEFAULT 0,
  scheduled_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_message_at INTEGER,
  name TEXT NOT NULL,
  email TEXT,
  channel TEXT,
  notes_excerpt TEXT,
  last_message_preview TEXT,
  doc TEXT NOT NULL, -- the Lead as synced, JSON
  activity_at INTEGER GENERATED ALWAYS AS (coalesce(last_message_at, created_at)) STORED,
  -- Longest waiting first, then the leads nobody waits on, newest first: one ascending key.
  wait_rank INTEGER GENERATED ALWAYS AS (CASE WHEN awaiting_since IS NULL
    THEN 9000000000000000 - coalesce(last_message_at, created_at)
    ELSE awaiting_since END) STORED,
  folder_mask INTEGER GENERATED ALWAYS AS ${FOLDER_MASK} STORED
) STRICT;
CREATE INDEX leads_by_email ON leads (lower(email)) WHERE email IS NOT NULL;
-- The queue in each sort order: a page reads index entries until it has its rows, checking
-- folder and segment from the entry itself. (A partial index per folder would read fewer
-- entries for a small folder, but a bulk load would pay for 24 more random inserts per lead.)
CREATE INDEX leads_newest ON leads (activity_at, id, segment_id, folder_mask);
CREATE INDEX leads_waiting ON leads (wait_rank, id, segment_id, folder_mask);
-- For a filter few leads pass: the leads of some segments, in sort order within each.
CREATE INDEX leads_segment_newest ON leads (segment_id, activity_at, id, folder_mask);
CREATE INDEX leads_segment_waiting ON leads (segment_id, wait_rank, id, folder_mask);

CREATE TRIGGER leads_counted AFTER INSERT ON leads BEGIN
  ${countLead('+', 'new')}
END;
CREATE TRIGGER leads_uncounted AFTER DELETE ON leads BEGIN
  ${countLead('-', 'old')}
END;
CREATE TRIGGER leads_recounted AFTER UPDATE ON leads
WHEN old.segment_id != new.segment_id OR old.folder_mask != new.folder_mask BEGIN
  ${countLead('-', 'old')}
  ${countLead('+', 'new')}
  UPDATE lead_labels SET segment_id = new.segment_id, folder_mask = new.folder_mask
  WHERE lead_n = new.n;
END;

-- The label filter's side door: a lead's labels, with its segment and folders copied in.
CREATE TABLE lead_labels (
  label_id TEXT NOT NULL,
  lead_n INTEGER NOT NULL REFERENCES leads (n) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL,
  folder_mask INTEGER NOT NULL,
  PRIMARY KEY (label_id, lead_n)
) STRICT, WITHOUT ROWID;
CREATE INDEX lead_labels_by_lead ON lead_labels (lead_n, label_id);

-- National digits reversed, so that a suffix ("123-4567") is a prefix range.
CREATE TABLE lead_phones (
  digits_reversed TEXT NOT NULL,
  lead_n INTEGER NOT NULL REFERENCES leads (n) ON DELETE CASCADE,
  PRIMARY KEY (digits_reversed, lead_n)
) STRICT, WITHOUT ROWID;
CREATE INDEX lead_phones_by_lead ON lead_phones (lead_n);

-- Search: one document per lead (its name, email and every message body), so that a hit is a
-- lead, and a word said in fifty messages is one entry, not fifty. Rebuilt by the apply code at
-- the end of each transaction for the leads it touched (apply/search-index.ts).
CREATE VIRTUAL TABLE lead_search USING fts5 (
  text, content = '', contentless_delete = 1, detail = none, prefix = '3',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Its words, to spell out a typed prefix (queries/fts-query.ts).
CREATE VIRTUAL TABLE lead_search_terms USING fts5vocab (lead_search, 'row');

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  lead_n INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
) STRICT;
CREATE INDEX conversations_by_lead ON conversations (lead_n, created_at);

-- Columns rather than a JSON document: a million of these, and JSON repeats every key.
CREATE TABLE messages (
  n INTEGER PRIMARY KEY, -- (lead_n << 24) | k: a lead's messages side by side
  id TEXT NOT NULL UNIQUE,
  lead_n INTEGER NOT NULL,
  tenant_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  direction TEXT NOT NULL,
  author_user_id TEXT,
  body TEXT NOT NULL,
  media TEXT, -- JSON, NULL for none
  status TEXT NOT NULL,
  error_code TEXT,
  provider_id TEXT,
  scheduled_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_thread ON messages (lead_n, created_at, n);
CREATE INDEX messages_scheduled ON messages (lead_n) WHERE status = 'scheduled';

CREATE TRIGGER messages_scheduled_insert AFTER INSERT ON messages
WHEN new.status = 'scheduled' BEGIN ${recountScheduled('new')} END;
CREATE TRIGGER messages_scheduled_update AFTER UPDATE OF status ON messages
WHEN old.status = 'scheduled' OR new.status = 'scheduled' BEGIN ${recountScheduled('new')} END;
CREATE TRIGGER messages_scheduled_delete AFTER DELETE ON messages
WHEN old.status = 'scheduled' BEGIN ${recountScheduled('old')} END;

CREATE TABLE timeline_events (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  lead_n INTEGER NOT NULL,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  actor_user_id TEXT,
  text TEXT NOT NULL,
  data TEXT, -- JSON, NULL for {}
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX timeline_thread ON timeline_events (lead_n, created_at, n);

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  lead_n INTEGER NOT NULL,
  status TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  doc TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_by_lead ON appointments (lead_n, status);
CREATE TRIGGER appointments_insert AFTER INSERT ON appointments BEGIN
  ${recountAppointments('new')}
END;
CREATE TRIGGER appointments_update AFTER UPDATE OF status, lead_n ON appointments
WHEN old.status != new.status OR old.lead_n != new.lead_n BEGIN
  ${recountAppointments('old')}
  ${recountAppointments('new')}
END;
CREATE TRIGGER appointments_delete AFTER DELETE ON appointments BEGIN
  ${recountAppointments('old')}
END;
`;
