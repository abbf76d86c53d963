import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the last of `migrations`, each in its own transaction, so a crash
 * leaves the file at a version it can be migrated from. The caller has already refused a file
 * from a newer version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  for (const migration of migrations) {
    if (migration.version <= userVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
