import Database from 'better-sqlite3';

/**
 * True for SQLite's "the file is damaged" errors (SQLITE_CORRUPT and its extended codes,
 * SQLITE_NOTADB). The core reports these as `replica_corrupt` and offers a reset; any other
 * error is a bug or a full disk, not a reason to throw the cache away.
 */
export function isCorruptionError(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB';
}
