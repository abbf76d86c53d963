import { blankLead, type Lead, type SyncChange, type User } from '../../../src-shared';
import { META_KEYS } from '../../../src-main/replica/local/meta';
import type { Replica } from '../../../src-main/replica/replica';
import type { Rows } from '../../../src-main/sync/effects';
import { mustOpen, tempDir } from '../replica/temp';
import { catalogChanges, STORES, TENANT } from '../replica/world-catalog';

export const NOW = Date.UTC(2025, 4, 6, 15);

export function lead(id: string, changes: Partial<Lead> = {}): Lead {
  return {
    ...blankLead({ id, tenantId: TENANT, storeId: STORES[0]!, source: 'Text' }, NOW - 3_600_000),
    firstName: 'Pat',
    lastName: 'Customer',
    phones: [{ number: '+13035550123', type: 'mobile' }],
    email: 'pat@example.com',
    awaitingSince: NOW - 60_000,
    ...changes,
  };
}

export const upsert = (table: SyncChange['table'], row: unknown) =>
  ({ table, op: 'upsert', row }) as SyncChange;

export interface SyncWorld {
  replica: Replica;
  /** user-1 is a manager, user-2 an agent (world-catalog). */
  manager: User;
  agent: User;
  cleanup(): void;
}

/** A replica with the test dealer group and two leads, signed in as the agent user-2. */
export function syncWorld(): SyncWorld {
  const dir = tempDir();
  const replica = mustOpen(dir.file());
  replica.applyChanges([
    ...catalogChanges(),
    upsert('leads', lead('lead-open', { status: 'warm' })),
    upsert('leads', lead('lead-dead', { status: 'dead', optedOut: true })),
  ]);
  replica.setMeta(META_KEYS.userId, 'user-2');
  return {
    replica,
    manager: replica.syncedRow('users', 'user-1')!,
    agent: replica.syncedRow('users', 'user-2')!,
    cleanup() {
      replica.close();
      dir.cleanup();
    },
  };
}

/** Rows an effect can read when this PC holds none: each test overrides what it needs. */
export function noRows(): Rows {
  return {
    lead: () => null,
    appointment: () => null,
    message: () => null,
    user: () => null,
    store: () => null,
    conversations: () => [],
    funnel: () => null,
  };
}
