import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { META_KEPT_ON_RESET, setMeta } from './local/meta';
import { insertMutation, toEntry } from './local/outbox';
import { openReplicaDatabase, type OpenReplicaOptions } from './open-database';
import type { OutboxEntry, Replica } from './replica';
import { SqliteReplica } from './sqlite-replica';
import { Statements } from './statements';

export interface ResetResult {
  replica: Replica;
  /** Outbox entries carried over from the old file, to be sent as if nothing happened. */
  keptMutations: number;
  /** Where the old file went (with its -wal and -shm beside it); null if there was none. */
  movedTo: string | null;
}

interface Salvage {
  mutations: OutboxEntry[];
  meta: [string, string][];
}

/**
 * "Reset local cache and resync": keeps what the old file still holds of the outbox and of the
 * sign-in, moves the old file aside (never deletes it: support may want it), and starts a
 * fresh replica without a sync cursor, so the next pull downloads everything. Close the old
 * replica first.
 */
export function resetReplica(file: string, options: OpenReplicaOptions = {}): ResetResult {
  const salvage = salvageFrom(file);
  const movedTo = moveAside(file);
  const opened = openReplicaDatabase(file, options);
  if (!opened.ok)
    throw new Error(`could not create a fresh replica at ${file}: ${opened.health.message}`);
  const statements = new Statements(opened.db);
  opened.db.transaction(() => {
    for (const entry of salvage.mutations) insertMutation(statements, entry);
    for (const [key, value] of salvage.meta) setMeta(statements, key, value);
  })();
  return {
    replica: new SqliteReplica(opened.db, options.now),
    keptMutations: salvage.mutations.length,
    movedTo,
  };
}

/** Reads what it can, read-only; a part that cannot be read is given up, not fatal. */
function salvageFrom(file: string): Salvage {
  const salvage: Salvage = { mutations: [], meta: [] };
  if (!existsSync(file)) return salvage;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    salvage.mutations = readMutations(db);
    salvage.meta = readMeta(db);
  } catch {
    // Not even openable: nothing to keep.
  } finally {
    db?.close();
  }
  return salvage;
}

function readMutations(db: Database.Database): OutboxEntry[] {
  try {
    const rows = db
      .prepare('SELECT id, name, args, created_at, attempts, last_error FROM outbox ORDER BY seq')
      .all() as Parameters<typeof toEntry>[0][];
    return rows.flatMap((row) => {
      try {
        return [toEntry(row)];
      } catch {
        return []; // args that are not JSON any more cannot be sent anyway
      }
    });
  } catch {
    return [];
  }
}

function readMeta(db: Database.Database): [string, string][] {
  try {
    const read = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    return META_KEPT_ON_RESET.flatMap((key) => {
      const value = read.get(key);
      return typeof value === 'string' ? [[key, value] as [string, string]] : [];
    });
  } catch {
    return [];
  }
}

function moveAside(file: string): string | null {
  if (!existsSync(file)) return null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = `${file}.broken-${stamp}`;
  for (let i = 2; existsSync(target); i++) target = `${file}.broken-${stamp}-${i}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
