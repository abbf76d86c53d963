import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ReplicaHealth } from '../../src-shared';
import { isCorruptionError } from './corruption';
import { migrate, userVersion } from './migrate';
import { LATEST_VERSION } from './migrations';

export type ReplicaProblem = Exclude<ReplicaHealth, { state: 'ok' }>;

export interface OpenReplicaOptions {
  /** The clock for outbox timestamps. */
  now?: () => number;
  /**
   * `quick`: PRAGMA quick_check, which reads every page (~30 s at 100k leads on this machine).
   * `probe` (default, ~0.1 s): reads the first rows of every table, which finds a damaged root page or
   * a file that is not a database at once; damage deeper down surfaces as SQLITE_CORRUPT from
   * the query that meets it (see isCorruptionError).
   */
  check?: 'quick' | 'probe';
}

/** openReplica's work, handing back the bare connection (a reset writes into it first). */
export function openReplicaDatabase(
  file: string,
  options: OpenReplicaOptions = {},
): { ok: true; db: Database.Database } | { ok: false; health: ReplicaProblem } {
  const refusal = inspectReadOnly(file);
  if (refusal) return { ok: false, health: refusal };
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    const version = userVersion(db);
    if (version > LATEST_VERSION) {
      db.close();
      return { ok: false, health: newerVersion(file, version, 0) };
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 128 MB: a first sync of 100k leads inserts at random places in the id indexes (~100 MB);
    // with less, each batch re-reads and re-writes index pages, and loads take twice as long.
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
    // A pull commits every few thousand rows; checkpointing after each would write the same
    // index pages to the file again and again (2x the load time at 100k leads). The WAL may
    // grow to ~160 MB during a first sync and is cut back to 64 MB after each checkpoint.
    db.pragma('wal_autocheckpoint = 40000');
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
    const damage = options.check === 'quick' ? quickCheck(db) : probeTables(db);
    if (damage) {
      db.close();
      return { ok: false, health: corrupt(file, damage, countOutbox(file)) };
    }
    return { ok: true, db };
  } catch (error) {
    db?.close();
    if (isCorruptionError(error)) {
      return { ok: false, health: corrupt(file, (error as Error).message, countOutbox(file)) };
    }
    throw error;
  }
}

/** Looks at an existing file read-only, so that a refused file is left exactly as it was. */
function inspectReadOnly(file: string): ReplicaProblem | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = userVersion(db);
    if (version > LATEST_VERSION) return newerVersion(file, version, countOutboxIn(db));
    return null;
  } catch (error) {
    if (isCorruptionError(error)) return corrupt(file, (error as Error).message, 0);
    // Some files cannot be read without write access (a WAL file missing its -shm); the
    // read-write open checks the version again before it writes anything.
    return null;
  } finally {
    db?.close();
  }
}

function probeTables(db: Database.Database): string | null {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0")
    .pluck()
    .all() as string[];
  for (const table of tables)
    db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}" LIMIT 1`).all();
  return null;
}

function quickCheck(db: Database.Database): string | null {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const messages = problems.map((row) => row.quick_check);
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.join('; ');
}

/** How many outbox entries a damaged or refused file still holds, as far as it can be read. */
export function countOutbox(file: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return countOutboxIn(db);
  } catch {
    return 0;
  } finally {
    db?.close();
  }
}

function countOutboxIn(db: Database.Database): number {
  try {
    return db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  } catch {
    return 0;
  }
}

function corrupt(file: string, detail: string, pendingMutations: number): ReplicaProblem {
  return {
    state: 'corrupt',
    message: `The local cache ${file} is damaged (${detail}). Reset it to download everything again.`,
    pendingMutations,
  };
}

function newerVersion(file: string, version: number, pendingMutations: number): ReplicaProblem {
  return {
    state: 'newer_version',
    message:
      `The local cache ${file} was made by a newer Showroom (schema ${version}; this one knows ` +
      `up to ${LATEST_VERSION}). Update Showroom, or reset the cache to download everything again.`,
    pendingMutations,
  };
}
