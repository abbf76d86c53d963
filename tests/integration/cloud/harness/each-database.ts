import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import type { Db } from '../../../../src-cloud/db/db';
import { migrate } from '../../../../src-cloud/db/migrate';
import { openPglite } from '../../../../src-cloud/db/pglite';
import { openPostgres } from '../../../../src-cloud/db/postgres';
import { postgresUnavailable, startPostgres } from './postgres-server';

export type DatabaseKind = 'pglite' | 'postgres';

export interface MigratedDb {
  db: Db;
  /** A second pool on the same database (PostgreSQL): a transaction beside `db`'s. */
  other: Db | null;
  close(): Promise<void>;
}

/**
 * Declares `behaves` twice: on a migrated PGlite folder, and on a fresh database of a throwaway
 * PostgreSQL server (skipped, saying so, where PostgreSQL is not installed). Every cloud query
 * must work on both. `open` is called once per run, in its `beforeAll`.
 */
export function onEachDatabase(
  subject: string,
  behaves: (open: () => Promise<MigratedDb>, kind: DatabaseKind) => void,
): void {
  describe(`${subject} on PGlite`, () => {
    behaves(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'showroom-db-'));
      const db = await openPglite(dir);
      await migrate(db);
      return {
        db,
        other: null,
        close: async () => {
          await db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }, 'pglite');
  });

  describe.skipIf(postgresUnavailable())(`${subject} on PostgreSQL`, () => {
    behaves(async () => {
      const server = await startPostgres();
      const url = await server.createDatabase();
      const db = await openPostgres(url, 4);
      const other = await openPostgres(url, 1);
      await migrate(db);
      return {
        db,
        other,
        close: async () => {
          await other.close();
          await db.close();
          await server.stop();
        },
      };
    }, 'postgres');
  });
}
