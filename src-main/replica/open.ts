import type { OpenReplicaOptions, ReplicaProblem } from './open-database';
import { openReplicaDatabase } from './open-database';
import type { Replica } from './replica';
import { SqliteReplica } from './sqlite-replica';

export { isCorruptionError } from './corruption';
export { resetReplica, type ResetResult } from './reset';
export type { OpenReplicaOptions, ReplicaProblem } from './open-database';

export type OpenReplicaResult =
  { ok: true; replica: Replica } | { ok: false; health: ReplicaProblem };

/**
 * Opens (creating if needed) and migrates the replica at `file`. Refuses, without writing to
 * it, a file from a newer version of the app; reports a damaged file as corrupt.
 */
export function openReplica(file: string, options: OpenReplicaOptions = {}): OpenReplicaResult {
  const opened = openReplicaDatabase(file, options);
  return opened.ok ? { ok: true, replica: new SqliteReplica(opened.db, options.now) } : opened;
}
