import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
/** Any constant: two cloud processes starting together on one database migrate one at a time. */
const MIGRATION_LOCK = 7_400_001;

/** `migrations/0003-accounts.sql` -> {version: 3, name: 'accounts'}, in version order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d+)-([\w-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file name must look like 0001-name.sql: ${file}`);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: readFileSync(join(dir, file), 'utf8'),
      };
    });
}

/**
 * Brings the schema up to date, one transaction per migration. Refuses a database that was
 * migrated by a newer cloud, or whose history disagrees with these files (a renamed or
 * reordered migration), rather than guess.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
  });
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const applied = await tx.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      checkHistory(applied, migrations);
      if (applied.some((row) => row.version === migration.version)) return;
      await tx.exec(migration.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
    });
  }
}

/** Throws unless the applied history is a prefix-compatible part of `known`. */
export function checkHistory(
  applied: { version: number; name: string }[],
  known: Migration[],
): void {
  const latest = known.at(-1)?.version ?? 0;
  for (const row of applied) {
    if (row.version > latest) {
      throw new Error(
        `the database was migrated by a newer Showroom cloud (schema ${row.version}, this one knows up to ${latest})`,
      );
    }
    const mine = known.find((m) => m.version === row.version);
    if (mine?.name !== row.name) {
      throw new Error(
        `migration history disagrees: the database applied ${row.version}-${row.name}, this cloud has ${mine ? `${mine.version}-${mine.name}` : 'no such migration'}`,
      );
    }
  }
}
