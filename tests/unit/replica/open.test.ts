import {
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src-shared';
import { migrate, userVersion } from '../../../src-main/replica/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/replica/migrations';
import { isCorruptionError, openReplica, resetReplica } from '../../../src-main/replica/open';
import { mustOpen, tempDir } from './temp';
import { makeWorld } from './world';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all() as object[]
    ).map((row) => JSON.stringify(row));
  } finally {
    db.close();
  }
}

/** A replica with data, two queued mutations and a signed-in user, closed (WAL folded in). */
function filledReplica(file: string): void {
  const replica = mustOpen(file);
  for (const batch of makeWorld(5, 150).batches) replica.applyChanges(batch);
  for (const [key, value] of [
    ['userId', 'user-1'],
    ['tenantId', 'tenant-1'],
    ['cloudUrl', 'https://cloud.test'],
    ['syncCursor', '42'],
  ]) {
    replica.setMeta(key!, value!);
  }
  replica.saveFilters({ ...NO_FILTERS, storeIds: ['store-a'] });
  replica.saveFilters({ ...NO_FILTERS, storeIds: ['store-b'] });
  replica.close();
}

function overwritePage(file: string, page: number, bytes: Buffer): void {
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('migrations', () => {
  it('are numbered 1, 2, 3... without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('build the same schema from an empty file and from every earlier version', () => {
    const fresh = temp.file('fresh.db');
    mustOpen(fresh).close();
    const want = schemaOf(fresh);
    for (let k = 0; k <= MIGRATIONS.length; k++) {
      const file = temp.file(`from-${k}.db`);
      const db = new Database(file);
      migrate(db, MIGRATIONS.slice(0, k));
      expect(userVersion(db)).toBe(k);
      db.close();
      const replica = mustOpen(file);
      replica.close();
      const reopened = new Database(file, { readonly: true });
      expect(userVersion(reopened), `from version ${k}`).toBe(LATEST_VERSION);
      reopened.close();
      expect(schemaOf(file), `from version ${k}`).toEqual(want);
    }
  });

  it('opens in WAL mode with foreign keys on', () => {
    const replica = mustOpen(temp.file());
    replica.close();
    const db = new Database(temp.file(), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('a file from a newer Showroom', () => {
  it('is refused and left exactly as it was', () => {
    const file = temp.file();
    filledReplica(file);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(file);
    const modified = statSync(file).mtimeMs;

    const opened = openReplica(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.health).toMatchObject({ state: 'newer_version', pendingMutations: 2 });
    expect(opened.health.message).toMatch(/newer Showroom/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(modified);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('a damaged file', () => {
  it('with garbage over the messages table root is reported corrupt, and a reset keeps the outbox', () => {
    const file = temp.file();
    filledReplica(file);
    const db = new Database(file, { readonly: true });
    const root = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'messages'")
      .pluck()
      .get() as number;
    db.close();
    overwritePage(file, root, Buffer.alloc(4096, 0xa5));

    const opened = openReplica(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.health).toMatchObject({ state: 'corrupt', pendingMutations: 2 });

    const reset = resetReplica(file);
    try {
      expect(reset.keptMutations).toBe(2);
      expect(reset.movedTo).toMatch(/replica\.db\.broken-/);
      expect(existsSync(reset.movedTo!)).toBe(true);
      const pending = reset.replica.pendingMutations();
      expect(pending.map((m) => m.args)).toEqual([
        { filters: { ...NO_FILTERS, storeIds: ['store-a'] } },
        { filters: { ...NO_FILTERS, storeIds: ['store-b'] } },
      ]);
      expect(reset.replica.getMeta('userId')).toBe('user-1');
      expect(reset.replica.getMeta('cloudUrl')).toBe('https://cloud.test');
      expect(reset.replica.getMeta('syncCursor')).toBeNull();
      expect(reset.replica.folderCounts(NO_FILTERS).inbox).toBe(0);
    } finally {
      reset.replica.close();
    }
    expect(openReplica(file).ok).toBe(true);
  });

  it('that is not a database at all is reported corrupt, and a reset moves it aside', () => {
    const file = temp.file();
    writeFileSync(file, 'these are not the pages you are looking for\n'.repeat(200));
    const opened = openReplica(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.health).toMatchObject({ state: 'corrupt', pendingMutations: 0 });

    const reset = resetReplica(file);
    reset.replica.close();
    expect(reset.keptMutations).toBe(0);
    expect(readFileSync(reset.movedTo!, 'utf8')).toMatch(/^these are not the pages/);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.broken-'))).toHaveLength(1);
  });

  it('raises errors that isCorruptionError recognises when a query meets the damage', () => {
    const file = temp.file();
    filledReplica(file);
    const db = new Database(file, { readonly: true });
    const root = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'messages'")
      .pluck()
      .get() as number;
    db.close();
    overwritePage(file, root, Buffer.alloc(4096, 0xa5));
    const raw = new Database(file, { readonly: true });
    let caught: unknown;
    try {
      raw.prepare('SELECT * FROM messages WHERE body IS NOT NULL').all();
    } catch (error) {
      caught = error;
    } finally {
      raw.close();
    }
    expect(isCorruptionError(caught)).toBe(true);
    expect(isCorruptionError(new Error('disk full'))).toBe(false);
  });
});
