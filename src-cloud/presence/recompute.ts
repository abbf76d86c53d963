import type { UserPresence } from '../../src-shared/presence/presence';
import type { Tx } from '../db/db';
import { publish } from '../live/bus';
import { combineDevices, samePresence, type DeviceRow } from './combine';

/** What a user is until a device of theirs says otherwise (also GET /v1/presence's default). */
export const NEVER_SEEN = { state: 'offline', reason: 'disconnected', since: 0 } as const;

/**
 * Sets a user's presence from their devices and announces it when it changed, inside `tx`.
 * The user's user_presence row is locked first, so two cloud processes recomputing the same
 * user take turns, and the second reads the devices the first committed. Callers write their
 * device rows before calling, and lock several users in a stable order.
 */
export async function recomputeUserPresence(
  tx: Tx,
  tenantId: string,
  userId: string,
  now: number,
): Promise<UserPresence | null> {
  await tx.query(
    `INSERT INTO user_presence (tenant_id, user_id, state, reason, since)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, user_id) DO NOTHING`,
    [tenantId, userId, NEVER_SEEN.state, NEVER_SEEN.reason, NEVER_SEEN.since],
  );
  const [stored] = await tx.query<Omit<UserPresence, 'userId'>>(
    `SELECT state, reason, since FROM user_presence
     WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE`,
    [tenantId, userId],
  );
  const devices = await tx.query<DeviceRow>(
    `SELECT state, reason, since, seen_at AS "seenAt" FROM device_presence
     WHERE tenant_id = $1 AND user_id = $2`,
    [tenantId, userId],
  );
  const presence = combineDevices(devices, now);
  if (stored && samePresence(stored, presence)) return null;

  await tx.query(
    `UPDATE user_presence SET state = $3, reason = $4, since = $5
     WHERE tenant_id = $1 AND user_id = $2`,
    [tenantId, userId, presence.state, presence.reason, presence.since],
  );
  const user: UserPresence = { userId, ...presence };
  await publish(tx, { type: 'presence', tenantId, user });
  return user;
}
