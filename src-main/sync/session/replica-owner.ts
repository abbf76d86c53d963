import { v7 as uuidv7 } from 'uuid';
import type { User } from '../../../src-shared';
import type { CoreLog } from '../../core/log';
import { META_KEYS } from '../../replica/local/meta';
import type { Replica } from '../../replica/replica';
import type { Owner, ParkedOutbox } from './parked-outbox';

/** Whose data the replica holds: the signed-in user, or the last one who signed out. */
export function ownerOf(replica: Replica): Partial<Owner> {
  return {
    cloud: replica.getMeta(META_KEYS.cloudUrl) ?? undefined,
    tenantId: replica.getMeta(META_KEYS.tenantId) ?? undefined,
    userId:
      replica.getMeta(META_KEYS.userId) ?? replica.getMeta(META_KEYS.signedOutUserId) ?? undefined,
  };
}

export interface AdoptOptions {
  replica(): Replica;
  /** Deletes the replica file and opens an empty one. */
  wipe(): void;
  parked: ParkedOutbox;
  log: CoreLog;
}

/**
 * Makes the replica the signed-in user's. The same user of the same tenant and cloud keeps it
 * all (rows, cursor, outbox). Anyone else gets an empty replica: a user may not see what another
 * could (other stores), and nothing of another tenant or cloud may stay. The previous user's
 * unsent changes are parked for them (same cloud and tenant) and never sent as the new user;
 * this user's own parked changes come back into the outbox. Answers whether it wiped.
 */
export function adoptReplica(cloud: string, user: User, options: AdoptOptions): boolean {
  const next: Owner = { cloud, tenantId: user.tenantId, userId: user.id };
  const current = ownerOf(options.replica());
  const same =
    current.cloud === next.cloud &&
    current.tenantId === next.tenantId &&
    current.userId === next.userId;
  if (!same) {
    leave(current, next, options);
    options.wipe();
  }
  const replica = options.replica();
  const parked = options.parked.peek(next);
  replica.transaction(() => {
    replica.setMeta(META_KEYS.cloudUrl, next.cloud);
    replica.setMeta(META_KEYS.tenantId, next.tenantId);
    replica.setMeta(META_KEYS.userId, next.userId);
    replica.setMeta(META_KEYS.signedOutUserId, null);
    if (!replica.getMeta(META_KEYS.clientId)) replica.setMeta(META_KEYS.clientId, uuidv7());
    const known = new Set(replica.pendingMutations().map((entry) => entry.id));
    for (const entry of parked) if (!known.has(entry.id)) replica.enqueueMutation(entry);
    // The user's own row, as the sign-in answered it: who makes changes, before the first pull.
    replica.applyChanges([{ table: 'users', op: 'upsert', row: user }]);
  });
  options.parked.forget(next);
  return !same;
}

function leave(current: Partial<Owner>, next: Owner, options: AdoptOptions): void {
  const pending = options.replica().pendingMutations();
  const { cloud, tenantId, userId } = current;
  const sameTenant = cloud === next.cloud && tenantId === next.tenantId;
  if (pending.length > 0 && cloud && tenantId && userId && sameTenant) {
    options.parked.park({ cloud, tenantId, userId }, pending);
  } else if (pending.length > 0) {
    options.log({
      level: 'warn',
      what: `dropped ${pending.length} unsent changes of another tenant or of the local demo`,
    });
  }
  const dropped = options.parked.keepOnly(next.cloud, next.tenantId);
  if (dropped > 0) {
    options.log({ level: 'warn', what: `dropped ${dropped} parked changes of another tenant` });
  }
}

/** Signed out: the console shows nobody's data, the rows and outbox wait for the same user. */
export function markSignedOut(replica: Replica): void {
  replica.transaction(() => {
    const userId = replica.getMeta(META_KEYS.userId);
    if (userId) replica.setMeta(META_KEYS.signedOutUserId, userId);
    replica.setMeta(META_KEYS.userId, null);
  });
}
