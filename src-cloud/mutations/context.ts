import type { Tx } from '../db/db';
import type { AuthContext } from '../accounts/auth-context';
import type { SyncWriter } from '../sync/writer';

/** What a mutation handler gets: its transaction, the caller, the time, and the only writer. */
export interface MutationContext {
  tx: Tx;
  auth: AuthContext;
  /** One instant for the whole mutation, so every row it stamps agrees. */
  now: number;
  write: SyncWriter;
  /** A fresh UUIDv7 for rows the cloud creates (timeline events, conversations). */
  newId(): string;
}
